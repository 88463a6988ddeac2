package participation_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/participation"
	"youthbot/storage"
)

// Participation (F2) through the harness: exact on what is stored and
// queued. The clock is 10/03/2026 16:00 in Asia/Ho_Chi_Minh.

const (
	ptBranch  = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	ptSibling = "VT-CDCD-KT"
	ptFar     = "PH-TB-TLA" // another district
)

// ptMember stores an approved member of branch, approved a month ago.
func (h *harness) ptMember(id int64, branch, name string) *tgbotapi.User {
	h.t.Helper()
	return h.ApprovedMember(id, branch, name)
}

// ptActivities returns a member's activities, newest first.
func (h *harness) ptActivities(id int64) []youthbot.Activity {
	h.t.Helper()
	var out []youthbot.Activity
	h.db.View(func(tx *storage.Tx) error {
		return tx.MemberActivities(id, func(a youthbot.Activity) bool { out = append(out, a); return true })
	})
	return out
}

func (h *harness) ptActivity(id uint64) youthbot.Activity {
	h.t.Helper()
	var a youthbot.Activity
	if err := h.db.View(func(tx *storage.Tx) (err error) { a, err = tx.Activity(id); return err }); err != nil {
		h.t.Fatal(err)
	}
	return a
}

func photoUpdate(from *tgbotapi.User, caption string) tgbotapi.Update {
	m := &tgbotapi.Message{MessageID: 1, From: from, Chat: &tgbotapi.Chat{ID: from.ID, Type: "private"}, Date: 1, Caption: caption,
		Photo: []tgbotapi.PhotoSize{{FileID: "small-id", Width: 90, Height: 67}, {FileID: "big-id", Width: 800, Height: 600}}}
	return tgbotapi.Update{Message: m}
}

// to returns the messages queued for chat.
func to(msgs []*youthbot.Outgoing, chat int64) []*youthbot.Outgoing {
	var out []*youthbot.Outgoing
	for _, m := range msgs {
		if m.Chat == chat {
			out = append(out, m)
		}
	}
	return out
}

func TestLogOneLineStoresAndAsksTheSecretary(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "Nguyễn Văn An")
	h.makeSecretary(610, ptBranch)
	msgs := h.apply(msgUpdate(an, "/log 09/03 2,5h Dọn vệ sinh kênh xáng"))

	acts := h.ptActivities(601)
	if len(acts) != 1 {
		t.Fatalf("%d activities stored, want 1", len(acts))
	}
	a := acts[0]
	want := youthbot.Activity{ID: a.ID, Member: 601, Unit: ptBranch, Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 25,
		Description: "Dọn vệ sinh kênh xáng", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: h.Now}
	if a != want {
		t.Errorf("stored %+v\nwant   %+v", a, want)
	}
	reply := texts(msgs, 601)
	for _, s := range []string{"Đã ghi nhận lượt tham gia", "09/03/2026", "2,5 giờ", "Dọn vệ sinh kênh xáng", "chờ xác nhận"} {
		if !has(reply, s) {
			t.Errorf("reply lacks %q: %q", s, reply)
		}
	}
	if b := buttons(to(msgs, 601)); len(b) != 1 || b[0] != fmt.Sprintf("au:%d", a.ID) {
		t.Errorf("reply buttons %v, want the Undo button", b)
	}
	req := to(msgs, 610)
	if len(req) != 1 || req[0].Method != "sendMessage" || req[0].Lane != youthbot.LaneNotify {
		t.Fatalf("secretary got %v", describe(req))
	}
	for _, s := range []string{"Nguyễn Văn An", "09/03/2026", "2,5 giờ", "Dọn vệ sinh kênh xáng", "Chi đoàn Khoa Công nghệ thông tin"} {
		if !strings.Contains(req[0].Params["text"], s) {
			t.Errorf("request lacks %q: %q", s, req[0].Params["text"])
		}
	}
	if b := buttons(req); len(b) != 2 || b[0] != fmt.Sprintf("ac:%d", a.ID) || b[1] != fmt.Sprintf("ar:%d", a.ID) {
		t.Errorf("request buttons %v, want [Confirm, Reject]", b)
	}
}

func TestLogGoesToTheNearestSecretaryOrTheAdmins(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	if got := to(h.apply(msgUpdate(an, "/log Dọn rác")), adminID); len(got) != 1 {
		t.Errorf("no secretary anywhere: the admin got %d messages, want 1", len(got))
	}
	h.makeSecretary(620, "VT-CDCD") // the grassroots union above the branch
	if got := to(h.apply(msgUpdate(an, "/log Dọn rác")), 620); len(got) != 1 {
		t.Errorf("the grassroots secretary got %d messages, want 1", len(got))
	}
}

