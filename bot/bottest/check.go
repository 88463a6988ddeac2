package bottest

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// The checks the end-to-end tests of the core and the rooms share.

// Activities are member id's activities, newest first.
func (b *Bot) Activities(t testing.TB, id int64) []youthbot.Activity {
	t.Helper()
	var out []youthbot.Activity
	b.View(func(tx *storage.Tx) error {
		return tx.MemberActivities(id, func(a youthbot.Activity) bool { out = append(out, a); return true })
	})
	return out
}

// FirstButtons checks an approval keyboard: the affirmative action is the
// first button of the first row.
func FirstButtons(t testing.TB, m *telegramtest.Message, yes, no string) {
	t.Helper()
	s := m.Snapshot()
	if len(s.Buttons) == 0 || len(s.Buttons[0]) < 2 || s.Buttons[0][0].Text != yes || s.Buttons[0][1].Text != no {
		t.Errorf("want buttons [%s | %s] first, got %v", yes, no, s.Buttons)
	}
}

// Contains fails unless m's text, as it stands now, has every want.
func Contains(t testing.TB, m *telegramtest.Message, want ...string) {
	t.Helper()
	text := m.Snapshot().Text
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("message lacks %q:\n%s", w, text)
		}
	}
}

// Press presses a button and returns the bot's answer, failing on an
// alert (a refusal).
func Press(t testing.TB, u *telegramtest.User, m *telegramtest.Message, button string) string {
	t.Helper()
	text, alert := u.Press(m, button).Answer(t)
	if alert {
		t.Fatalf("pressing %q: refused with %q", button, text)
	}
	return text
}

// Refusal presses a button by its data and returns the alert the bot
// answers with, failing if it is not an alert.
func Refusal(t testing.TB, u *telegramtest.User, m *telegramtest.Message, data string) string {
	t.Helper()
	text, alert := u.PressData(m, data).Answer(t)
	if !alert || text == "" {
		t.Fatalf("pressing %q: answered %q without an alert, want a refusal", data, text)
	}
	return text
}
