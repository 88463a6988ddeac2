package requests_test

import (
	"fmt"
	"strings"
	"testing"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
)

const liveBranch = "VT-CDCD-CNTT"

// waitText waits until message id in u's chat reads substr.
func waitText(t *testing.T, b *bottest.Bot, u *telegramtest.User, id int, substr string) {
	t.Helper()
	b.Server.WaitUntil(t, fmt.Sprintf("message %d of %s to read %q", id, u, substr), func() bool {
		for _, m := range u.Messages() {
			if m.ID == id {
				return strings.Contains(m.Text, substr)
			}
		}
		return false
	})
}

// botMessages counts the bot's messages in u's chat.
func botMessages(u *telegramtest.User) int { return len(u.Messages()) }

func TestSummaryIsEditedAfterARestartAndSentAnewOnceDeleted(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", liveBranch)
	var ms []*telegramtest.User
	for i := range 5 {
		ms = append(ms, b.Member(fmt.Sprintf("Đoàn viên %d", i+1), liveBranch))
	}
	ms[0].Send("/log 08/03 2h Việc một")
	hoa.Expect(t, "Việc một") // the first of a quiet period, alone
	ms[1].Send("/log 08/03 2h Việc hai")
	sum := hoa.Expect(t, "2 lượt tham gia chờ xác nhận")
	b.Settle()

	b = b.Restart(bottest.Options{})
	ms[2].Send("/log 08/03 2h Việc ba")
	waitText(t, b, hoa, sum.ID, "3 lượt tham gia chờ xác nhận") // the stored id is edited
	b.Settle()
	if n := botMessages(hoa); n != 2 {
		t.Fatalf("after a restart: %d messages, want the same 2:\n%s", n, hoa.Transcript())
	}

	if !hoa.DeleteMessage(sum.ID) {
		t.Fatal("setup: the summary could not be deleted")
	}
	ms[3].Send("/log 08/03 2h Việc bốn")
	anew := hoa.Expect(t, "4 lượt tham gia chờ xác nhận")
	ms[4].Send("/log 08/03 2h Việc năm")
	waitText(t, b, hoa, anew.ID, "5 lượt tham gia chờ xác nhận")
	b.Settle()
	if n := botMessages(hoa); n != 3 {
		t.Errorf("%d messages, want the first request, the summary and its replacement:\n%s", n, hoa.Transcript())
	}
}

func TestRequestDecidedByAnotherSecretaryUpdatesEveryMessage(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa, lan := b.Secretary("Hoa", liveBranch), b.Secretary("Lan", liveBranch)
	an, binh := b.Member("Nguyễn Văn An", liveBranch), b.Member("Lê Thị Bình", liveBranch)
	an.Send("/log 08/03 2h Hiến máu")
	reqHoa, reqLan := hoa.Expect(t, "Hiến máu"), lan.Expect(t, "Hiến máu")
	binh.Send("/log 09/03 3h Dọn kênh")
	sumHoa, sumLan := hoa.Expect(t, "2 lượt tham gia"), lan.Expect(t, "2 lượt tham gia")

	hoa.Press(reqHoa, "Xác nhận")
	lastWith(t, b, an, "đã được bí thư xác nhận")
	waitText(t, b, lan, sumLan.ID, "1 lượt tham gia chờ xác nhận")
	waitText(t, b, hoa, sumHoa.ID, "1 lượt tham gia chờ xác nhận")
	b.Settle()
	// Lan's copy of the request lost its Confirm / Reject for a button
	// that says how it stands.
	for _, m := range lan.Messages() {
		if m.ID != reqLan.ID {
			continue
		}
		if len(m.Buttons) != 1 || len(m.Buttons[0]) != 1 || !strings.Contains(m.Buttons[0][0].Text, "Đã xử lý") {
			t.Fatalf("Lan's request after Hoa decided: %+v", m.Buttons)
		}
		text, alert := lan.Press(m, "Đã xử lý").Answer(t)
		if !alert || !strings.Contains(text, "xác nhận") {
			t.Errorf("its button answered %q (alert %v)", text, alert)
		}
	}

	// One by one, from the summary: the page's Reject decides that item.
	lan.Press(sumLan, "Xem từng lượt")
	page := lan.Expect(t, "Trang 1/1")
	lan.Press(page, "Từ chối")
	lastWith(t, b, binh, "không được xác nhận")
	waitText(t, b, hoa, sumHoa.ID, "Không còn gì chờ quyết định")
	b.Settle()
}

func TestApprovingFromPendingUpdatesTheOriginalRequest(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", liveBranch)
	an := b.Member("Nguyễn Văn An", liveBranch)
	an.Send("/log 08/03 2h Hiến máu")
	req := hoa.Expect(t, "Hiến máu")
	hoa.Send("/pending")
	list := hoa.Expect(t, "Đang chờ duyệt: 1")
	hoa.Press(list, "Duyệt tất cả trong trang")
	lastWith(t, b, hoa, "Đã duyệt: Nguyễn Văn An")
	lastWith(t, b, an, "đã được bí thư xác nhận")
	b.Server.WaitUntil(t, "the original request to lose its Confirm / Reject", func() bool {
		for _, m := range hoa.Messages() {
			if m.ID == req.ID {
				return len(m.Buttons) == 1 && len(m.Buttons[0]) == 1 && strings.Contains(m.Buttons[0][0].Text, "Đã xử lý")
			}
		}
		return false
	})
	b.Settle()
}
