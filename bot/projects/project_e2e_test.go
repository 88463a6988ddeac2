package projects_test

import (
	"bytes"
	"fmt"
	"image/png"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// End-to-end tests of youth projects (F3): the real bot against the
// Telegram double, clock at 10/03/2026 09:00 in Asia/Ho_Chi_Minh.

const (
	pjBranch  = "VT-CDCD-CNTT" // Chi đoàn Khoa Công nghệ thông tin
	pjSibling = "VT-CDCD-KT"   // Chi đoàn Khoa Kinh tế - Xã hội
	pjSchool  = "VT-CDCD"      // their grassroots union
)

var joinCode = regexp.MustCompile(`/join (P[0-9]+)`)

// pjCreate makes a project with the one-line /newproject and returns its code.
func pjCreate(t *testing.T, sec *telegramtest.User, line string) string {
	t.Helper()
	sec.Send("/newproject " + line)
	m := sec.Expect(t, "/join P")
	code := joinCode.FindStringSubmatch(m.Text)
	if code == nil {
		t.Fatalf("no /join CODE in %q", m.Text)
	}
	return code[1]
}

// pjProject reads a project from the database.
func pjProject(t *testing.T, b *bottest.Bot, code string) youthbot.Project {
	t.Helper()
	var p youthbot.Project
	b.View(func(tx *storage.Tx) (err error) { p, err = tx.Project(code); return err })
	return p
}

// pjSeats reads a project's participants.
func pjSeats(t *testing.T, b *bottest.Bot, code string) []youthbot.Participant {
	t.Helper()
	var s []youthbot.Participant
	b.View(func(tx *storage.Tx) (err error) { s, err = tx.Seats(code); return err })
	return s
}

func pjState(seats []youthbot.Participant, id int64) string {
	for _, s := range seats {
		if s.Member == id {
			return s.State
		}
	}
	return ""
}

func TestNewProjectOneLine(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjBranch)
	code := pjCreate(t, sec, "ct | Thắp sáng đường quê | 01/04/2026 | 30/04/2026 | 20")
	p := pjProject(t, b, code)
	want := youthbot.Project{Code: code, Kind: youthbot.ProjectWork, Title: "Thắp sáng đường quê", Unit: pjBranch,
		Start: youthbot.Date{Year: 2026, Month: 4, Day: 1}, End: youthbot.Date{Year: 2026, Month: 4, Day: 30}, Capacity: 20,
		Status: youthbot.ProjectOpen, CreatedBy: sec.ID}
	p.CreatedAt = time.Time{}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("stored %+v\nwant %+v", p, want)
	}
	t.Run("TaskWithUnitCodeOfASecretaryAbove", func(t *testing.T) {
		district := b.Secretary("Lan", "VT")
		code := pjCreate(t, district, "VT-P5 | pv | Dọn vệ sinh kênh xáng | 15/03/2026 | 15/03/2026 | 5")
		if p := pjProject(t, b, code); p.Unit != "VT-P5" || p.Kind != youthbot.ProjectTask {
			t.Errorf("stored unit %s kind %s, want VT-P5 task", p.Unit, p.Kind)
		}
	})
	t.Run("RefusesBadInputWithTheReason", func(t *testing.T) {
		for _, tt := range []struct{ line, want string }{
			{"ct | Tên | 30/04/2026 | 01/04/2026 | 20", "không thể trước ngày bắt đầu"},
			{"ct | Tên | 01/04/2026 | 30/04/2026 | 0", "từ 1 đến 10000"},
			{"ct | Tên | 01/04/2026 | 30/04/2026 | -4", "từ 1 đến 10000"},
			{"ct | Tên | 01/04/2026 | 30/04/2026 | 1000000", "từ 1 đến 10000"},
			{"ct |  | 01/04/2026 | 30/04/2026 | 20", "không được để trống"},
			{"ct | Tên | 31/02/2026 | 30/04/2026 | 20", "Không có ngày 31/02/2026"},
			{"ct | Tên | mai | 30/04/2026 | 20", "ngày/tháng/năm"},
			{"xx | Tên | 01/04/2026 | 30/04/2026 | 20", "ct (công trình thanh niên) hoặc pv"},
			{"ct | Tên | 01/04/2026", "Cách dùng"},
			{"HG | ct | Tên | 01/04/2026 | 30/04/2026 | 20", "không thuộc quyền quản lý"},
		} {
			sec.Send("/newproject " + tt.line)
			if m := sec.Next(t); !strings.HasPrefix(m.Text, "⚠️") || !strings.Contains(m.Text, tt.want) {
				t.Errorf("%q: got %q, want a warning with %q", tt.line, m.Text, tt.want)
			}
		}
		var n int
		b.View(func(tx *storage.Tx) error { ps, err := tx.ProjectsOf(pjBranch); n = len(ps); return err })
		if n != 1 {
			t.Errorf("%d projects in the branch, want 1 (nothing stored by refusals)", n)
		}
	})
	t.Run("RefusesMembers", func(t *testing.T) {
		an := b.Member("An", pjBranch)
		an.Send("/newproject ct | Tên | 01/04/2026 | 30/04/2026 | 20")
		an.Expect(t, "chỉ dành cho bí thư")
	})
	b.Settle()
}

