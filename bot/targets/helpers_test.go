package targets_test

import (
	"strings"
	"testing"

	"youthbot/bot/telegramtest"
)

// Helpers of this room's tests (each room keeps its own copy: rooms do
// not import each other, not even in tests).

// ptContains fails unless m's text, as it stands now, has every want.
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