// TestLogRefusesBadInput: each bad line is answered with the reason and
// the expected form, in the user's language, and nothing is stored.
func TestLogRefusesBadInput(t *testing.T) {
	h := newHarness(t)
	h.ptMember(601, ptBranch, "An")
	h.makeSecretary(610, ptBranch)
	h.register(602, ptBranch, "Trần Chờ Duyệt")
	tests := []struct {
		name, line string
		from       int64
		lang       string
		want       []string
	}{
		{"FutureDate", "/log 11/03/2026 3h Dọn", 601, "vi", []string{"tương lai", "Cách ghi"}},
		{"FutureDateEnglish", "/log 11/03/2026 3h Dọn", 601, "en", []string{"future", "How to write it"}},
		{"OverAYearBack", "/log 09/03/2025 Dọn", 601, "vi", []string{"10/03/2025", "Cách ghi"}},
		{"ImpossibleDate", "/log 30/02 Dọn", 601, "vi", []string{"Không có ngày", "Cách ghi"}},
		{"ZeroHours", "/log 0h Dọn", 601, "vi", []string{"lớn hơn 0", "Cách ghi"}},
		{"AbsurdHours", "/log 25h Dọn", 601, "vi", []string{"không quá 24", "Cách ghi"}},
		{"EmptyDescription", "/log 09/03 3h", 601, "vi", []string{"Thiếu nội dung", "Cách ghi"}},
		{"LongDescription", "/log " + strings.Repeat("dài ", 10000), 601, "vi", []string{"quá dài", "Cách ghi"}},
		{"TwiceTheHours", "/log 3h 2h Dọn", 601, "vi", []string{"chỉ ghi một lần", "Cách ghi"}},
		{"UnknownProject", "/log #P99 Dọn", 601, "vi", []string{"P99"}},
		{"UnknownCampaign", "/log #C9 Dọn", 601, "en", []string{"no campaign C9"}},
		{"PendingMember", "/log Dọn", 602, "vi", []string{"chờ bí thư duyệt"}},
		{"Stranger", "/log Dọn", 699, "vi", []string{"chưa đăng ký đoàn viên"}},
		{"HTMLIsEscaped", "/log 99h <b>x</b>", 601, "vi", []string{"Cách ghi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.snapshot()
			msgs := h.apply(msgUpdate(user(tt.from, tt.lang), tt.line))
			if after := h.snapshot(); after != before {
				t.Errorf("state changed:\n%s", after)
			}
			got := texts(msgs, tt.from)
			if len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
				t.Fatalf("want one ⚠️ reply, got %q", got)
			}
			for _, s := range tt.want {
				if !strings.Contains(got[0], s) {
					t.Errorf("reply lacks %q: %q", s, got[0])
				}
			}
			if len(msgs) != 1 {
				t.Errorf("messages beyond the reply: %v", describe(msgs))
			}
		})
	}
	t.Run("TooManyHoursInADay", func(t *testing.T) {
		h.say(user(601, "vi"), "/log 20h Trực chốt")
		before := h.snapshot()
		got := h.say(user(601, "vi"), "/log 5h Trực chốt tiếp")
		if !has(got, "không quá 24 giờ") || h.snapshot() != before {
			t.Errorf("a day over 24 hours: %q", got)
		}
	})
}

func TestLogPhotoCaptionSendsThePhotoToTheSecretary(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	h.makeSecretary(610, ptBranch)
	msgs := h.apply(photoUpdate(an, "/log 2h Trồng cây xanh"))
	a := h.ptActivities(601)
	if len(a) != 1 || a[0].Photo != "big-id" || a[0].Tenths != 20 || a[0].Description != "Trồng cây xanh" {
		t.Fatalf("stored %+v, want the largest photo, 2 h, the caption's description", a)
	}
	req := to(msgs, 610)
	if len(req) != 1 || req[0].Method != "sendPhoto" || req[0].Params["photo"] != "big-id" {
		t.Fatalf("secretary got %v, want the photo by file_id", describe(req))
	}
	if !strings.Contains(req[0].Params["caption"], "Trồng cây xanh") || buttons(req)[0] != fmt.Sprintf("ac:%d", a[0].ID) {
		t.Errorf("caption %q, buttons %v", req[0].Params["caption"], buttons(req))
	}
	if !has(texts(msgs, 601), "Có ảnh minh chứng") {
		t.Errorf("the reply does not say a photo is attached: %q", texts(msgs, 601))
	}

	// Pressing Confirm on the photo removes its buttons (a caption is not
	// a text to edit).
	cb := cbUpdate(user(610, "vi"), fmt.Sprintf("ac:%d", a[0].ID))
	cb.CallbackQuery.Message.Photo = []tgbotapi.PhotoSize{{FileID: "big-id"}}
	out := h.apply(cb)
	var edited bool
	for _, m := range out {
		if m.Method == "editMessageReplyMarkup" && m.Chat == 610 {
			edited = true
		}
		if m.Method == "editMessageText" {
			t.Errorf("a photo request was edited as text")
		}
	}
	if !edited || h.ptActivity(a[0].ID).Status != youthbot.ActivityConfirmed {
		t.Errorf("confirm on the photo: %v", describe(out))
	}

	t.Run("BareLogCaptionStartsTheDialogWithThePhoto", func(t *testing.T) {
		h.apply(photoUpdate(an, "/log"))
		d, ok := h.dialog(601)
		if !ok || d.Name != participation.DlgLog || d.Data["photo"] != "big-id" {
			t.Errorf("dialog %+v, %v", d, ok)
		}
		h.say(an, "/cancel")
	})
	t.Run("PhotoWithoutCaptionIsAnswered", func(t *testing.T) {
		if got := texts(h.apply(photoUpdate(an, "")), 601); len(got) != 1 {
			t.Errorf("a photo outside a dialog got %q", got)
		}
	})
}