func TestNewProjectGuided(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjBranch)
	b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(sec.ID, pjSibling) })
	b.Update(func(tx *storage.Tx) error {
		return tx.NewCampaign(&youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 1},
			End: youthbot.Date{Year: 2026, Month: 4, Day: 30}, Cron: "0 8 * * 1", Reminder: "x"})
	})

	sec.Send("/newproject")
	pick := sec.Expect(t, "đơn vị nào")
	sec.Press(pick, "Kinh tế")
	kind := sec.Expect(t, "công trình hay phần việc")
	kindButtons := kind.Snapshot().Buttons
	sec.Press(kind, "Phần việc thanh niên")
	sec.Expect(t, "tên")
	sec.Send("Hiến máu nhân đạo")
	sec.Expect(t, "bắt đầu")
	sec.Send("01/04/2026")
	sec.Expect(t, "kết thúc")
	sec.Send("31/03/2026")
	sec.Expect(t, "không thể trước ngày bắt đầu")
	sec.Expect(t, "kết thúc")
	sec.Send("02/04/2026")
	sec.Expect(t, "bao nhiêu đoàn viên")
	sec.Send("không giới hạn")
	sec.Expect(t, "từ 1 đến 10000")
	sec.Expect(t, "bao nhiêu đoàn viên")
	sec.Send("30")
	camp := sec.Expect(t, "chiến dịch nào")
	sec.Press(camp, "Tháng Thanh niên")
	done := sec.Expect(t, "Đã tạo")
	code := joinCode.FindStringSubmatch(done.Text)
	if code == nil || !strings.Contains(done.Text, "Tháng Thanh niên") {
		t.Fatalf("creation reply %q: want /join CODE and the campaign", done.Text)
	}
	p := pjProject(t, b, code[1])
	if p.Unit != pjSibling || p.Kind != youthbot.ProjectTask || p.Title != "Hiến máu nhân đạo" || p.Capacity != 30 || p.Campaign != "C1" ||
		p.End != (youthbot.Date{Year: 2026, Month: 4, Day: 2}) {
		t.Errorf("stored %+v", p)
	}
	t.Run("StaleDialogButtonRefused", func(t *testing.T) {
		cb := sec.PressData(kind, kindButtons[0][0].Data)
		if text, alert := cb.Answer(t); !alert || !strings.Contains(text, "đã cũ") {
			t.Errorf("answer %q alert=%v, want a stale-button alert", text, alert)
		}
	})
	b.Settle()
}

