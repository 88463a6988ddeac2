package participation_test

import (
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// End-to-end tests of participation (F2) and transfers: the real bot
// against the Telegram double, clock at 10/03/2026 09:00 in
// Asia/Ho_Chi_Minh.

const (
	ptBranchN = "Chi đoàn Khoa Công nghệ thông tin"
	ptKV1     = "VT-P5-KV1" // Chi đoàn Khu vực 1, in another grassroots union
	ptKV1N    = "Chi đoàn Khu vực 1"
)

// ptFigures reads a unit's figures for a month of 2026.
func ptFigures(t *testing.T, b *bottest.Bot, unit string, month time.Month) youthbot.Figures {
	t.Helper()
	var f *youthbot.Figures
	b.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures(unit, youthbot.MonthPeriod(2026, month), b.Loc)
		return err
	})
	return *f
}

func TestEndToEndLogOneLineConfirmed(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	an := b.Member("Nguyễn Văn An", ptBranch)

	an.Send("/log 09/03 3h Dọn vệ sinh kênh xáng")
	reply := an.Expect(t, "Đã ghi nhận lượt tham gia")
	bottest.Contains(t, reply, "09/03/2026", "3 giờ", "Dọn vệ sinh kênh xáng", "chờ xác nhận")
	if len(reply.Buttons) != 1 || !strings.Contains(reply.Buttons[0][0].Text, "Huỷ ghi nhận") {
		t.Errorf("the reply's buttons: %v, want Undo", reply.Buttons)
	}
	req := hoa.Expect(t, "Lượt tham gia cần xác nhận")
	bottest.Contains(t, req, ptBranchN, "Nguyễn Văn An", "09/03/2026", "3 giờ", "Dọn vệ sinh kênh xáng")
	bottest.FirstButtons(t, req, "✅ Xác nhận", "❌ Từ chối")
	rejectData, undoData := req.Buttons[0][1].Data, reply.Buttons[0][0].Data
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 0 || f.ParticipationsPending != 1 {
		t.Errorf("before the decision: %d confirmed, %d pending; want 0 and 1", f.Participations, f.ParticipationsPending)
	}

	if answer := bottest.Press(t, hoa, req, "Xác nhận"); !strings.Contains(answer, "Đã xác nhận lúc") {
		t.Errorf("answer to Confirm: %q", answer)
	}
	if s := req.Snapshot(); !strings.Contains(s.Text, "Đã xác nhận lúc") || len(s.Buttons) != 0 {
		t.Errorf("request not edited to the decision without buttons: %q %v", s.Text, s.Buttons)
	}
	bottest.Contains(t, an.Expect(t, "đã được bí thư xác nhận"), "09/03/2026")
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 1 || f.Tenths != 30 || f.MembersActive != 1 {
		t.Errorf("after Confirm: %+v", f)
	}

	// Stale buttons: the secretary's second press, the member's Undo.
	before := b.Activities(t, an.ID)[0]
	if alert := bottest.Refusal(t, hoa, req, rejectData); !strings.Contains(alert, "đã được xử lý") {
		t.Errorf("Reject after Confirm: %q", alert)
	}
	if alert := bottest.Refusal(t, an, reply, undoData); !strings.Contains(alert, "Không huỷ được nữa") {
		t.Errorf("Undo after Confirm: %q", alert)
	}
	if after := b.Activities(t, an.ID)[0]; after != before {
		t.Errorf("a refused press changed the activity:\n%+v\n%+v", before, after)
	}
	b.Settle()
	an.NoMore(t)
	hoa.NoMore(t)
}