func TestCaptionStaysWithinTelegramsLimit(t *testing.T) {
	h := newHarness(t)
	long := strings.Repeat("ẩ", youthbot.MaxNameLen)
	an := h.ptMember(601, ptBranch, long)
	h.makeSecretary(610, ptBranch)
	msgs := h.apply(photoUpdate(an, "/log 24h "+strings.Repeat("<&>", youthbot.MaxDescriptionLen/3)))
	req := to(msgs, 610)
	if len(req) != 1 {
		t.Fatalf("secretary got %v", describe(msgs))
	}
	if n := participation.CaptionLen(req[0].Params["caption"]); n > participation.MaxCaption {
		t.Errorf("caption of %d characters", n)
	}
	if got := participation.FitCaption(strings.Repeat("a\n", 700)); participation.CaptionLen(got) > participation.MaxCaption {
		t.Errorf("fitCaption left %d characters", participation.CaptionLen(got))
	}
}

func TestConfirmRejectUndo(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	sec := user(610, "vi")
	h.makeSecretary(610, ptBranch)
	logOne := func(text string) youthbot.Activity {
		t.Helper()
		h.say(an, text)
		return h.ptActivities(601)[0]
	}

	a := logOne("/log 3h Dọn kênh")
	msgs := h.apply(cbUpdate(sec, fmt.Sprintf("ac:%d", a.ID)))
	if got := h.ptActivity(a.ID); got.Status != youthbot.ActivityConfirmed || got.DecidedBy != 610 || !got.DecidedAt.Equal(h.Now) {
		t.Errorf("after Confirm: %+v", got)
	}
	if !has(texts(msgs, 601), "đã được bí thư xác nhận") || !has(texts(msgs, 610), "Đã xác nhận lúc") {
		t.Errorf("Confirm answered %v", describe(msgs))
	}
	t.Run("UndoAfterTheDecisionIsRefused", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(an, fmt.Sprintf("au:%d", a.ID)))
		if !refused(msgs, 601) || h.snapshot() != before || !has(texts(msgs, 601), "Không huỷ được nữa") {
			t.Errorf("undo after confirm: %v", describe(msgs))
		}
	})
	t.Run("SecondPressIsRefused", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(sec, fmt.Sprintf("ar:%d", a.ID)))
		if !refused(msgs, 610) || h.snapshot() != before || h.ptActivity(a.ID).Status != youthbot.ActivityConfirmed {
			t.Errorf("reject after confirm: %v", describe(msgs))
		}
	})

	b := logOne("/log 2h Dạy học")
	h.apply(cbUpdate(sec, fmt.Sprintf("ar:%d", b.ID)))
	msgs = h.apply(cbUpdate(sec, fmt.Sprintf("aw:%d:none", b.ID)))
	if h.ptActivity(b.ID).Status != youthbot.ActivityRejected || !has(texts(msgs, 601), "không được xác nhận") {
		t.Errorf("Reject: %v", describe(msgs))
	}

	c := logOne("/log Hiến máu")
	msgs = h.apply(cbUpdate(an, fmt.Sprintf("au:%d", c.ID)))
	if h.ptActivity(c.ID).Status != youthbot.ActivityUndone || !has(texts(msgs, 601), "Đã huỷ ghi nhận") {
		t.Errorf("Undo: %v", describe(msgs))
	}
	t.Run("ConfirmAfterUndoIsRefused", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(sec, fmt.Sprintf("ac:%d", c.ID)))
		if !refused(msgs, 610) || h.snapshot() != before || !has(texts(msgs, 610), "Đoàn viên đã huỷ") {
			t.Errorf("confirm after undo: %v", describe(msgs))
		}
	})
	t.Run("OnlyConfirmedCount", func(t *testing.T) {
		var f *youthbot.Figures
		h.db.View(func(tx *storage.Tx) (err error) {
			f, err = tx.Figures(ptBranch, youthbot.MonthPeriod(2026, 3), h.bot.Location())
			return err
		})
		if f.Participations != 1 || f.Tenths != 30 || f.ParticipationsPending != 0 {
			t.Errorf("figures %+v, want 1 participation of 3 h", *f)
		}
	})
}