func TestJoinLeaveAndWaitingList(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjSchool)
	code := pjCreate(t, sec, "ct | Mùa hè xanh | 20/03/2026 | 25/03/2026 | 1")
	an, binh, chi := b.Member("An", pjBranch), b.Member("Bình", pjSibling), b.Member("Chi", pjBranch)

	an.Send("/join " + code)
	an.Expect(t, "Bạn đã đăng ký tham gia")
	binh.Send("/projects")
	list := binh.Expect(t, "Mùa hè xanh")
	if !strings.Contains(list.Text, "Đã đủ 1 người") {
		t.Errorf("list %q: want the project shown full", list.Text)
	}
	if text, _ := binh.Press(list, "Đăng ký chờ").Answer(t); !strings.Contains(text, "vị trí chờ số 1") {
		t.Errorf("Bình's answer %q, want waiting position 1", text)
	}
	chi.Send("/join " + strings.ToLower(code))
	chi.Expect(t, "vị trí chờ số 2")
	chi.Send("/join " + code)
	chi.Expect(t, "vị trí số 2")

	// A leaves before the start: Bình, first in line, gets the seat and is told.
	an.Send("/leave " + code)
	an.Expect(t, "Bạn đã rút khỏi")
	binh.Expect(t, "Đã có chỗ trống")
	seats := pjSeats(t, b, code)
	if pjState(seats, binh.ID) != youthbot.SeatJoined || pjState(seats, chi.ID) != youthbot.SeatWaiting || pjState(seats, an.ID) != "" {
		t.Errorf("seats after leave: %+v", seats)
	}
	// Chi leaves the waiting list: no promotion, nothing for Bình.
	chi.Send("/leave " + code)
	chi.Expect(t, "rời danh sách chờ")

	t.Run("LeavingAfterStartRefused", func(t *testing.T) {
		b.SetNow(time.Date(2026, 3, 20, 7, 0, 0, 0, b.Loc))
		binh.Send("/leave " + code)
		binh.Expect(t, "đã bắt đầu từ 20/03/2026")
		if pjState(pjSeats(t, b, code), binh.ID) != youthbot.SeatJoined {
			t.Error("Bình's seat changed")
		}
	})
	t.Run("JoiningAfterEndRefused", func(t *testing.T) {
		b.SetNow(time.Date(2026, 3, 26, 7, 0, 0, 0, b.Loc))
		an.Send("/join " + code)
		an.Expect(t, "đã kết thúc ngày 25/03/2026")
		if pjState(pjSeats(t, b, code), an.ID) != "" {
			t.Error("An got a seat after the end")
		}
	})
	t.Run("NotVisibleFromAnotherDistrict", func(t *testing.T) {
		b.SetNow(time.Date(2026, 3, 10, 9, 0, 0, 0, b.Loc))
		other := pjCreate(t, b.Secretary("Mai", "PH"), "pv | Làm đường | 01/04/2026 | 02/04/2026 | 5")
		an.Send("/join " + other)
		an.Expect(t, "không dành cho chi đoàn của bạn")
		an.Send("/projects")
		if m := an.Next(t); strings.Contains(m.Text, other) {
			t.Errorf("/projects of a Vị Thanh member shows %s of Phụng Hiệp: %q", other, m.Text)
		}
	})
	t.Run("PendingMemberCannotJoin", func(t *testing.T) {
		u := b.Server.NewUser("Dũng", "vi")
		b.Update(func(tx *storage.Tx) error {
			return tx.PutMember(youthbot.Member{UserID: u.ID, Unit: pjBranch, FullName: "Dũng", Status: youthbot.StatusPending, RegisteredAt: b.Now()})
		})
		u.Send("/join " + code)
		u.Expect(t, "chờ bí thư duyệt")
	})
	b.Settle()
}

// TestLastSeatUnderConcurrentJoins has many members press Join on the
// last seat at the same moment: exactly one gets it, every other one is
// on the waiting list, in a single line without gaps.
func TestLastSeatUnderConcurrentJoins(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjSchool)
	code := pjCreate(t, sec, "pv | Hiến máu | 01/04/2026 | 01/04/2026 | 3")
	for i := range 2 {
		u := b.Member(fmt.Sprintf("Sớm %d", i), pjBranch)
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
	}
	const n = 25
	users := make([]*telegramtest.User, n)
	lists := make([]*telegramtest.Message, n)
	for i := range users {
		users[i] = b.Member(fmt.Sprintf("Đoàn viên %02d", i), []string{pjBranch, pjSibling}[i%2])
		users[i].Send("/projects")
	}
	for i, u := range users {
		lists[i] = u.Expect(t, "Còn 1/3 chỗ")
	}
	// Everyone presses Join at once.
	callbacks := make([]*telegramtest.Callback, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			callbacks[i] = users[i].PressData(lists[i], "jj:"+code+":0")
		}()
	}
	close(start)
	wg.Wait()
	joined, waiting := 0, 0
	for i, cb := range callbacks {
		text, alert := cb.Answer(t)
		switch {
		case alert:
			t.Errorf("user %d: refused: %q", i, text)
		case strings.Contains(text, "Bạn đã đăng ký tham gia"):
			joined++
		case strings.Contains(text, "vị trí chờ"):
			waiting++
		default:
			t.Errorf("user %d: unexpected answer %q", i, text)
		}
	}
	if joined != 1 || waiting != n-1 {
		t.Errorf("answers: %d joined, %d waiting; want 1 and %d", joined, waiting, n-1)
	}
	seats := pjSeats(t, b, code)
	if got := youthbot.Joined(seats); got != 3 {
		t.Errorf("%d joined in storage, want 3 (the capacity)", got)
	}
	if got := len(seats) - youthbot.Joined(seats); got != n-1 {
		t.Errorf("%d waiting in storage, want %d", got, n-1)
	}
	b.Settle()
}

