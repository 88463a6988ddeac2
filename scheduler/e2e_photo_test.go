package scheduler_test

import (
	"strings"
	"testing"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
)

func TestActivityRequestWhosePhotoIsRefusedReachesTheSecretaryAsText(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5-KV1")
	an := b.Member("Nguyễn Văn An", "VT-P5-KV1")
	// Telegram refuses the evidence's file id when the request is sent.
	b.Server.FailNext("sendPhoto", 1, telegramtest.Fault{Code: 400, Description: "Bad Request: wrong file identifier/HTTP URL specified"})
	an.SendPhoto("/log 2,5h Trồng cây xanh ven đường")
	an.Expect(t, "Đã ghi nhận lượt tham gia")
	req := hoa.Expect(t, "Trồng cây xanh ven đường")
	s := req.Snapshot()
	if s.Photo != nil || !strings.Contains(s.Text, "Nguyễn Văn An") || !strings.Contains(s.Text, "2,5 giờ") {
		t.Fatalf("the request reads %+v, want the text of the caption", s)
	}
	hoa.Press(req, "✅ Xác nhận").Answer(t)
	b.Settle()
	if s := req.Snapshot(); !strings.Contains(s.Text, "Đã xác nhận") || len(s.Buttons) != 0 {
		t.Errorf("after Confirm the request reads %q %v", s.Text, s.Buttons)
	}
}
