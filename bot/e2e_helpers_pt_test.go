package bot_test

import (
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
)

// The end-to-end helpers the core's tests share with
// bot/participation's (participation_e2e_test.go there).

const (
	ptBranch  = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	ptBranchN = "Chi đoàn Khoa Công nghệ thông tin"
)

// The end-to-end checks, bottest's.
var (
	ptFirstButtons = bottest.FirstButtons
	ptContains     = bottest.Contains
	ptPress        = bottest.Press
	ptRefused      = bottest.Refusal
)

// ptActs returns a member's activities, newest first.
func ptActs(t *testing.T, b *bottest.Bot, id int64) []youthbot.Activity { return b.Activities(t, id) }
