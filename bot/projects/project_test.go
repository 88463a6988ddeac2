package projects_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// projectFixtures are the projects and campaign the authorisation table
// and the bad-input tests act on.
type projectFixtures struct {
	open     string // of the branch, under way, member 502 joined and checked in
	done     string // of the branch, completed, member 502 had joined
	other    string // of a branch of another province
	campaign string // of the province HG, running
}

// addProjectFixtures stores projectFixtures around branch (the harness's
// clock is 10/03/2026). member has joined the open and the done project.
func addProjectFixtures(h *harness.H, branch string, member int64) projectFixtures {
	h.T.Helper()
	var f projectFixtures
	day := func(m time.Month, d int) youthbot.Date { return youthbot.Date{Year: 2026, Month: m, Day: d} }
	err := h.DB.Update(func(tx *storage.Tx) error {
		for _, u := range []youthbot.Unit{
			{Code: "CT", Name: "Thành đoàn Cần Thơ", Kind: youthbot.KindProvince},
			{Code: "CT-NK", Name: "Chi đoàn phường An Hoà", Parent: "CT", Kind: youthbot.KindBranch},
		} {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		projects := []*youthbot.Project{
			{Kind: youthbot.ProjectWork, Title: "Đang làm", Unit: branch, Start: day(3, 9), End: day(3, 20), Capacity: 5},
			{Kind: youthbot.ProjectTask, Title: "Đã xong", Unit: branch, Start: day(3, 1), End: day(3, 8), Capacity: 5,
				Status: youthbot.ProjectDone, DoneDate: day(3, 9), DoneAt: time.Date(2026, 3, 9, 10, 0, 0, 0, time.UTC)},
			{Kind: youthbot.ProjectWork, Title: "Tỉnh khác", Unit: "CT-NK", Start: day(4, 1), End: day(4, 30), Capacity: 5},
		}
		for _, p := range projects {
			if err := tx.NewProject(p); err != nil {
				return err
			}
		}
		f.open, f.done, f.other = projects[0].Code, projects[1].Code, projects[2].Code
		joined := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
		if err := tx.PutSeat(f.open, youthbot.Participant{Member: member, State: youthbot.SeatJoined, JoinedAt: joined,
			PresentAt: time.Date(2026, 3, 10, 1, 0, 0, 0, time.UTC)}); err != nil {
			return err
		}
		if err := tx.PutSeat(f.done, youthbot.Participant{Member: member, State: youthbot.SeatJoined, JoinedAt: joined}); err != nil {
			return err
		}
		c := youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "HG", Start: day(3, 1), End: day(3, 31), Cron: "0 8 * * 1", Reminder: "x"}
		if err := tx.NewCampaign(&c); err != nil {
			return err
		}
		f.campaign = c.ID
		return nil
	})
	if err != nil {
		h.T.Fatal(err)
	}
	return f
}