func TestPendingListsLogsAndConfirmsAPage(t *testing.T) {
	h := newHarness(t)
	sec := user(610, "vi")
	h.makeSecretary(610, ptBranch)
	h.register(602, ptBranch, "Trần Thị Chờ")
	var ids []uint64
	for i := range 6 {
		u := h.ptMember(int64(620+i), ptBranch, fmt.Sprintf("Đoàn Viên %c", 'A'+i))
		h.Now = h.Now.Add(time.Minute)
		h.say(u, fmt.Sprintf("/log %dh Việc số %d", i+1, i))
		ids = append(ids, h.ptActivities(int64(620 + i))[0].ID)
	}
	msgs := h.apply(msgUpdate(sec, "/pending"))
	list := texts(msgs, 610)
	if len(list) != 1 || !strings.Contains(list[0], "Đang chờ duyệt: 7") || !strings.Contains(list[0], "Trần Thị Chờ") ||
		!strings.Contains(list[0], "Việc số 3") || strings.Contains(list[0], "Việc số 4") {
		t.Fatalf("first page: %q", list)
	}
	var all string
	for _, d := range buttons(msgs) {
		if strings.HasPrefix(d, "pd:A:") {
			all = d
		}
	}
	t.Run("StaleHashChangesNothing", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(sec, "pd:A:0:000000000000"))
		if !refused(msgs, 610) || h.snapshot() != before {
			t.Errorf("confirm-all with a stale hash: %v", describe(msgs))
		}
	})
	msgs = h.apply(cbUpdate(sec, all))
	if h.member(602).Status != youthbot.StatusApproved {
		t.Error("the registration on the page was not approved")
	}
	// The list says what was just decided.
	if got := texts(noSummary(msgs), 610); len(got) != 2 || !strings.HasPrefix(got[1], "✅ Đã duyệt: Trần Thị Chờ, Đoàn Viên A, Đoàn Viên B, Đoàn Viên C, Đoàn Viên D\n") {
		t.Errorf("the list after approving the page: %q", got)
	}
	for i, id := range ids {
		want := youthbot.ActivityConfirmed
		if i >= 4 { // the page held the registration and four logs
			want = youthbot.ActivityPending
		}
		if got := h.ptActivity(id).Status; got != want {
			t.Errorf("activity %d: %s, want %s", i, got, want)
		}
	}
	t.Run("OneItem", func(t *testing.T) {
		h.apply(cbUpdate(sec, fmt.Sprintf("pd:r:a%d:0", ids[5])))
		msgs := h.apply(cbUpdate(sec, fmt.Sprintf("pd:w:a%d:0:none", ids[5])))
		if got := h.ptActivity(ids[5]).Status; got != youthbot.ActivityRejected {
			t.Errorf("rejected from /pending: %s", got)
		}
		if got := texts(noSummary(msgs), 610); len(got) != 1 || !strings.HasPrefix(got[0], "❌ Đã từ chối: Đoàn Viên F\n") || strings.Contains(got[0], "Đã duyệt") {
			t.Errorf("the list after rejecting one: %q", got)
		}
		msgs = h.apply(cbUpdate(sec, fmt.Sprintf("pd:a:a%d:0", ids[4])))
		if got := texts(noSummary(msgs), 610); len(got) != 1 || !strings.HasPrefix(got[0], "✅ Đã duyệt: Đoàn Viên E\n") {
			t.Errorf("the list after approving one: %q", got)
		}
		msgs = h.apply(cbUpdate(sec, "pd:p:0"))
		if got := texts(msgs, 610); len(got) != 1 || strings.Contains(got[0], "Đã duyệt:") {
			t.Errorf("turning the page says something was decided: %q", got)
		}
	})
}

