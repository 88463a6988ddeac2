package projects_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// End-to-end tests of /done's figures (F7): head counts of the others who
// took part, person-days, value, support, beneficiaries and recognition
// level, guided and in one line, and what the figures say after.

// doneProject makes a work of the school (a grassroots union: its levels
// are grassroots, district, province) ending today, joined by An and Bình.
func doneProject(t *testing.T, b *bottest.Bot) (sec *telegramtest.User, code string, members []*telegramtest.User) {
	t.Helper()
	sec = b.Secretary("Hoa", pjSchool)
	code = pjCreate(t, sec, "ct | Thắp sáng đường quê | 10/03/2026 | 10/03/2026 | 10")
	members = []*telegramtest.User{b.Member("An", pjBranch), b.Member("Bình", pjSibling)}
	for _, u := range members {
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
	}
	return sec, code, members
}

// doneFigures reads a unit's figures of March 2026.
func doneFigures(t *testing.T, b *bottest.Bot, unit string) *youthbot.Figures {
	t.Helper()
	var f *youthbot.Figures
	b.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures(unit, youthbot.MonthPeriod(2026, time.March), b.Loc)
		return err
	})
	return f
}

func TestDoneGuidedWithHeadCounts(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec, code, members := doneProject(t, b)

	sec.Send("/done " + code)
	ask := sec.Expect(t, "còn bao nhiêu người khác")
	bottest.Contains(t, ask, "Ngoài 2 đoàn viên được ghi nhận riêng", "đoàn viên, thanh niên, học sinh sinh viên, người dân")
	// Wrong head counts are explained and asked again; nothing is kept of them.
	for _, tt := range []struct{ typed, want string }{
		{"-5", "không được âm"},
		{"100.001", "tối đa 100.000"},
		{"60.000 50.000", "tối đa 100.000"},
		{"hai mươi", "«hai» không phải là số người"},
		{"1 2 3 4 5", "Tối đa 4 số"},
		{"thanh niên 20 thanh niên 3", "ghi hai lần"},
	} {
		sec.Send(tt.typed)
		sec.Expect(t, tt.want)
		sec.Expect(t, "còn bao nhiêu người khác")
	}
	sec.Send("5 20 0 3")
	sec.Expect(t, "ngày công")
	sec.Send("nhiều")
	sec.Expect(t, "«nhiều» không phải là số ngày công")
	sec.Expect(t, "ngày công")
	sec.Send("15,5")
	sec.Expect(t, "Giá trị làm lợi")
	sec.Send("26.000.000")
	support := sec.Expect(t, "Kinh phí hỗ trợ")
	bottest.Press(t, sec, support, "Không có")
	stale := sec.Expect(t, "Đối tượng hưởng lợi").Snapshot().Buttons[0][0].Data
	sec.Send("mèo 3")
	sec.Expect(t, "Không rõ nhóm hưởng lợi «mèo 3»")
	benef := sec.Expect(t, "Đối tượng hưởng lợi")
	bottest.Contains(t, support, "Kinh phí hỗ trợ: không có")
	b.Settle() // the message's id is recorded once sent: a reply faster than that leaves its buttons

	sec.Send("thiếu nhi 20 2tr; hộ nghèo 3 hộ 5.000.000đ")
	level := sec.Expect(t, "Cấp nào công nhận")
	b.Server.WaitUntil(t, "the answered step to lose its buttons", func() bool { return len(benef.Snapshot().Buttons) == 0 })
	if alert := bottest.Refusal(t, sec, benef, stale); !strings.Contains(alert, "đã cũ") {
		t.Errorf("a button of an answered step: %q", alert)
	}
	bottest.Contains(t, level, "Mặc định là cấp của đơn vị: cấp cơ sở")
	bottest.Press(t, sec, level, "cấp huyện")
	summary := sec.Expect(t, "Hoàn thành")
	bottest.Contains(t, level, "Cấp công nhận: cấp huyện")
	bottest.Contains(t, summary, "Sẽ ghi nhận 2 lượt", "An, Bình", "26.000.000 đồng", "đoàn viên 5, thanh niên 20, người dân 3",
		"Ngày công: 15,5", "thiếu nhi 20 người (2.000.000 đồng); hộ nghèo, gia đình chính sách 3 người (5.000.000 đồng)",
		"Cấp công nhận: cấp huyện", "Tổng cộng: 30 lượt", "2 đoàn viên ghi nhận riêng + 28 lượt khác")
	if text := summary.Snapshot().Text; strings.Contains(text, "Kinh phí") || strings.Contains(text, "sớm hơn") {
		t.Errorf("summary %q: shows a support of 0 or an early warning on the end date", text)
	}
	sec.Send("xong")
	sec.Expect(t, "Vui lòng bấm một nút")
	if p := pjProject(t, b, code); !p.Open() {
		t.Fatalf("completed before the confirmation: %+v", p)
	}
	bottest.Press(t, sec, summary, "✅ Hoàn thành")
	b.Settle()
	bottest.Contains(t, summary, "Đã hoàn thành", "Ghi nhận 2 lượt", "Tổng cộng: 30 lượt", "Cấp công nhận: cấp huyện")
	for _, u := range members {
		u.Expect(t, "đã được ghi nhận")
	}

	p := pjProject(t, b, code)
	wantBenef := []youthbot.Benefit{
		{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000},
		{Group: youthbot.BenefitHouseholds, People: 3, ValueVND: 5_000_000},
	}
	if p.Status != youthbot.ProjectDone || p.ValueVND != 26_000_000 || p.Heads != (youthbot.HeadCounts{Members: 5, Youth: 20, Residents: 3}) ||
		p.PersonDayTenths != 155 || p.SupportVND != 0 || p.Level != youthbot.KindDistrict || !reflect.DeepEqual(p.Beneficiaries, wantBenef) {
		t.Errorf("project after /done: %+v", p)
	}
	for _, unit := range []string{pjSchool, "VT", "HG"} {
		f := doneFigures(t, b, unit)
		wantBy := youthbot.HeadCounts{Members: 7, Youth: 20, Residents: 3} // An and Bình + 5 members counted
		if f.Participations != 30 || f.ParticipationsBy != wantBy || !reflect.DeepEqual(f.Beneficiaries, wantBenef) ||
			f.WorksByLevel != (youthbot.LevelCounts{District: 1}) || f.WorksCompleted != 1 || f.PersonDayTenths != 155 || f.ValueVND != 26_000_000 {
			t.Errorf("%s: participations %d by %+v, beneficiaries %+v, works by level %+v, person-days %d, value %d",
				unit, f.Participations, f.ParticipationsBy, f.Beneficiaries, f.WorksByLevel, f.PersonDayTenths, f.ValueVND)
		}
	}
	// The branches count their own member's participation, not the
	// project's head counts (those are the school's).
	if f := doneFigures(t, b, pjBranch); f.Participations != 1 || f.ParticipationsBy != (youthbot.HeadCounts{Members: 1}) || len(f.Beneficiaries) != 0 {
		t.Errorf("branch: participations %d by %+v, beneficiaries %+v", f.Participations, f.ParticipationsBy, f.Beneficiaries)
	}
	sec.Send("/done " + code)
	sec.Expect(t, "không ghi thêm")

	t.Run("CompletedMeanwhileEndsTheDialog", func(t *testing.T) {
		code := pjCreate(t, sec, "pv | Dọn vệ sinh | 10/03/2026 | 10/03/2026 | 10")
		sec.Send("/done " + code)
		sec.Expect(t, "còn bao nhiêu người khác")
		lan := b.Secretary("Lan", pjSchool)
		lan.Send("/done " + code + "|thanh niên 4")
		bottest.Press(t, lan, lan.Expect(t, "Tổng cộng: 4 lượt"), "✅ Hoàn thành")
		b.Settle()
		sec.Send("5")
		sec.Expect(t, "không ghi thêm")
		sec.Send("6")
		sec.Expect(t, "") // the dialog is over: whatever the core answers, not the dialog again
		if p := pjProject(t, b, code); p.Heads != (youthbot.HeadCounts{Youth: 4}) {
			t.Errorf("the completion by Lan: %+v", p.Contribution)
		}
	})
}

