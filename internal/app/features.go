package app

import (
	"youthbot/bot"
	"youthbot/bot/groups"
	"youthbot/bot/membership"
	"youthbot/bot/reports"
)

// Features are the bot's feature rooms, in
// the order of the command menus and /help.
var Features = []bot.NewFeature{membership.New, bot.Participation, bot.Projects, reports.New, groups.New}
