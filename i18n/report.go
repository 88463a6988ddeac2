package i18n

// Messages of tallies and reports (F6).

var viReport = map[string]string{}

var enReport = map[string]string{}