func TestEndToEndLogGuidedWithPhotoRejected(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	an := b.Member("Nguyễn Văn An", ptBranch)

	an.Send("/log")
	ask := an.Expect(t, "ngày nào")
	bottest.FirstButtons(t, ask, "📅 Hôm nay (10/03)", "Hôm qua (09/03)")
	bottest.Press(t, an, ask, "Hôm qua")
	hoursAsk := an.Expect(t, "bao nhiêu giờ")
	an.Send("hai tiếng")
	an.Expect(t, "Không đọc được số giờ")
	bottest.Press(t, an, hoursAsk, "2 giờ")
	an.Expect(t, "Mô tả ngắn")
	an.Send("Phát quang bụi rậm tuyến đường ấp")
	photoAsk := an.Expect(t, "ảnh minh chứng")
	if len(photoAsk.Buttons) != 1 {
		t.Errorf("photo step buttons: %v", photoAsk.Buttons)
	}
	an.SendPhoto("")
	bottest.Contains(t, an.Expect(t, "Đã ghi nhận lượt tham gia"), "09/03/2026", "2 giờ", "Phát quang bụi rậm", "Có ảnh minh chứng")

	req := hoa.Expect(t, "Lượt tham gia cần xác nhận")
	if s := req.Snapshot(); s.Photo == nil || s.Caption == "" {
		t.Fatalf("the request is not the photo with a caption: %+v", s)
	}
	bottest.Contains(t, req, "Nguyễn Văn An", "09/03/2026", "Phát quang bụi rậm")
	bottest.FirstButtons(t, req, "✅ Xác nhận", "❌ Từ chối")
	if answer := bottest.Press(t, hoa, req, "Từ chối"); !strings.Contains(answer, "lý do") {
		t.Errorf("answer to Reject: %q", answer)
	}
	b.Settle()
	if answer := bottest.Press(t, hoa, req, "Không có lý do"); !strings.Contains(answer, "Đã từ chối") {
		t.Errorf("answer to the reason: %q", answer)
	}
	an.Expect(t, "không được xác nhận")
	b.Settle()
	if s := req.Snapshot(); len(s.Buttons) != 1 || len(s.Buttons[0]) != 1 || s.Buttons[0][0].Text != "↩ Hoàn tác" {
		t.Errorf("the photo request keeps buttons other than the undo: %v", s.Buttons)
	}
	a := b.Activities(t, an.ID)
	if len(a) != 1 || a[0].Status != youthbot.ActivityRejected || a[0].Photo == "" || a[0].Tenths != 20 {
		t.Errorf("stored %+v", a)
	}
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 0 {
		t.Errorf("a rejected activity counts: %+v", f)
	}
	// The rejecter undoes it: it waits again, the member is told.
	if answer := bottest.Press(t, hoa, req, "Hoàn tác"); !strings.Contains(answer, "Đã hoàn tác") {
		t.Errorf("answer to the undo: %q", answer)
	}
	an.Expect(t, "đang chờ duyệt lại")
	if a := b.Activities(t, an.ID); len(a) != 1 || a[0].Status != youthbot.ActivityPending || !a[0].DecidedAt.IsZero() {
		t.Errorf("after the undo %+v", a)
	}
}

func TestEndToEndLogPhotoCaptionAndUndo(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	an := b.Member("Nguyễn Văn An", ptBranch)

	an.SendPhoto("/log 2,5h Trồng cây xanh ven đường")
	reply := an.Expect(t, "Đã ghi nhận lượt tham gia")
	bottest.Contains(t, reply, "10/03/2026", "2,5 giờ", "Trồng cây xanh ven đường", "Có ảnh minh chứng")
	req := hoa.Expect(t, "Trồng cây xanh ven đường")
	if s := req.Snapshot(); s.Photo == nil {
		t.Fatalf("the request has no photo: %+v", s)
	}

	bottest.Press(t, an, reply, "Huỷ ghi nhận")
	if s := reply.Snapshot(); !strings.Contains(s.Text, "Đã huỷ ghi nhận") || len(s.Buttons) != 0 {
		t.Errorf("after Undo the reply reads %q %v", s.Text, s.Buttons)
	}
	if alert := bottest.Refusal(t, hoa, req, req.Buttons[0][0].Data); !strings.Contains(alert, "Đoàn viên đã huỷ") {
		t.Errorf("Confirm after Undo: %q", alert)
	}
	if a := b.Activities(t, an.ID); a[0].Status != youthbot.ActivityUndone {
		t.Errorf("status %s, want undone", a[0].Status)
	}
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 0 || f.ParticipationsPending != 0 {
		t.Errorf("an undone activity counts: %+v", f)
	}
}

