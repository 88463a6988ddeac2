package bot_test

import (
	"strings"
	"testing"

	"youthbot/bot/internal/harness"
)

// The one-line forms in the words Vietnamese users write (issue 11).
// The harness's clock is Tuesday 10/03/2026, 16:00 in Asia/Ho_Chi_Minh.

// TestInviteBiThuAsSecretary: /invite CODE bí thư makes the secretary
// link that /invite CODE secretary makes; its usage line is Vietnamese.
func TestInviteBiThuAsSecretary(t *testing.T) {
	h := harness.New(t)
	admin := harness.User(harness.AdminID, "vi")
	for _, line := range []string{"/invite VT bí thư", "/invite VT bi thu", "/invite bí thư VT", "/invite VT secretary"} {
		text := strings.Join(h.Say(admin, line), "\n")
		if !strings.Contains(text, "https://t.me/youthbot_test_bot?start=s_") || !strings.Contains(text, "Link bí thư <b>Thành đoàn Vị Thanh</b>") {
			t.Errorf("%s: %q, want a secretary link of VT", line, text)
		}
	}
	if got := strings.Join(h.Say(admin, "/invite VT HG"), "\n"); !strings.Contains(got, "/invite [MÃ_ĐƠN_VỊ] [bí thư]") {
		t.Errorf("usage: %q", got)
	}
}
