package bot_test

import (
	"testing"

	"youthbot/bot/bottest"
)

// A branch whose name has what HTML escapes.
const plainUnits = `code,name,parent,kind
HG,Tỉnh đoàn Hậu Giang,,province
KT,Chi đoàn Kinh tế & Xã hội <K45>,HG,branch
`

// TestButtonAlertsArePlainText: Telegram shows an answerCallbackQuery text
// as is (it has no parse mode), so the alert must read
// "Kinh tế & Xã hội", not "Kinh tế &amp; Xã hội".
func TestButtonAlertsArePlainText(t *testing.T) {
	b := bottest.Start(t, bottest.Options{Units: plainUnits})
	u := b.Member("An", "KT")
	u.Send("/help")
	m := u.Next(t)
	// A registration button of an old unit tree, pressed by someone who is
	// already a member: refused with an alert naming the branch.
	text, alert := u.PressData(m, "tj:KT").Answer(t)
	if want := "⚠️ Bạn đã là đoàn viên của Chi đoàn Kinh tế & Xã hội <K45>. Mỗi người chỉ sinh hoạt tại một chi đoàn."; text != want || !alert {
		t.Errorf("the user reads %q (alert %v), want %q as an alert", text, alert, want)
	}
}