// TestEndToEndLogRefusesBadInput: every bad line gets the reason and the
// expected form, in the user's language; nothing is stored and the
// secretary hears nothing.
func TestEndToEndLogRefusesBadInput(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	an := b.Member("Nguyễn Văn An", ptBranch)
	en := b.Member("Ann", ptBranch)
	en.LanguageCode = "en"
	stranger := b.Server.NewUser("Khách", "vi")
	tests := []struct {
		who        *telegramtest.User
		line, want string
	}{
		{an, "/log 11/03/2026 3h Dọn kênh", "tương lai"},
		{an, "/log 09/03/2025 Dọn kênh", "từ ngày 10/03/2025"},
		{an, "/log 31/02 Dọn kênh", "Không có ngày 31/02/2026"},
		{an, "/log 0h Dọn kênh", "lớn hơn 0"},
		{an, "/log 25h Dọn kênh", "không quá 24"},
		{an, "/log -2h Dọn kênh", "lớn hơn 0"},
		{an, "/log 09/03 3h", "Thiếu nội dung"},
		{an, "/log " + strings.Repeat("<b>dài</b> ", 1000), "quá dài"},
		{en, "/log 11/03/2026 3h Cleaning", "cannot be in the future"},
		{en, "/log 3h", "description is missing"},
		{stranger, "/log 3h Dọn kênh", "chưa đăng ký đoàn viên"},
	}
	for _, tt := range tests {
		tt.who.Send(tt.line)
		m := tt.who.Expect(t, tt.want)
		if !strings.HasPrefix(m.Text, "⚠️") {
			t.Errorf("%q: not a warning: %q", tt.line, m.Text)
		}
		if tt.who != stranger {
			form := map[*telegramtest.User]string{an: "Cách ghi", en: "How to write it"}[tt.who]
			if !strings.Contains(m.Text, form) || !strings.Contains(m.Text, "/log") {
				t.Errorf("%q: the refusal lacks the expected form: %q", tt.line, m.Text)
			}
		}
	}
	b.Settle()
	for _, u := range []*telegramtest.User{an, en, stranger} {
		if a := b.Activities(t, u.ID); len(a) != 0 {
			t.Errorf("%s: %d activities stored", u, len(a))
		}
	}
	hoa.NoMore(t)
}

func TestEndToEndPendingConfirmAllPage(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	an := b.Member("Nguyễn Văn An", ptBranch)
	binh := b.Member("Lê Thị Bình", ptBranch)
	now := b.Now()
	chau := b.Server.NewUser("Châu", "vi")
	b.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: chau.ID, Unit: ptBranch, FullName: "Trần Minh Châu", Birth: youthbot.Date{Year: 2005, Month: 1, Day: 2},
			Status: youthbot.StatusPending, RegisteredAt: now})
	})
	an.Send("/log 08/03 2h Hiến máu tình nguyện")
	an.Expect(t, "Đã ghi nhận")
	binh.Send("/log 09/03 4h Tiếp sức mùa thi")
	binh.Expect(t, "Đã ghi nhận")
	hoa.Expect(t, "Hiến máu")
	hoa.Expect(t, "2 lượt tham gia chờ xác nhận") // the second joins the live summary (bot/requests)

	hoa.Send("/pending")
	list := hoa.Expect(t, "Đang chờ duyệt: 3")
	bottest.Contains(t, list, "Trần Minh Châu", "Nguyễn Văn An", "Hiến máu tình nguyện", "Lê Thị Bình", "Tiếp sức mùa thi", "08/03/2026", "4 giờ")
	if answer := bottest.Press(t, hoa, list, "Duyệt tất cả trong trang"); !strings.Contains(answer, "Đã duyệt 3 mục") {
		t.Errorf("confirm-all answered %q", answer)
	}
	an.Expect(t, "đã được bí thư xác nhận")
	binh.Expect(t, "đã được bí thư xác nhận")
	chau.Expect(t, "Chúc mừng")
	b.Settle()
	bottest.Contains(t, list, "Không có việc nào đang chờ duyệt")
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 2 || f.Tenths != 60 || f.MembersTotal != 3 {
		t.Errorf("after confirm-all: %+v", f)
	}
}