func TestLogDialog(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	h.makeSecretary(610, ptBranch)

	msgs := h.apply(msgUpdate(an, "/log"))
	if b := buttons(msgs); len(b) != 2 || b[0] != "ad:d:20260310" || b[1] != "ad:d:20260309" {
		t.Fatalf("date buttons %v", b)
	}
	t.Run("BadDateIsAskedAgain", func(t *testing.T) {
		if got := h.say(an, "12/03"); !has(got, "tương lai") || !has(got, "ngày nào") {
			t.Errorf("future date in the dialog: %q", got)
		}
		if got := h.press(an, "ad:h:20"); !has(got, "Nút này đã cũ") {
			t.Errorf("an hours button at the date step: %q", got)
		}
	})
	h.press(an, "ad:d:20260309")
	if got := h.say(an, "ba giờ"); !has(got, "Không đọc được số giờ") {
		t.Errorf("bad hours: %q", got)
	}
	if got := h.say(an, "2,5"); !has(got, "Mô tả ngắn") {
		t.Errorf("after the hours: %q", got)
	}
	if got := h.say(an, "   "); !has(got, "Mô tả ngắn") {
		t.Errorf("empty description: %q", got)
	}
	if got := h.say(an, "Phát quang bụi rậm"); !has(got, "ảnh minh chứng") {
		t.Errorf("no project or campaign: the photo is next, got %q", got)
	}
	if got := h.say(an, "không có ảnh"); !has(got, "ảnh minh chứng") {
		t.Errorf("text at the photo step: %q", got)
	}
	msgs = h.apply(photoUpdate(an, ""))
	acts := h.ptActivities(601)
	if len(acts) != 1 {
		t.Fatalf("%d activities after the dialog", len(acts))
	}
	want := youthbot.Activity{ID: acts[0].ID, Member: 601, Unit: ptBranch, Date: youthbot.Date{Year: 2026, Month: 3, Day: 9}, Tenths: 25,
		Description: "Phát quang bụi rậm", Photo: "big-id", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: h.Now}
	if acts[0] != want {
		t.Errorf("stored %+v\nwant   %+v", acts[0], want)
	}
	if _, ok := h.dialog(601); ok {
		t.Error("the dialog is still open")
	}
	if req := to(msgs, 610); len(req) != 1 || req[0].Method != "sendPhoto" {
		t.Errorf("secretary got %v", describe(req))
	}

	t.Run("ButtonsAndSkips", func(t *testing.T) {
		h.say(an, "/log")
		h.say(an, "hôm qua")
		h.press(an, "ad:s")
		h.say(an, "Dọn rác")
		h.press(an, "ad:s")
		a := h.ptActivities(601)[0]
		if a.Tenths != 0 || a.Date != (youthbot.Date{Year: 2026, Month: 3, Day: 9}) || a.Photo != "" || a.Description != "Dọn rác" {
			t.Errorf("stored %+v", a)
		}
		if got := h.press(an, "ad:s"); !has(got, "Nút này đã cũ") {
			t.Errorf("a dialog button after the dialog: %q", got)
		}
	})
}

func TestMyShowsTotalsRankAndHistory(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	h.ptMember(602, ptBranch, "Bình")
	h.ptMember(603, ptBranch, "Chi")
	h.makeSecretary(610, ptBranch)
	confirm := func(u int64, line string) {
		h.say(user(u, "vi"), line)
		h.press(user(610, "vi"), fmt.Sprintf("ac:%d", h.ptActivities(u)[0].ID))
	}
	confirm(601, "/log 02/03 2h Dọn kênh")
	confirm(601, "/log 15/01 3h Tết trồng cây")
	confirm(601, "/log 15/12/2025 4h Xuân tình nguyện")
	confirm(602, "/log 02/03 1h Việc A")
	confirm(602, "/log 03/03 1h Việc B")
	confirm(602, "/log 04/03 1h Việc C")
	h.say(an, "/log 09/03 1,5h Đang chờ")

	got := h.say(an, "/my")
	if len(got) != 1 {
		t.Fatalf("/my: %q", got)
	}
	for _, s := range []string{
		"Tháng 03/2026: <b>1</b> lượt tham gia · 2 giờ",
		"Năm 2026: <b>2</b> lượt tham gia · 5 giờ · xếp hạng <b>2</b>/3",
		"Đang chờ xác nhận: 1",
		"Chi đoàn tháng này: 4 lượt tham gia, 2/3 đoàn viên",
		"09/03/2026 · 1,5 giờ · Đang chờ — ⏳ chờ xác nhận",
		"15/12/2025 · 4 giờ · Xuân tình nguyện — ✅ đã xác nhận",
	} {
		if !strings.Contains(got[0], s) {
			t.Errorf("/my lacks %q:\n%s", s, got[0])
		}
	}
	t.Run("Paged", func(t *testing.T) {
		for i := range participation.MyPage {
			h.say(an, fmt.Sprintf("/log 0%d/02 Việc %d", i+1, i))
		}
		msgs := h.apply(msgUpdate(an, "/my"))
		if b := buttons(msgs); len(b) != 1 || b[0] != "am:1" {
			t.Fatalf("page buttons %v", b)
		}
		if got := h.press(an, "am:1"); !has(got, "trang 2/2") || !has(got, "Xuân tình nguyện") {
			t.Errorf("page 2: %q", got)
		}
	})
	t.Run("NotForVisitors", func(t *testing.T) {
		if got := h.say(user(699, "vi"), "/my"); len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
			t.Errorf("/my of a visitor: %q", got)
		}
	})
}

