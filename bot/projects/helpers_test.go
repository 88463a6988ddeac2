package projects_test

import (
	"youthbot/bot/bottest"
	th "youthbot/bot/internal/harness"
)

// Helpers the projects tests share with the other rooms' tests: the
// end-to-end checks are bottest's, the queued messages' the harness's.

var (
	ptContains = bottest.Contains
	ptPress    = bottest.Press
	ptRefused  = bottest.Refusal
	describe   = th.Describe
	has        = th.Has
)