func TestEndToEndMyAndMembers(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	district := b.Secretary("Tâm", "VT")
	an := b.Member("Nguyễn Văn An", ptBranch)
	binh := b.Member("Lê Thị Bình", ptBranch)
	b.Member("Đỗ Văn Đạt", "VT-CDCD-KT")
	b.Update(func(tx *storage.Tx) error {
		m, err := tx.Member(an.ID)
		if err != nil {
			return err
		}
		m.Phone = an.Phone
		return tx.PutMember(m)
	})
	confirm := func(u *telegramtest.User, line string) {
		t.Helper()
		u.Send(line)
		u.Expect(t, "Đã ghi nhận")
		bottest.Press(t, hoa, hoa.Expect(t, "cần xác nhận"), "Xác nhận")
		u.Expect(t, "đã được bí thư xác nhận")
	}
	confirm(an, "/log 02/03 2h Dọn kênh")
	confirm(an, "/log 15/01 3h Tết trồng cây")
	confirm(binh, "/log 03/03 1h Việc A")
	confirm(binh, "/log 04/03 1h Việc B")
	confirm(binh, "/log 05/03 1h Việc C")

	an.Send("/my")
	bottest.Contains(t, an.Expect(t, "Hoạt động của Nguyễn Văn An"),
		"Tháng 03/2026: 1 lượt tham gia · 2 giờ",
		"Năm 2026: 2 lượt tham gia · 5 giờ · xếp hạng 2/2 trong chi đoàn",
		"02/03/2026 · 2 giờ · Dọn kênh — ✅ đã xác nhận",
		"15/01/2026 · 3 giờ · Tết trồng cây")
	binh.Send("/my")
	binh.Expect(t, "xếp hạng 1/2")

	hoa.Send("/members nguyen van an")
	found := hoa.Expect(t, "Đoàn viên: 1")
	bottest.Contains(t, found, "Nguyễn Văn An", ptBranchN, "2 lượt tham gia năm 2026", an.Phone)
	district.Send("/members")
	all := district.Expect(t, "Đoàn viên: 3")
	text := all.Text
	if a, bb, d := strings.Index(text, "Nguyễn Văn An"), strings.Index(text, "Lê Thị Bình"), strings.Index(text, "Đỗ Văn Đạt"); !(a >= 0 && a < bb && bb < d) {
		t.Errorf("not sorted by given name (An, Bình, Đạt):\n%s", text)
	}
	if strings.Contains(text, "📞") {
		t.Errorf("a district secretary sees phones:\n%s", text)
	}
	an.Send("/members")
	if m := an.Expect(t, "bí thư"); !strings.HasPrefix(m.Text, "⚠️") {
		t.Errorf("/members by a member: %q", m.Text)
	}
}

