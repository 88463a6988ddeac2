package app

import (
	"youthbot/bot"
	"youthbot/bot/activities"
	"youthbot/bot/groups"
	"youthbot/bot/membership"
	"youthbot/bot/participation"
	"youthbot/bot/projects"
	"youthbot/bot/reports"
	"youthbot/bot/targets"
)

// Features are the bot's feature rooms, in the order of the command menus
// and /help.
var Features = []bot.NewFeature{membership.New, participation.New, projects.New, targets.New, activities.New, reports.New, groups.New}
