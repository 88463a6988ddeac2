package membership_test

import (
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/storage"
)

// TestEndToEndRejectInOwnWordsThenUndo runs, through the Telegram double,
// a registration rejected with a reason typed by the secretary (the
// member reads it as typed, markup and all), the undo within the day and
// the approval after it.
func TestEndToEndRejectInOwnWordsThenUndo(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", claimBranch)
	lan := b.Server.NewUser("Lan", "vi")
	registerVia(t, b, lan, "Nguyễn Thị Lan", "15/03/2004", true)
	lan.Expect(t, "Đã gửi đăng ký")
	req := sec.Expect(t, "Nguyễn Thị Lan")
	sec.Press(req, "Từ chối")
	b.Settle()
	sec.Press(req, "Lý do khác")
	sec.Expect(t, "Nhập lý do từ chối")
	sec.Send("Sai <i>chi đoàn</i>, đăng ký lại")
	if told := lan.Expect(t, "chưa được duyệt"); !strings.Contains(told.Text, "Lý do: Sai <i>chi đoàn</i>, đăng ký lại") {
		t.Errorf("the member reads %q", told.Text)
	}
	done := sec.Expect(t, "Đã từ chối: Nguyễn Thị Lan")
	b.Settle()
	if s := req.Snapshot(); len(s.Buttons) != 0 {
		t.Errorf("the request keeps its buttons: %v", s.Buttons)
	}
	b.Advance(23 * time.Hour)
	sec.Press(done, "Hoàn tác")
	lan.Expect(t, "đăng ký đang chờ duyệt lại")
	b.Settle()
	sec.Press(done, "Duyệt") // the message is the request again
	lan.Expect(t, "đã được duyệt")
	b.Settle()
	b.View(func(tx *storage.Tx) error {
		m, err := tx.Member(lan.ID)
		if err != nil || m.Status != youthbot.StatusApproved || m.Reason != "" {
			t.Errorf("the member %+v, %v", m, err)
		}
		return nil
	})
}