// TestEndToEndTransferKeepsBothTallies: An did volunteer work in her
// branch, moves (chuyển sinh hoạt) to Khu vực 1 by walking the tree, the
// destination's secretary accepts; the old branch keeps her past
// participation, the new one gains her and what she does next.
func TestEndToEndTransferKeepsBothTallies(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	lam := b.Secretary("Lâm", ptKV1)
	start := b.Now()
	b.SetNow(start.AddDate(0, -2, 0)) // a member since January
	an := b.Member("Nguyễn Văn An", ptBranch)
	b.SetNow(start)
	an.Send("/log 02/03 2h Dọn kênh")
	an.Expect(t, "Đã ghi nhận")
	bottest.Press(t, hoa, hoa.Expect(t, "cần xác nhận"), "Xác nhận")
	an.Expect(t, "đã được bí thư xác nhận")

	oldBefore, newBefore := ptFigures(t, b, ptBranch, 3), ptFigures(t, b, ptKV1, 3)
	if oldBefore.MembersTotal != 1 || oldBefore.Participations != 1 || newBefore.MembersTotal != 0 {
		t.Fatalf("before: old %+v, new %+v", oldBefore, newBefore)
	}

	an.Send("/transfer")
	walk := an.Expect(t, "Chuyển sinh hoạt Đoàn")
	bottest.Press(t, an, walk, "Thành đoàn Vị Thanh")
	bottest.Press(t, an, walk, "Đoàn phường V")
	bottest.Press(t, an, walk, ptKV1N)
	bottest.Contains(t, walk, "Gửi đề nghị chuyển sinh hoạt Đoàn?", ptBranchN, ptKV1N)
	bottest.Press(t, an, walk, "Gửi")
	an.Expect(t, "Đã gửi đề nghị chuyển sinh hoạt")
	req := lam.Expect(t, "Đề nghị chuyển sinh hoạt Đoàn")
	bottest.Contains(t, req, "Nguyễn Văn An", ptBranchN, ptKV1N)
	bottest.FirstButtons(t, req, "✅ Tiếp nhận", "❌ Từ chối")
	if alert := bottest.Refusal(t, hoa, req, req.Buttons[0][0].Data); !strings.Contains(alert, "không thuộc quyền") {
		t.Errorf("accept by the old branch's secretary: %q", alert)
	}
	bottest.Press(t, lam, req, "Tiếp nhận")
	an.Expect(t, "Chuyển sinh hoạt hoàn tất")
	hoa.Expect(t, "đã chuyển sinh hoạt")

	oldAfter, newAfter := ptFigures(t, b, ptBranch, 3), ptFigures(t, b, ptKV1, 3)
	if oldAfter.Participations != 1 || oldAfter.MembersTotal != 0 {
		t.Errorf("old branch after: %+v (its past participation stays, the member leaves)", oldAfter)
	}
	if newAfter.Participations != 0 || newAfter.MembersTotal != 1 || newAfter.MembersNew != 0 {
		t.Errorf("new branch after: %+v (a member, not a new one, without the past)", newAfter)
	}
	if feb := ptFigures(t, b, ptBranch, 2); feb.MembersTotal != 1 {
		t.Errorf("the old branch's February lost the member: %+v", feb)
	}

	an.Send("/log 10/03 1h Sinh hoạt hè")
	an.Expect(t, "Đã ghi nhận")
	bottest.Press(t, lam, lam.Expect(t, "cần xác nhận"), "Xác nhận")
	an.Expect(t, "đã được bí thư xác nhận")
	if f := ptFigures(t, b, ptKV1, 3); f.Participations != 1 || f.MembersActive != 1 {
		t.Errorf("the new branch after a new log: %+v", f)
	}
	if f := ptFigures(t, b, ptBranch, 3); f.Participations != 1 {
		t.Errorf("the old branch after the member's new log: %+v", f)
	}
	if f := ptFigures(t, b, "VT", 3); f.Participations != 2 || f.MembersTotal != 1 {
		t.Errorf("the district counts the member once and both participations: %+v", f)
	}
	b.Settle()
	hoa.NoMore(t)
}

func TestEndToEndTransferByCodeRejected(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	lam := b.Secretary("Lâm", ptKV1)
	an := b.Member("Nguyễn Văn An", ptBranch)
	an.Send("/transfer " + ptBranch)
	an.Expect(t, "đang sinh hoạt tại "+ptBranchN+" rồi")
	an.Send("/transfer VT-P5")
	an.Expect(t, "không phải là chi đoàn")
	an.Send("/transfer KHONGCO")
	an.Expect(t, "Không có đơn vị mã KHONGCO")
	an.Send("/transfer " + strings.ToLower(ptKV1))
	bottest.Press(t, an, an.Expect(t, "Gửi đề nghị chuyển sinh hoạt Đoàn?"), "Gửi")
	an.Expect(t, "Đã gửi đề nghị")
	an.Send("/transfer")
	an.Expect(t, "đang chờ tiếp nhận")
	bottest.Press(t, lam, lam.Expect(t, "Đề nghị chuyển sinh hoạt"), "Từ chối")
	an.Expect(t, "chưa được tiếp nhận")
	var m youthbot.Member
	b.View(func(tx *storage.Tx) (err error) { m, err = tx.Member(an.ID); return err })
	if m.Unit != ptBranch || len(m.Past) != 0 {
		t.Errorf("a rejected transfer moved the member: %+v", m)
	}
}
