package bot_test

import (
	"testing"

	"youthbot/bot/bottest"
)

// TestCancelTakesTheDialogsButtonsAway: /cancel in the middle of a guided
// /log leaves no button of the dialog to press; the chat reads as ended.
func TestCancelTakesTheDialogsButtonsAway(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	const branch = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	b.Secretary("Hoa", branch)
	an := b.Member("Nguyễn Văn An", branch)

	an.Send("/log")
	ask := an.Expect(t, "ngày nào")
	if text, alert := an.Press(ask, "Hôm qua").Answer(t); alert {
		t.Fatalf("pressing Hôm qua: %q", text)
	}
	hoursAsk := an.Expect(t, "bao nhiêu giờ")
	if len(hoursAsk.Snapshot().Buttons) == 0 {
		t.Fatal("the hours step has no buttons to take away")
	}
	an.Send("/cancel")
	an.Expect(t, "Đã huỷ thao tác")
	b.Server.WaitUntil(t, "the hours step to lose its buttons", func() bool {
		return len(hoursAsk.Snapshot().Buttons) == 0
	})
	if s := hoursAsk.Snapshot(); s.Text == "" {
		t.Errorf("the step's text is gone: %+v", s)
	}
	// Nothing left to cancel: /cancel again edits nothing more.
	an.Send("/cancel")
	an.Expect(t, "Không có thao tác nào")
}
