package app

import (
	"youthbot/bot"
	"youthbot/bot/groups"
	"youthbot/bot/participation"
	"youthbot/bot/projects"
	"youthbot/bot/reports"
)

// Features are the bot's feature rooms, in
// the order of the command menus and /help.
var Features = []bot.NewFeature{bot.Membership, participation.New, projects.New, reports.New, groups.New}