// pjCheckinLink runs /checkin as sec and returns the deep link's payload,
// checking the QR image is a PNG.
func pjCheckinLink(t *testing.T, b *bottest.Bot, sec *telegramtest.User, code string) (payload string, attendance *telegramtest.Message) {
	t.Helper()
	sec.Send("/checkin " + code)
	photo := sec.Expect(t, "Điểm danh "+code)
	if photo.Photo == nil {
		t.Fatalf("/checkin sent no uploaded photo: %+v", photo)
	}
	img, err := png.Decode(bytes.NewReader(photo.Photo))
	if err != nil {
		t.Fatalf("the QR code is not a PNG: %v", err)
	}
	if r := img.Bounds(); r.Dx() < 200 || r.Dx() != r.Dy() {
		t.Errorf("QR image %v, want a square of at least 200 px", r)
	}
	link := regexp.MustCompile(`https://t\.me/` + regexp.QuoteMeta(b.Bot.Username()) + `\?start=(c_[a-z0-9]+)`).FindStringSubmatch(photo.Caption)
	if link == nil {
		t.Fatalf("caption %q has no check-in deep link of @%s", photo.Caption, b.Bot.Username())
	}
	return link[1], sec.Expect(t, "Đăng ký:")
}

func TestCheckinWorksOnlyInsideTheDates(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjBranch)
	code := pjCreate(t, sec, "ct | Thắp sáng đường quê | 20/03/2026 | 21/03/2026 | 10")
	an, binh, chi := b.Member("An", pjBranch), b.Member("Bình", pjBranch), b.Member("Chi", pjBranch)
	for _, u := range []*telegramtest.User{an, binh} {
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
	}
	payload, _ := pjCheckinLink(t, b, sec, code)
	present := func(id int64) time.Time {
		for _, s := range pjSeats(t, b, code) {
			if s.Member == id {
				return s.PresentAt
			}
		}
		return time.Time{}
	}

	an.Send("/start " + payload)
	an.Expect(t, "điểm danh mở từ 20/03/2026")
	b.SetNow(time.Date(2026, 3, 20, 8, 5, 0, 0, b.Loc))
	an.Send("/start " + payload)
	an.Expect(t, "Đã điểm danh")
	first := present(an.ID)
	if !first.Equal(time.Date(2026, 3, 20, 8, 5, 0, 0, b.Loc)) {
		t.Errorf("present at %v, want 08:05", first)
	}
	b.Advance(time.Hour)
	an.Send("/start " + payload)
	an.Expect(t, "đã điểm danh")
	if !present(an.ID).Equal(first) {
		t.Error("a second check-in moved the time")
	}
	chi.Send("/start " + payload)
	chi.Expect(t, "chưa đăng ký tham gia")
	stranger := b.Server.NewUser("Khách", "vi")
	stranger.Send("/start " + payload)
	stranger.Expect(t, "Chỉ đoàn viên")
	an.Send("/start c_khongtontai")
	an.Expect(t, "Link không hợp lệ")

	b.SetNow(time.Date(2026, 3, 22, 8, 0, 0, 0, b.Loc))
	binh.Send("/start " + payload)
	binh.Expect(t, "không thể điểm danh nữa")
	if !present(binh.ID).IsZero() {
		t.Error("Bình marked present after the end")
	}
	// After the end the secretary gets the attendance list only, to confirm before /done.
	sec.Send("/checkin " + code)
	if m := sec.Expect(t, "không còn điểm danh bằng mã QR"); m.Photo != nil || !strings.Contains(m.Text, "Có mặt: 1") {
		t.Errorf("/checkin after the end: %q (photo %v)", m.Text, m.Photo != nil)
	}
	b.Settle()
}

