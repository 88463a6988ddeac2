package bot_test

import (
	"youthbot/bot"
	"youthbot/bot/internal/harness"
)

// The core's own tests (package bot) run with the rooms, which they cannot
// import themselves: those of the rooms' harness.
func init() { bot.TestRooms = harness.Rooms }