// TestProjectBadInputFromTheRightfulSecretary sends, as the branch's own
// secretary and its member, what must be refused whoever sends it: each
// gets a clear refusal and nothing changes.
func TestProjectBadInputFromTheRightfulSecretary(t *testing.T) {
	h := harness.New(t)
	const branch = "VT-CDCD-CNTT"
	const sec, member = 601, 602
	h.MakeSecretary(sec, branch)
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: member, Unit: branch, FullName: "Lê Văn Đoàn", Status: youthbot.StatusApproved,
			RegisteredAt: h.Now, DecidedAt: h.Now})
	}); err != nil {
		t.Fatal(err)
	}
	f := addProjectFixtures(h, branch, member)
	tests := []struct {
		name     string
		from     int64
		command  string
		callback string
		want     string
	}{
		{name: "TargetNegative", from: sec, command: "/target 2024 hours -5", want: "lớn hơn 0"},
		{name: "TargetZero", from: sec, command: "/target 2026 participations 0", want: "lớn hơn 0"},
		{name: "TargetForgedNegative", from: sec, callback: "kt:2026:h:-5:" + branch, want: "lớn hơn 0"},
		{name: "TargetForgedMetric", from: sec, callback: "kt:2026:x:5:" + branch, want: "đã cũ"},
		{name: "CampaignEndBeforeStart", from: sec, command: "/newcampaign X | 10/04/2026 | 01/04/2026 | 0 8 * * 1 | nhắc", want: "không thể trước"},
		{name: "CampaignInvalidCron", from: sec, command: "/newcampaign X | 01/04/2026 | 30/04/2026 | 61 8 * * * | nhắc", want: "không hợp lệ"},
		{name: "CampaignTZPrefixWithoutSpace", from: sec, command: "/newcampaign X | 01/04/2026 | 30/04/2026 | TZ=x | nhắc", want: "múi giờ"},
		{name: "CampaignForgedConfirm", from: sec, callback: "kc:ok:abcdef:" + branch, want: "đã cũ"},
		{name: "DoneTwice", from: sec, command: "/done " + f.done, want: "không ghi thêm"},
		{name: "DoneBadValue", from: sec, command: "/done " + f.open + " năm triệu", want: "Không đọc được giá trị"},
		{name: "DoneNegativeValue", from: sec, command: "/done " + f.open + " -5tr", want: "không được âm"},
		{name: "DoneNegativeHeadCount", from: sec, command: "/done " + f.open + " | thanh niên -5", want: "không được âm"},
		{name: "DoneAbsurdHeadCount", from: sec, command: "/done " + f.open + " | người dân 100.001", want: "tối đa 100.000"},
		{name: "DoneAbsurdHeadCountInAll", from: sec, command: "/done " + f.open + " | thanh niên 60.000 | người dân 50.000", want: "tối đa 100.000"},
		{name: "DoneTextInAHeadCount", from: sec, command: "/done " + f.open + " | thanh niên hai mươi", want: "«hai mươi» không phải là số người"},
		{name: "DoneDecimalHeadCount", from: sec, command: "/done " + f.open + " | đoàn viên 15,5", want: "không phải là số người"},
		{name: "DoneTextInPersonDays", from: sec, command: "/done " + f.open + " | ngày công nhiều", want: "không phải là số ngày công"},
		{name: "DoneTextInSupport", from: sec, command: "/done " + f.open + " | kinh phí abc", want: "«abc» không phải là số tiền"},
		{name: "DoneTextInBeneficiaries", from: sec, command: "/done " + f.open + " | thiếu nhi nhiều", want: "không phải là số người hưởng lợi"},
		{name: "DoneAbsurdBeneficiaries", from: sec, command: "/done " + f.open + " | thiếu nhi 1.000.001", want: "không phải là số người hưởng lợi"},
		{name: "DoneUnknownLabel", from: sec, command: "/done " + f.open + " | mèo 5", want: "Không hiểu «mèo 5»"},
		{name: "DoneLabelTwice", from: sec, command: "/done " + f.open + " | thanh niên 5 | tn 6", want: "ghi hai lần"},
		{name: "DoneUnknownLevel", from: sec, command: "/done " + f.open + " | cấp sao hoả", want: "Không rõ cấp"},
		{name: "DoneForgedLevel", from: sec, callback: "jg:l:planet:abcdef", want: "đã cũ"},
		{name: "DoneForgedStep", from: sec, callback: "jg:s:heads:abcdef", want: "đã cũ"},
		{name: "DoneForgedConfirm", from: sec, callback: "jd:ok:" + f.open + ":abcdef", want: "đã cũ"},
		{name: "DoneUnknownProject", from: sec, command: "/done P999", want: "Không có công trình"},
		{name: "CheckinCompleted", from: sec, command: "/checkin " + f.done, want: "đã hoàn thành"},
		{name: "AttendanceOnCompleted", from: sec, callback: "ja:o:" + f.done + ":602:0", want: "đã hoàn thành"},
		{name: "AttendanceAllOnCompleted", from: sec, callback: "ja:a:" + f.done + ":0", want: "đã hoàn thành"},
		{name: "AttendanceForgedMember", from: sec, callback: "ja:o:" + f.open + ":999:0", want: "đã cũ"},
		{name: "AttendanceForgedPage", from: sec, callback: "ja:v:" + f.open + ":x", want: "đã cũ"},
		{name: "EndCampaignOfProvince", from: sec, command: "/endcampaign " + f.campaign, want: "không thuộc"},
		{name: "JoinCompletedButton", from: member, callback: "jj:" + f.done + ":0", want: "đã hoàn thành"},
		{name: "LeaveCompletedButton", from: member, callback: "jl:" + f.done + ":0", want: "đã hoàn thành"},
		{name: "LeaveStarted", from: member, command: "/leave " + f.open, want: "đã bắt đầu"},
		{name: "JoinOtherProvince", from: member, command: "/join " + f.other, want: "không dành cho chi đoàn của bạn"},
		{name: "JoinForged", from: member, callback: "jj:P1", want: "đã cũ"},
		{name: "JoinForgedCode", from: member, callback: "jj:../x:0", want: "đã cũ"},
		{name: "ProjectsForgedPage", from: member, callback: "jp:x", want: "đã cũ"},
		{name: "JoinNoCode", from: member, command: "/join", want: "Cách dùng"},
		{name: "CheckinAsMember", from: member, command: "/checkin " + f.open, want: "chỉ dành cho bí thư"},
		{name: "NewProjectDialogForged", from: sec, callback: "jn:u:" + branch + ":abcdef", want: "đã cũ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := h.Refuses(t, tt.from, harness.Action{Command: tt.command, Callback: tt.callback})
			if got := strings.Join(harness.Texts(msgs, tt.from), " | "); !strings.Contains(got, tt.want) {
				t.Errorf("answer %q, want it to say %q", got, tt.want)
			}
		})
	}
}

