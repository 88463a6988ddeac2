package bot_test

import (
	"strings"
	"testing"

	"youthbot/bot"
	"youthbot/bot/internal/harness"
)

func TestMisspelledCommandGetsTheClosest(t *testing.T) {
	tests := []struct {
		lang, text, want string
	}{
		{"vi", "/pendng", "Ý bạn là /pending?"},
		{"vi", "/pneding", "Ý bạn là /pending?"},
		{"vi", "/hlep", "Ý bạn là /help?"},
		{"en", "/pendin", "Did you mean /pending?"},
		{"vi", "/xyzzyq", "Không có lệnh này. Gõ /help"},
		{"en", "/0901234567", "There is no such command. Send /help"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			h := harness.New(t)
			got := strings.Join(h.Say(harness.User(501, tt.lang), tt.text), "\n")
			if !strings.Contains(got, tt.want) {
				t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"log", "log", 0}, {"lgo", "log", 1}, {"pendng", "pending", 1},
		{"pneding", "pending", 1}, {"help", "", 4}, {"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := bot.EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("bot.EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestHelpOfAPendingMemberSaysItIsPending(t *testing.T) {
	h := harness.New(t)
	m := h.Register(502, "VT-P5-KV1", "Nguyễn Văn An")
	if m.Status != "pending" {
		t.Fatalf("status %q, want pending", m.Status)
	}
	got := strings.Join(h.Say(harness.User(502, "vi"), "/help"), "\n")
	if strings.Contains(got, "link mời") {
		t.Errorf("a pending member's /help says to open an invite link:\n%s", got)
	}
	if !strings.Contains(got, "đang chờ bí thư duyệt") {
		t.Errorf("a pending member's /help does not say it is pending:\n%s", got)
	}
	// Someone not registered is still told how to join.
	if got := strings.Join(h.Say(harness.User(503, "vi"), "/help"), "\n"); !strings.Contains(got, "link mời") {
		t.Errorf("a newcomer's /help does not say how to join:\n%s", got)
	}
}