func TestMembersSearchSortAndPhones(t *testing.T) {
	h := newHarness(t)
	h.ptMember(601, ptBranch, "Nguyễn Văn An")
	h.ptMember(602, ptBranch, "Lê Thị Bình")
	h.ptMember(603, ptSibling, "Đỗ Văn Đạt")
	h.ptMember(604, ptFar, "Nguyễn Văn Anh")
	h.makeSecretary(610, ptBranch)
	h.makeSecretary(611, "VT") // the district above both branches

	got := h.say(user(610, "vi"), "/members nguyen van an")
	if len(got) != 1 || !strings.Contains(got[0], "Nguyễn Văn An") || strings.Contains(got[0], "Lê Thị Bình") {
		t.Fatalf("search without diacritics: %q", got)
	}
	if !strings.Contains(got[0], "+84900000601") {
		t.Errorf("the branch's own secretary does not see the phone: %q", got[0])
	}
	got = h.say(user(611, "vi"), "/members")
	if len(got) != 1 {
		t.Fatalf("/members: %q", got)
	}
	an, binh, dat := strings.Index(got[0], "Nguyễn Văn An"), strings.Index(got[0], "Lê Thị Bình"), strings.Index(got[0], "Đỗ Văn Đạt")
	if an < 0 || binh < 0 || dat < 0 || !(an < binh && binh < dat) {
		t.Errorf("district list not sorted by given name (An, Bình, Đạt): %q", got[0])
	}
	if strings.Contains(got[0], "Nguyễn Văn Anh") {
		t.Errorf("a member of another district is listed: %q", got[0])
	}
	if strings.Contains(got[0], "+849") {
		t.Errorf("a secretary above the branch sees phones: %q", got[0])
	}
	if got := h.say(user(610, "vi"), "/members đạt"); !has(got, "Không tìm thấy") {
		t.Errorf("a member of the sibling branch found by its secretary's neighbour: %q", got)
	}
	if got := h.say(user(601, "vi"), "/members"); len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
		t.Errorf("/members by a member: %q", got)
	}
	t.Run("MarksMembersTheBotCannotReach", func(t *testing.T) {
		if err := h.db.Update(func(tx *storage.Tx) error {
			u, _, err := tx.User(602)
			if err != nil {
				return err
			}
			u.ID, u.Unreachable = 602, true
			return tx.PutUser(u)
		}); err != nil {
			t.Fatal(err)
		}
		got := h.say(user(611, "vi"), "/members")
		if len(got) != 1 {
			t.Fatalf("/members: %q", got)
		}
		binh, dat := strings.Index(got[0], "Lê Thị Bình"), strings.Index(got[0], "Đỗ Văn Đạt")
		mark := strings.Index(got[0], "Đã chặn bot")
		if mark < 0 || !(binh < mark && mark < dat) || strings.Count(got[0], "Đã chặn bot") != 1 {
			t.Errorf("the member who blocked the bot (Bình, only) is not marked: %q", got[0])
		}
	})
	t.Run("Paged", func(t *testing.T) {
		for i := range participation.MembersPage + 1 {
			h.ptMember(int64(700+i), ptBranch, fmt.Sprintf("Trần Văn Tư %c", 'A'+i))
		}
		msgs := h.apply(msgUpdate(user(610, "vi"), "/members tran van"))
		if b := buttons(msgs); len(b) != 1 || b[0] != "ab:1:tran van" {
			t.Fatalf("page buttons %v", b)
		}
		if got := h.press(user(610, "vi"), "ab:1:tran van"); !has(got, "trang 2/2") || !has(got, "11. <b>Trần Văn Tư K</b>") {
			t.Errorf("page 2: %q", got)
		}
	})
}