// TestProjectsPageThroughAndDeepLinkRouting covers /projects' paging and
// the c_ payload of /start.
func TestProjectsPageThroughAndDeepLinkRouting(t *testing.T) {
	h := harness.New(t)
	const branch = "VT-P5-KV1"
	const sec, member = 701, 702
	h.MakeSecretary(sec, "VT-P5")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: member, Unit: branch, FullName: "Trần An", Status: youthbot.StatusApproved,
			RegisteredAt: h.Now, DecidedAt: h.Now})
	}); err != nil {
		t.Fatal(err)
	}
	for i := range 7 {
		out := h.Say(harness.User(sec, "vi"), "/newproject pv | Việc số "+string(rune('A'+i))+" | 20/03/2026 | 21/03/2026 | 3")
		if len(out) != 1 || !strings.Contains(out[0], "/join P") {
			t.Fatalf("create %d: %q", i, out)
		}
	}
	msgs := h.Apply(harness.MsgUpdate(harness.User(member, "vi"), "/projects"))
	first := harness.Texts(msgs, member)
	if len(first) != 1 || !strings.Contains(first[0], "trang 1/2") || strings.Contains(first[0], "Việc số F") {
		t.Fatalf("first page: %q", first)
	}
	var next string
	for _, d := range harness.Buttons(msgs) {
		if strings.HasPrefix(d, "jp:") {
			next = d
		}
	}
	if next != "jp:1" {
		t.Fatalf("page button %q, want jp:1", next)
	}
	second := h.Press(harness.User(member, "vi"), next)
	if len(second) != 1 || !strings.Contains(second[0], "Việc số F") || !strings.Contains(second[0], "trang 2/2") {
		t.Errorf("second page: %q", second)
	}
	if got := h.Say(harness.User(member, "vi"), "/start c_zzzz9999"); len(got) != 1 || !strings.Contains(got[0], "Link không hợp lệ") {
		t.Errorf("unknown check-in code: %q", got)
	}
}

