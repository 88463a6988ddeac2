package app

import (
	"youthbot/bot"
	"youthbot/bot/activities"
	"youthbot/bot/groups"
	"youthbot/bot/membership"
	"youthbot/bot/participation"
	"youthbot/bot/projects"
	"youthbot/bot/reports"
	"youthbot/bot/requests"
	"youthbot/bot/targets"
)

// Features are the bot's feature rooms, in the order of the command menus
// and /help; requests (the live summaries of the requests to secretaries)
// has no command.
var Features = []bot.NewFeature{membership.New, participation.New, projects.New, targets.New, activities.New, reports.New, groups.New,
	requests.New}
