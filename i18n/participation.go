package i18n

// Messages of participation (F2).

var viParticipation = map[string]string{}

var enParticipation = map[string]string{}
