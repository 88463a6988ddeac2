package bot_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// The end-to-end helpers the core's tests share with
// bot/participation's (participation_e2e_test.go there).

const (
	ptBranch  = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	ptBranchN = "Chi đoàn Khoa Công nghệ thông tin"
)

// ptActs returns a member's activities, newest first.
func ptActs(t *testing.T, b *bottest.Bot, id int64) []youthbot.Activity {
	t.Helper()
	var out []youthbot.Activity
	b.View(func(tx *storage.Tx) error {
		return tx.MemberActivities(id, func(a youthbot.Activity) bool { out = append(out, a); return true })
	})
	return out
}

// ptFirstButtons checks an approval keyboard: the affirmative action is the
// first button of the first row.
func ptFirstButtons(t *testing.T, m *telegramtest.Message, yes, no string) {
	t.Helper()
	s := m.Snapshot()
	if len(s.Buttons) == 0 || len(s.Buttons[0]) < 2 || s.Buttons[0][0].Text != yes || s.Buttons[0][1].Text != no {
		t.Errorf("want buttons [%s | %s] first, got %v", yes, no, s.Buttons)
	}
}

func ptContains(t *testing.T, m *telegramtest.Message, want ...string) {
	t.Helper()
	text := m.Snapshot().Text
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("message lacks %q:\n%s", w, text)
		}
	}
}

// ptPress presses a button and returns the bot's answer, failing on an
// alert (a refusal).
func ptPress(t *testing.T, u *telegramtest.User, m *telegramtest.Message, button string) string {
	t.Helper()
	text, alert := u.Press(m, button).Answer(t)
	if alert {
		t.Fatalf("pressing %q: refused with %q", button, text)
	}
	return text
}

// ptRefused presses a button and returns the alert the bot answers with,
// failing if it is not an alert.
func ptRefused(t *testing.T, u *telegramtest.User, m *telegramtest.Message, data string) string {
	t.Helper()
	text, alert := u.PressData(m, data).Answer(t)
	if !alert || text == "" {
		t.Fatalf("pressing %q: answered %q without an alert, want a refusal", data, text)
	}
	return text
}