// FuzzProjectInput feeds arbitrary arguments to the commands and buttons
// of projects, campaigns and targets, from a secretary and a member: no
// panic, and every command gets an answer.
func FuzzProjectInput(f *testing.F) {
	for _, s := range []string{"ct | Tên | 01/04/2026 | 30/04/2026 | 5", "P1 5tr", "2026 hours -5", "X | 01/04/2026 | 30/04/2026 | TZ= | y",
		"jj:P1:0", "ja:o:P1:602:0", "kt:2026:h:5:VT", "kc:ok:abc:HG", "jn:u:HG:x", "TZ=", "@every", "1.5 tỷ", "P2"} {
		f.Add(uint8(0), s)
	}
	h := harness.New(f)
	h.MakeSecretary(601, "VT-CDCD-CNTT")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: 602, Unit: "VT-CDCD-CNTT", FullName: "Lê Văn Đoàn", Status: youthbot.StatusApproved,
			RegisteredAt: h.Now, DecidedAt: h.Now})
	}); err != nil {
		f.Fatal(err)
	}
	addProjectFixtures(h, "VT-CDCD-CNTT", 602)
	commands := []string{"/newproject ", "/join ", "/leave ", "/checkin ", "/done ", "/newcampaign ", "/endcampaign ",
		"/target ", "/targets ", "/projects ", "/campaigns ", "/start c_"}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		from := harness.User(601+int64(which%2), "vi")
		u, text := harness.CbUpdate(from, s), ""
		if which&0x80 == 0 {
			text = commands[int(which/2)%len(commands)] + s
			u = harness.MsgUpdate(from, text)
		}
		h.NextID++
		u.UpdateID = h.NextID
		if err := h.Bot.Apply(context.Background(), []tgbotapi.Update{u}); err != nil {
			t.Fatalf("apply: %v", err)
		}
		msgs := h.Out.Take()
		if strings.Contains(h.Logs.String(), "handler panic") {
			t.Fatalf("handler panicked on %d %q:\n%s", which, s, h.Logs.String())
		}
		if text != "" && len(harness.Texts(msgs, from.ID)) == 0 && !hasPhoto(msgs) {
			t.Errorf("no answer to %q", text)
		}
	})
}

func hasPhoto(msgs []*youthbot.Outgoing) bool {
	for _, m := range msgs {
		if m.Method == "sendPhoto" {
			return true
		}
	}
	return false
}

// TestLastSeatInOneBatch applies many joins for the last seat as one
// batch (one write transaction, as Poll hands them over when they arrive
// together): exactly one gets the seat, the others queue in arrival order.
func TestLastSeatInOneBatch(t *testing.T) {
	h := harness.New(t)
	const branch = "VT-P5-KV4"
	h.MakeSecretary(800, branch)
	out := h.Say(harness.User(800, "vi"), "/newproject pv | Hiến máu | 01/04/2026 | 01/04/2026 | 1")
	if len(out) != 1 || !strings.Contains(out[0], "/join P1") {
		t.Fatalf("create: %q", out)
	}
	const n = 30
	var updates []tgbotapi.Update
	if err := h.DB.Update(func(tx *storage.Tx) error {
		for i := range n {
			id := int64(810 + n - 1 - i) // arrival order is not id order
			if err := tx.PutMember(youthbot.Member{UserID: id, Unit: branch, FullName: "Đoàn viên", Status: youthbot.StatusApproved,
				RegisteredAt: h.Now, DecidedAt: h.Now}); err != nil {
				return err
			}
			u := harness.CbUpdate(harness.User(id, "vi"), "jj:P1:0")
			h.NextID++
			u.UpdateID = h.NextID
			updates = append(updates, u)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := h.Bot.Apply(context.Background(), updates); err != nil {
		t.Fatal(err)
	}
	joined := 0
	for _, m := range h.Out.Take() {
		if m.Method != "answerCallbackQuery" {
			continue
		}
		arrival := int64(810+n-1) - m.Chat // 0 for the first in the batch
		switch text := m.Params["text"]; {
		case strings.Contains(text, "Bạn đã đăng ký tham gia"):
			joined++
			if arrival != 0 {
				t.Errorf("the seat went to %d, arrived %d-th; want the first in the batch", m.Chat, arrival+1)
			}
		case !strings.Contains(text, "vị trí chờ số "+strconv.FormatInt(arrival, 10)+";"):
			t.Errorf("%d: answer %q, want waiting position %d", m.Chat, text, arrival)
		}
	}
	if joined != 1 {
		t.Errorf("%d members got the last seat, want 1", joined)
	}
	var seats []youthbot.Participant
	if err := h.DB.View(func(tx *storage.Tx) (err error) { seats, err = tx.Seats("P1"); return err }); err != nil {
		t.Fatal(err)
	}
	if youthbot.Joined(seats) != 1 || len(seats) != n {
		t.Fatalf("stored %d joined of %d seats, want 1 of %d", youthbot.Joined(seats), len(seats), n)
	}
	for i, s := range seats { // the line as promotions will take it
		if want := int64(810 + n - 1 - i); s.Member != want {
			t.Errorf("place %d in the stored line: %d, want %d (arrival order)", i, s.Member, want)
		}
	}
}