func TestTransferByTheMemberAcceptedByTheDestination(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "Nguyễn Văn An")
	h.makeSecretary(610, ptBranch)
	h.makeSecretary(612, ptFar)
	h.say(an, "/log 02/03 2h Dọn kênh")
	h.press(user(610, "vi"), fmt.Sprintf("ac:%d", h.ptActivities(601)[0].ID))

	ask := h.apply(msgUpdate(an, "/transfer "+strings.ToLower(ptFar)))
	if b := buttons(ask); len(b) != 2 || b[0] != "xs:"+ptFar || b[1] != "xq" || !has(texts(ask, 601), "Gửi đề nghị chuyển sinh hoạt Đoàn?") {
		t.Fatalf("confirmation: %v", describe(ask))
	}
	if n := len(to(ask, 612)); n != 0 {
		t.Fatalf("the request went out before it was confirmed: %d messages to the destination", n)
	}
	msgs := h.apply(cbUpdate(an, "xs:"+ptFar))
	if !has(texts(msgs, 601), "Đã gửi đề nghị chuyển sinh hoạt") {
		t.Fatalf("request: %v", describe(msgs))
	}
	req := to(msgs, 612)
	if len(req) != 1 || !strings.Contains(req[0].Params["text"], "Nguyễn Văn An") {
		t.Fatalf("destination secretary got %v", describe(req))
	}
	b := buttons(req)
	if len(b) != 2 || !strings.HasPrefix(b[0], "xa:") || !strings.HasPrefix(b[1], "xr:") {
		t.Fatalf("request buttons %v", b)
	}
	t.Run("SecondRequestIsRefused", func(t *testing.T) {
		if got := h.say(an, "/transfer "+ptSibling); !has(got, "đang chờ tiếp nhận") {
			t.Errorf("second request: %q", got)
		}
		if got := h.press(an, "xs:"+ptSibling); !has(got, "đang chờ tiếp nhận") {
			t.Errorf("second request confirmed from an old question: %q", got)
		}
	})
	t.Run("AbortSendsNothing", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(an, "xq"))
		if !has(texts(msgs, 601), "chưa gửi") || len(to(msgs, 612)) != 0 || h.snapshot() != before {
			t.Errorf("abort: %v", describe(msgs))
		}
	})
	t.Run("OriginSecretaryCannotAccept", func(t *testing.T) {
		before := h.snapshot()
		if msgs := h.apply(cbUpdate(user(610, "vi"), b[0])); !refused(msgs, 610) || h.snapshot() != before {
			t.Errorf("accept by the origin's secretary: %v", describe(msgs))
		}
	})
	msgs = h.apply(cbUpdate(user(612, "vi"), b[0]))
	m := h.member(601)
	if m.Unit != ptFar || len(m.Past) != 1 || m.Past[0] != ptBranch {
		t.Errorf("member after acceptance: unit %s, past %v", m.Unit, m.Past)
	}
	if !has(texts(msgs, 601), "Chuyển sinh hoạt hoàn tất") || !has(texts(msgs, 610), "đã chuyển sinh hoạt") {
		t.Errorf("acceptance told %v", describe(msgs))
	}
	if got := h.press(user(612, "vi"), b[0]); !has(got, "đã được xử lý") {
		t.Errorf("second press: %q", got)
	}
	h.say(an, "/log 10/03 1h Ở chi đoàn mới")
	if a := h.ptActivities(601)[0]; a.Unit != ptFar {
		t.Errorf("a log of the day of the move is credited to %s", a.Unit)
	}
	// A participation of before the move counts where it happened.
	h.say(an, "/log 08/03 1h Ở chi đoàn cũ")
	if a := h.ptActivities(601)[0]; a.Unit != ptBranch || a.Description != "Ở chi đoàn cũ" {
		t.Errorf("a back-dated log is credited to %s (%q)", a.Unit, a.Description)
	}
	var old, now *youthbot.Figures
	h.db.View(func(tx *storage.Tx) (err error) {
		march := youthbot.MonthPeriod(2026, 3)
		if old, err = tx.Figures(ptBranch, march, h.bot.Location()); err != nil {
			return err
		}
		now, err = tx.Figures(ptFar, march, h.bot.Location())
		return err
	})
	if old.Participations != 1 || old.MembersTotal != 0 || now.MembersTotal != 1 || now.MembersNew != 0 || now.ParticipationsPending != 1 {
		t.Errorf("old branch %+v\nnew branch %+v", *old, *now)
	}
}

func TestTransferBySecretaryAndCancel(t *testing.T) {
	h := newHarness(t)
	h.ptMember(601, ptBranch, "Nguyễn Văn An")
	h.ptMember(602, ptBranch, "Lê Văn Bé")
	sec, district := user(610, "vi"), user(611, "vi")
	h.makeSecretary(610, ptBranch)
	h.makeSecretary(611, "VT")

	msgs := h.apply(msgUpdate(sec, "/transfer nguyen van"))
	if b := buttons(msgs); len(b) != 1 || b[0] != "xm:601" {
		t.Fatalf("member choice %v", b)
	}
	msgs = h.apply(cbUpdate(sec, "xm:601"))
	var walk string
	for _, d := range buttons(msgs) {
		if strings.HasPrefix(d, "xt:VT:") {
			walk = d
		}
	}
	if walk != "xt:VT:0:601" {
		t.Fatalf("tree buttons %v", buttons(msgs))
	}
	h.press(sec, walk)
	h.press(sec, "xt:VT-P5:0:601")
	msgs = h.apply(cbUpdate(sec, "xp:VT-P5-KV1:601"))
	if b := buttons(msgs); len(b) != 2 || b[0] != "xs:VT-P5-KV1:601" || len(to(msgs, 611)) != 0 {
		t.Fatalf("confirmation %v", describe(msgs))
	}
	msgs = h.apply(cbUpdate(sec, "xs:VT-P5-KV1:601"))
	if !has(texts(msgs, 601), "Bí thư đã đề nghị chuyển sinh hoạt") {
		t.Errorf("the member was not told: %v", describe(msgs))
	}
	if got := to(msgs, 611); len(got) != 1 {
		t.Errorf("the district secretary (nearest to VT-P5-KV1) got %v", describe(got))
	}
	var t1 youthbot.Transfer
	h.db.View(func(tx *storage.Tx) (err error) { t1, _, err = tx.PendingTransferOf(601); return err })
	if t1.RequestedBy != 610 || t1.To != "VT-P5-KV1" {
		t.Fatalf("transfer %+v", t1)
	}
	if got := h.press(user(601, "vi"), fmt.Sprintf("xc:%d", t1.ID)); !has(got, "Đã huỷ đề nghị") {
		t.Errorf("cancel by the member: %q", got)
	}
	if h.member(601).Unit != ptBranch {
		t.Error("a cancelled transfer moved the member")
	}

	// The district secretary manages both ends: the move is done at once.
	h.apply(msgUpdate(district, "/transfer le van be"))
	h.apply(cbUpdate(district, "xp:"+ptSibling+":602"))
	if m := h.member(602); m.Unit != ptBranch {
		t.Errorf("the move was done before it was confirmed: in %s", m.Unit)
	}
	h.apply(cbUpdate(district, "xs:"+ptSibling+":602"))
	if m := h.member(602); m.Unit != ptSibling {
		t.Errorf("a transfer by a secretary of both branches left the member in %s", m.Unit)
	}
}

