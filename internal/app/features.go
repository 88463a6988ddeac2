package app

import (
	"youthbot/bot"
	"youthbot/bot/activities"
	"youthbot/bot/groups"
	"youthbot/bot/reports"
)

// Features are the bot's feature rooms, in
// the order of the command menus and /help.
var Features = []bot.NewFeature{bot.Membership, bot.Participation, bot.Projects, activities.New, reports.New, groups.New}
