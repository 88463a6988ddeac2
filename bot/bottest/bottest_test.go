package bottest_test

import (
	"testing"

	"youthbot/bot/bottest"
)

func TestStartAnswersAndRestarts(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-CDCD-CNTT")
	hoa.Send("/pending")
	hoa.Expect(t, "Không có việc nào đang chờ duyệt")
	an := b.Member("An", "VT-CDCD-CNTT")
	b = b.Restart(bottest.Options{})
	an.Send("/profile")
	an.Expect(t, "Chi đoàn Khoa Công nghệ thông tin")
	b.Settle()
}