func TestAttendanceConfirmedByTheSecretary(t *testing.T) {
	b := bottest.Start(t, bottest.Options{Now: time.Date(2026, 3, 20, 7, 0, 0, 0, time.FixedZone("ICT", 7*3600))})
	sec := b.Secretary("Hoa", pjBranch)
	code := pjCreate(t, sec, "ct | Thắp sáng đường quê | 20/03/2026 | 21/03/2026 | 10")
	names := []string{"An", "Bình", "Chi"}
	var users []*telegramtest.User
	for _, n := range names {
		u := b.Member(n, pjBranch)
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
		users = append(users, u)
	}
	payload, _ := pjCheckinLink(t, b, sec, code)
	for _, u := range users[:2] {
		u.Send("/start " + payload)
		u.Expect(t, "Đã điểm danh")
	}
	// A fresh list shows both check-ins; confirm all, then Chi (who could not scan) by hand.
	sec.Send("/checkin " + code)
	sec.Expect(t, "Điểm danh")
	list := sec.Expect(t, "Có mặt: 2")
	if text, _ := sec.Press(list, "Xác nhận tất cả đã điểm danh (2)").Answer(t); !strings.Contains(text, "2 đoàn viên") {
		t.Errorf("confirm all: %q", text)
	}
	b.Settle()
	sec.Press(list, "Chi").Answer(t)
	b.Settle()
	for _, s := range pjSeats(t, b, code) {
		if !s.Attended {
			t.Errorf("member %d not confirmed: %+v", s.Member, s)
		}
	}
	if text := list.Snapshot().Text; !strings.Contains(text, "Bí thư đã xác nhận: 3") {
		t.Errorf("list not redrawn: %q", text)
	}
	b.Settle()
}

