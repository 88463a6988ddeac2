package app

import (
	"youthbot/bot"
	"youthbot/bot/groups"
	"youthbot/bot/reports"
)

// Features are the bot's feature rooms, after the core's own commands, in
// the order of the command menus and /help.
var Features = []bot.NewFeature{reports.New, groups.New}
