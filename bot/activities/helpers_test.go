package activities_test

import (
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/activities"
	"youthbot/bot/internal/harness"
)

func newHarness(t testing.TB) *harness.H { return harness.New(t, activities.New) }

// say sends text as from and returns the replies to from, joined.
func say(h *harness.H, from *tgbotapi.User, text string) string {
	h.T.Helper()
	return strings.Join(h.Say(from, text), "\n---\n")
}

// send applies text from from and returns what the bot queued.
func send(h *harness.H, from *tgbotapi.User, text string) []*youthbot.Outgoing {
	h.T.Helper()
	return h.Apply(harness.MsgUpdate(from, text))
}

// tap applies the press of the button data starts with prefix among msgs'
// and returns what the bot queued.
func tap(h *harness.H, from *tgbotapi.User, msgs []*youthbot.Outgoing, prefix string) []*youthbot.Outgoing {
	h.T.Helper()
	for _, d := range harness.Buttons(msgs) {
		if strings.HasPrefix(d, prefix) {
			return h.Apply(harness.CbUpdate(from, d))
		}
	}
	h.T.Fatalf("no button %q among %q", prefix, harness.Buttons(msgs))
	return nil
}

func texts(msgs []*youthbot.Outgoing, id int64) string {
	return strings.Join(harness.Texts(msgs, id), "\n---\n")
}

func contains(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("text lacks %q:\n%s", w, got)
		}
	}
}