// participationFixtures are what the authorisation table tries to touch:
// an activity waiting in branch and a transfer request out of it, both of
// member 506.
type participationFixtures struct {
	member             int64
	activity, transfer uint64
}

func (h *harness) addParticipationFixtures(branch string) participationFixtures {
	h.t.Helper()
	u := h.ptMember(506, branch, "Võ Thị Sáu")
	h.say(u, "/log 09/03 2h Dọn vệ sinh kênh xáng")
	h.say(u, "/transfer "+ptFar)
	h.press(u, "xs:"+ptFar)
	f := participationFixtures{member: 506, activity: h.ptActivities(506)[0].ID}
	h.db.View(func(tx *storage.Tx) error {
		t, _, err := tx.PendingTransferOf(506)
		f.transfer = t.ID
		return err
	})
	if f.transfer == 0 {
		h.t.Fatal("setup: no pending transfer")
	}
	return f
}

func TestLogNamesAProjectOrCampaign(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	h.makeSecretary(610, ptBranch)
	day := func(d int) youthbot.Date { return youthbot.Date{Year: 2026, Month: 3, Day: d} }
	var open, done, other, future youthbot.Project
	var camp youthbot.Campaign
	err := h.db.Update(func(tx *storage.Tx) error {
		open = youthbot.Project{Kind: youthbot.ProjectWork, Title: "Tuyến đường hoa", Unit: "VT-CDCD", Start: day(1), End: day(31)}
		done = youthbot.Project{Kind: youthbot.ProjectTask, Title: "Đã xong", Unit: ptBranch, Start: day(1), End: day(5), Status: youthbot.ProjectDone}
		other = youthbot.Project{Kind: youthbot.ProjectTask, Title: "Huyện khác", Unit: "PH", Start: day(1), End: day(31)}
		future = youthbot.Project{Kind: youthbot.ProjectTask, Title: "Sắp tới", Unit: ptBranch, Start: day(20), End: day(31)}
		for _, p := range []*youthbot.Project{&open, &done, &other, &future} {
			if err := tx.NewProject(p); err != nil {
				return err
			}
		}
		camp = youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "HG", Start: day(1), End: day(31), Cron: "0 8 * * 1", Reminder: "x"}
		return tx.NewCampaign(&camp)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ line, want string }{
		{"/log #" + done.Code + " Dọn", "đã hoàn thành"},
		{"/log #" + other.Code + " Dọn", "Không có công trình, phần việc mã " + other.Code},
		{"/log #" + future.Code + " Dọn", "diễn ra từ 20/03/2026"},
		{"/log 01/02 #" + camp.ID + " Dọn", "Chiến dịch Tháng Thanh niên diễn ra từ 01/03/2026"},
	} {
		before := h.snapshot()
		if got := h.say(an, tt.line); len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") || !strings.Contains(got[0], tt.want) {
			t.Errorf("%q: %q, want a refusal with %q", tt.line, got, tt.want)
		}
		if h.snapshot() != before {
			t.Errorf("%q changed the state", tt.line)
		}
	}
	msgs := h.apply(msgUpdate(an, "/log #"+strings.ToLower(open.Code)+" 4h Trồng hoa"))
	if a := h.ptActivities(601)[0]; a.Project != open.Code || a.Campaign != "" {
		t.Errorf("stored %+v", a)
	}
	if !has(texts(msgs, 610), "Tuyến đường hoa") {
		t.Errorf("the request does not name the project: %q", texts(msgs, 610))
	}
	h.say(an, "/log #"+camp.ID+" Mít tinh")
	if a := h.ptActivities(601)[0]; a.Campaign != camp.ID {
		t.Errorf("stored %+v", a)
	}

	t.Run("DialogOffersWhatRuns", func(t *testing.T) {
		h.say(an, "/log")
		h.press(an, "ad:d:20260310")
		h.press(an, "ad:s")
		msgs := h.apply(msgUpdate(an, "Trồng hoa"))
		want := []string{"ad:p:" + open.Code, "ad:c:" + camp.ID, "ad:s"}
		if got := buttons(msgs); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("link buttons %v, want %v", got, want)
		}
		if got := h.say(an, other.Code); !has(got, "Không có công trình") {
			t.Errorf("typing another district's project: %q", got)
		}
		h.press(an, "ad:p:"+open.Code)
		h.press(an, "ad:s")
		if a := h.ptActivities(601)[0]; a.Project != open.Code || a.Description != "Trồng hoa" {
			t.Errorf("stored %+v", a)
		}
	})
}
