package i18n

// Messages of projects, campaigns and targets (F3, F4).

var viProject = map[string]string{}

var enProject = map[string]string{}