func TestDoneExactlyOnce(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", pjSchool)
	code := pjCreate(t, sec, "ct | Thắp sáng đường quê | 10/03/2026 | 12/03/2026 | 10")
	an, binh, chi := b.Member("An", pjBranch), b.Member("Bình", pjSibling), b.Member("Chi", pjBranch)
	for _, u := range []*telegramtest.User{an, binh, chi} {
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
	}
	payload, _ := pjCheckinLink(t, b, sec, code)
	for _, u := range []*telegramtest.User{an, binh} {
		u.Send("/start " + payload)
		u.Expect(t, "Đã điểm danh")
	}
	member := b.Member("Dũng", pjBranch)
	member.Send("/done " + code)
	member.Expect(t, "chỉ dành cho bí thư")

	// Before the end date the confirmation says so; Huỷ records nothing.
	sec.Send("/done " + code)
	ask := sec.Expect(t, "còn bao nhiêu người khác")
	bottest.Press(t, sec, ask, "⏭ Bỏ qua các mục còn lại")
	early := sec.Expect(t, "Hoàn thành")
	bottest.Contains(t, early, "sớm hơn kế hoạch", "12/03/2026", "Sẽ ghi nhận 2 lượt", "An", "Bình", "chưa ghi")
	bottest.Press(t, sec, early, "Huỷ")
	b.Settle()
	bottest.Contains(t, early, "chưa được hoàn thành")
	if p := pjProject(t, b, code); p.Status == youthbot.ProjectDone {
		t.Fatalf("Huỷ completed the project: %+v", p)
	}

	b.SetNow(time.Date(2026, 3, 12, 17, 0, 0, 0, b.Loc))
	sec.Send("/done " + code + " 5.000.000")
	confirm := sec.Expect(t, "Hoàn thành")
	bottest.Contains(t, confirm, "Sẽ ghi nhận 2 lượt", "theo điểm danh", "An, Bình", "5.000.000 đồng")
	if text := confirm.Snapshot().Text; strings.Contains(text, "Chi") || strings.Contains(text, "sớm hơn") {
		t.Errorf("confirmation on the end date %q: names Chi (not present) or says it is early", text)
	}
	an.NoMore(t) // nothing recorded before the press
	stale := confirm.Snapshot().Buttons[0][0].Data
	bottest.Press(t, sec, confirm, "✅ Hoàn thành")
	b.Settle()
	reply := confirm.Snapshot()
	if !strings.Contains(reply.Text, "Đã hoàn thành") || !strings.Contains(reply.Text, "Ghi nhận 2 lượt") || !strings.Contains(reply.Text, "5.000.000 đồng") {
		t.Errorf("/done reply %q: want 2 participations and 5.000.000 đồng", reply.Text)
	}
	an.Expect(t, "đã được ghi nhận")
	binh.Expect(t, "đã được ghi nhận")
	if alert := bottest.Refusal(t, sec, confirm, stale); !strings.Contains(alert, "không ghi thêm") {
		t.Errorf("a second press of the confirmation: %q", alert)
	}
	sec.Send("/done " + code + " 7tr")
	sec.Expect(t, "không ghi thêm")

	p := pjProject(t, b, code)
	if p.Status != youthbot.ProjectDone || p.ValueVND != 5_000_000 || p.DoneDate != (youthbot.Date{Year: 2026, Month: 3, Day: 12}) {
		t.Errorf("project after /done: %+v", p)
	}
	march := youthbot.MonthPeriod(2026, time.March)
	figures := func(unit string) *youthbot.Figures {
		var f *youthbot.Figures
		b.View(func(tx *storage.Tx) (err error) { f, err = tx.Figures(unit, march, b.Loc); return err })
		return f
	}
	for _, tt := range []struct {
		unit               string
		part, works, tasks int
		value              int64
	}{
		{pjSchool, 2, 1, 0, 5_000_000},
		{"HG", 2, 1, 0, 5_000_000},
		{pjBranch, 1, 0, 0, 0},  // An; the work counts for the project's unit
		{pjSibling, 1, 0, 0, 0}, // Bình
	} {
		f := figures(tt.unit)
		if f.Participations != tt.part || f.WorksCompleted != tt.works || f.TasksCompleted != tt.tasks || f.ValueVND != tt.value || f.Tenths != 0 {
			t.Errorf("%s: participations %d works %d tasks %d value %d hours %v; want %d %d %d %d 0",
				tt.unit, f.Participations, f.WorksCompleted, f.TasksCompleted, f.ValueVND, f.Hours(), tt.part, tt.works, tt.tasks, tt.value)
		}
	}
	var acts []youthbot.Activity
	b.View(func(tx *storage.Tx) error {
		return tx.MemberActivities(an.ID, func(a youthbot.Activity) bool { acts = append(acts, a); return true })
	})
	if len(acts) != 1 || acts[0].Source != youthbot.SourceProject || acts[0].Project != code || acts[0].Status != youthbot.ActivityConfirmed ||
		acts[0].Date != p.DoneDate || acts[0].Tenths != 0 || acts[0].Unit != pjBranch {
		t.Errorf("An's activities: %+v", acts)
	}
	t.Run("StaleButtonsOnTheCompletedProject", func(t *testing.T) {
		chi.Send("/leave " + code)
		chi.Expect(t, "đã hoàn thành")
		chi.Send("/start " + payload)
		chi.Expect(t, "đã hoàn thành")
	})
	t.Run("NobodyCheckedInCreditsEveryJoined", func(t *testing.T) {
		code := pjCreate(t, sec, "pv | Dọn vệ sinh | 12/03/2026 | 12/03/2026 | 10")
		for _, u := range []*telegramtest.User{an, chi} {
			u.Send("/join " + code)
			u.Expect(t, "Bạn đã đăng ký tham gia")
		}
		sec.Send("/done " + code + " 0")
		m := sec.Expect(t, "Hoàn thành")
		bottest.Press(t, sec, m, "✅ Hoàn thành")
		b.Settle()
		if m := m.Snapshot(); !strings.Contains(m.Text, "Đã hoàn thành") || !strings.Contains(m.Text, "Ghi nhận 2 lượt") {
			t.Errorf("reply %q", m.Text)
		}
		if f := figures(pjSchool); f.Participations != 4 || f.TasksCompleted != 1 || f.WorksCompleted != 1 {
			t.Errorf("school figures: %+v", f)
		}
	})
	b.Settle()
}
