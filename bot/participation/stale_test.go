package participation_test

import (
	"slices"
	"testing"

	"youthbot/bot"
	"youthbot/bot/participation"
	"youthbot/i18n"
)

// TestStaleButtonsAnswerAlike: a stale or forged button of participation
// gets the one answer of bot/handler_test.go's: the same alert, and
// nothing changes.
func TestStaleButtonsAnswerAlike(t *testing.T) {
	h := newHarness(t)
	h.register(501, "VT-CDCD-CNTT", "Trần Thị Chờ")
	want := []string{"⚠️ " + i18n.T("vi", "stale_button")}
	for _, tt := range []struct{ name, data string }{
		{"ForgedPage", bot.Data(participation.CbMyPage, "abc")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := h.snapshot()
			if got := h.press(user(501, "vi"), tt.data); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q", got, want)
			}
			if h.snapshot() != before {
				t.Error("state changed")
			}
		})
	}
}
