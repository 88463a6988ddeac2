package bot_test

import (
	"youthbot/bot"
	"youthbot/bot/membership"
)

// The core's own tests (package bot) run with the rooms that moved out of
// the core, which they cannot import themselves.
func init() {
	bot.TestRooms = append([]bot.NewFeature{membership.New}, bot.CoreRooms...)
}
