package i18n

// Messages of groups and broadcasts (F5).

var viGroup = map[string]string{}

var enGroup = map[string]string{}