func TestDoneOneLine(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec, code, _ := doneProject(t, b)

	// Refused whole, with the reason; nothing is recorded.
	for _, tt := range []struct{ line, want string }{
		{"| thanh niên 100.001", "tối đa 100.000"},
		{"| người dân -3", "không được âm"},
		{"| học sinh mười", "«mười» không phải là số người"},
		{"| cấp chi đoàn", "Cấp công nhận «chi đoàn» không dùng được"},
		{"5tr | ngày công 1,25", "không phải là số ngày công"},
	} {
		sec.Send("/done " + code + " " + tt.line)
		sec.Expect(t, tt.want)
	}
	if p := pjProject(t, b, code); !p.Open() || p.Heads.Total() != 0 {
		t.Fatalf("a refused line changed the project: %+v", p)
	}

	sec.Send("/done " + code + " 26tr | thanh niên 1.500 | hssv 40 | người dân 5 | ngày công 15,5 | kinh phí 2tr | thiếu nhi 20 2tr | cấp tỉnh")
	summary := sec.Expect(t, "Hoàn thành")
	bottest.Contains(t, summary, "26.000.000 đồng", "thanh niên 1.500, học sinh, sinh viên 40, người dân 5", "Kinh phí hỗ trợ: 2.000.000 đồng",
		"thiếu nhi 20 người (2.000.000 đồng)", "Cấp công nhận: cấp tỉnh", "Tổng cộng: 1.547 lượt")
	bottest.Press(t, sec, summary, "✅ Hoàn thành")
	b.Settle()
	bottest.Contains(t, summary, "Đã hoàn thành")
	f := doneFigures(t, b, "HG")
	if f.Participations != 1547 || f.ParticipationsBy != (youthbot.HeadCounts{Members: 2, Youth: 1500, Students: 40, Residents: 5}) ||
		f.ParticipationsBy.Total() != int64(f.Participations) || f.SupportVND != 2_000_000 || f.PersonDayTenths != 155 ||
		f.WorksByLevel != (youthbot.LevelCounts{Province: 1}) ||
		!reflect.DeepEqual(f.Beneficiaries, []youthbot.Benefit{{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000}}) {
		t.Errorf("HG: participations %d by %+v, support %d, person-days %d, works by level %+v, beneficiaries %+v",
			f.Participations, f.ParticipationsBy, f.SupportVND, f.PersonDayTenths, f.WorksByLevel, f.Beneficiaries)
	}

	t.Run("TheOwnLevelByDefaultAndInEnglish", func(t *testing.T) {
		sec.Send("/lang en")
		sec.Expect(t, "English")
		code := pjCreate(t, sec, "pv | Dọn vệ sinh | 10/03/2026 | 10/03/2026 | 10")
		sec.Send("/done " + code + " | youth 100001")
		sec.Expect(t, "Too many people: at most 100.000 in all")
		sec.Send("/done " + code + " | youth 12 | children 3")
		m := sec.Expect(t, "Complete")
		bottest.Contains(t, m, "Other people who took part: youth 12", "children 3 people", "Recognition level: grassroots", "In all: 12 participations (0 members credited individually + 12 others)")
		bottest.Press(t, sec, m, "✅ Complete")
		b.Settle()
		f := doneFigures(t, b, pjSchool)
		if f.TasksByLevel != (youthbot.LevelCounts{Grassroots: 1}) || f.Participations != 1547+12 {
			t.Errorf("school: tasks by level %+v, participations %d", f.TasksByLevel, f.Participations)
		}
	})
}
