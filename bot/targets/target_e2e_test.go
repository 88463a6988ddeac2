package targets_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// End-to-end tests of /target's kinds (F7) through the Telegram double:
// a metric target with a code, a per_unit target over the branches below,
// a manual target whose result /achieved enters, /targets showing each
// with the report's line, and the refusals.

// unitTargets reads a unit's targets of 2026.
func unitTargets(b *bottest.Bot, unit string) []youthbot.Target {
	var got []youthbot.Target
	b.View(func(tx *storage.Tx) error { got = tx.Targets(unit, 2026); return nil })
	return got
}

func TestTargetKindsEndToEnd(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	lan := b.Secretary("Lan", "VT") // Thành đoàn Vị Thanh: 2 grassroots unions, 4 branches

	lan.Send("/target 2026 CT01 hoạt động 2")
	bottest.Contains(t, lan.Expect(t, "Đã giao chỉ tiêu năm 2026"), "CT01 · Hoạt động của đơn vị 2", "Đến nay đã thực hiện 0, đạt 0%")
	lan.Send("/target 2026 mỗi chi đoàn có ít nhất 3 hoạt động")
	bottest.Contains(t, lan.Expect(t, "Đã giao chỉ tiêu"), "CT02 · Hoạt động của đơn vị — mỗi chi đoàn ít nhất 3", "Đến nay 0/4 chi đoàn đã đạt")
	lan.Send(`/target 2026 thủ công "Kết nạp 7.000 đoàn viên mới" 7.000`)
	bottest.Contains(t, lan.Expect(t, "Đã giao chỉ tiêu"), "CT03 · Kết nạp 7.000 đoàn viên mới 7.000", "/achieved CT03")
	lan.Send(`/target 2026 ct04 "Hỗ trợ thiếu nhi khó khăn" thiếu nhi 100`)
	bottest.Contains(t, lan.Expect(t, "Đã giao chỉ tiêu"), "CT04 · Hỗ trợ thiếu nhi khó khăn 100")

	// Setting the per_unit target again changes it, under the same code.
	lan.Send("/target 2026 mỗi chi đoàn 1 hoạt động")
	bottest.Contains(t, lan.Expect(t, "Đã giao chỉ tiêu"), "CT02 ·", "(Chỉ tiêu cũ: 3)")
	got := unitTargets(b, "VT")
	if len(got) != 4 {
		t.Fatalf("targets of VT: %+v", got)
	}
	want := []youthbot.Target{
		{Unit: "VT", Year: 2026, Code: "CT01", Metric: youthbot.MetricActivities, Value: 2},
		{Unit: "VT", Year: 2026, Code: "CT02", Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindBranch, Metric: youthbot.MetricActivities, Value: 1},
		{Unit: "VT", Year: 2026, Code: "CT03", Kind: youthbot.TargetManual, Text: "Kết nạp 7.000 đoàn viên mới", Value: 7000},
		{Unit: "VT", Year: 2026, Code: "CT04", Text: "Hỗ trợ thiếu nhi khó khăn", Metric: youthbot.BeneficiariesOf(youthbot.BenefitChildren), Value: 100},
	}
	for i := range want {
		if got[i].KindOf() != want[i].KindOf() || got[i].Code != want[i].Code || got[i].Metric != want[i].Metric ||
			got[i].Value != want[i].Value || got[i].UnitKind != want[i].UnitKind || got[i].Text != want[i].Text {
			t.Errorf("target %d = %+v, want %+v", i, got[i], want[i])
		}
	}

	// One branch holds an activity for 30 children; the manual result is entered.
	b.Update(func(tx *storage.Tx) error {
		a := youthbot.UnitActivity{Unit: "VT-CDCD-CNTT", Date: youthbot.Date{Year: 2026, Month: 3, Day: 5}, Title: "Trung thu cho em",
			CreatedBy: lan.ID, CreatedAt: b.Now()}
		a.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitChildren, People: 30})
		return tx.AddUnitActivity(&a)
	})
	lan.Send("/achieved CT03 3.500")
	lan.Expect(t, "3.500")
	b.Settle()

	lan.Send("/targets")
	m := lan.Expect(t, "Kết quả thực hiện chỉ tiêu năm 2026")
	for _, w := range []string{
		"⏳ CT01 · Hoạt động của đơn vị: 1 / 2 — <b>đạt 50%</b>",
		"⏳ CT02 · Hoạt động của đơn vị — mỗi chi đoàn (ít nhất 1): 1/4 chi đoàn đạt — <b>đạt 25%</b>",
		"⏳ CT03 · Kết nạp 7.000 đoàn viên mới: 3.500 / 7.000 — <b>đạt 50%</b>",
		"⏳ CT04 · Hỗ trợ thiếu nhi khó khăn: 30 / 100 — <b>đạt 30%</b>",
		"📊 <b>đạt 0/4 chỉ tiêu (từ 25% đến 50%)</b>",
	} {
		if !strings.Contains(m.HTML, w) {
			t.Errorf("/targets lacks %q:\n%s", w, m.HTML)
		}
	}
	for _, code := range []string{"activities", "beneficiaries", "per_unit", "manual", "children"} {
		if strings.Contains(m.Text, code) {
			t.Errorf("/targets shows the code name %q:\n%s", code, m.Text)
		}
	}

	t.Run("EveryBranchReachesIt", func(t *testing.T) {
		b.Update(func(tx *storage.Tx) error {
			for _, u := range []string{"VT-CDCD-KT", "VT-P5-KV1", "VT-P5-KV4", "VT-CDCD-CNTT"} {
				a := youthbot.UnitActivity{Unit: u, Date: youthbot.Date{Year: 2026, Month: 3, Day: 6}, Title: "Ra quân", CreatedBy: lan.ID, CreatedAt: b.Now()}
				a.SetBenefit(youthbot.Benefit{Group: youthbot.BenefitChildren, People: 20})
				if err := tx.AddUnitActivity(&a); err != nil {
					return err
				}
			}
			return nil
		})
		lan.Send("/achieved CT03 7.700")
		lan.Expect(t, "7.700")
		lan.Send("/targets 2026")
		m := lan.Expect(t, "Kết quả thực hiện chỉ tiêu")
		for _, w := range []string{"✅ CT01 · Hoạt động của đơn vị: 5 / 2 — <b>đạt 250%</b>", "4/4 chi đoàn đạt — <b>đạt 100%</b>",
			"7.700 / 7.000 — <b>đạt 110%</b>", "110 / 100 — <b>đạt 110%</b>", "đạt 4/4 chỉ tiêu (từ 100% đến 250%)"} {
			if !strings.Contains(m.HTML, w) {
				t.Errorf("/targets lacks %q:\n%s", w, m.HTML)
			}
		}
	})
	t.Run("InEnglish", func(t *testing.T) {
		en := b.Server.NewUser("Ann", "en")
		b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(en.ID, "VT") })
		en.Send("/targets")
		m := en.Expect(t, "Targets 2026")
		for _, w := range []string{"CT02 · Unit activities — each branch (at least 1): 4/4 units (branch) reached it",
			"4/4 targets met (from 100% to 250%)"} {
			if !strings.Contains(m.HTML, w) {
				t.Errorf("English /targets lacks %q:\n%s", w, m.HTML)
			}
		}
	})
	t.Run("ManualNotEnteredYetSaysHow", func(t *testing.T) {
		lan.Send(`/target 2026 thủ công "Xây dựng 7 mô hình" 7`)
		lan.Expect(t, "CT05")
		lan.Send("/targets")
		bottest.Contains(t, lan.Expect(t, "Kết quả thực hiện"), "CT05 · Xây dựng 7 mô hình: 0 / 7 — đạt 0% (chưa nhập kết quả: /achieved CT05 giá_trị)")
	})
	b.Settle()
}

// TestTargetRefusals: each bad /target is answered with what is wrong, in
// Vietnamese words, and stores nothing.
func TestTargetRefusals(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	school := b.Secretary("Hoa", "VT-CDCD") // a grassroots union: branches below, nothing else
	branch := b.Secretary("Bình", "VT-CDCD-CNTT")
	for _, tt := range []struct {
		who        string
		line, want string
	}{
		{"school", "/target 2026 mỗi xã 1 phần việc", "Sau «mỗi» cần cấp đơn vị"},
		{"school", "/target 2026 mỗi đoàn cơ sở 1 phần việc", "phải giao cho đơn vị cấp trên của đoàn cơ sở"},
		{"school", "/target 2026 mỗi huyện đoàn 1 công trình", "không có huyện đoàn trực thuộc"},
		{"branch", "/target 2026 mỗi chi đoàn 1 phần việc", "Chi đoàn Khoa Công nghệ thông tin không có chi đoàn trực thuộc"},
		{"school", `/target 2026 thủ công "Kết nạp 7.000 đoàn viên mới"`, "cần giá trị kế hoạch"},
		{"school", "/target 2026 thủ công 7000", "cần nội dung trong ngoặc kép"},
		{"school", "/target 2026 nụ cười 5", "Không có chỉ tiêu «nụ cười»"},
		{"school", "/target 2026 mỗi chi đoàn 1 nụ cười", "Không có chỉ tiêu «nụ cười»"},
		{"school", "/target 2026 mỗi chi đoàn 0 phần việc", "phải là số lớn hơn 0"},
		{"school", `/target 2026 "` + strings.Repeat("x", 301) + `" lượt 5`, "không quá 300 ký tự"},
		{"school", "/target 2026 mỗi chi đoàn 1 phần việc HG", "không thuộc quyền quản lý"},
	} {
		u := school
		if tt.who == "branch" {
			u = branch
		}
		u.Send(tt.line)
		if m := u.Next(t); !strings.HasPrefix(m.Text, "⚠️") && !strings.HasPrefix(m.Text, "⛔") || !strings.Contains(m.Text, tt.want) {
			t.Errorf("%s: got %q, want a warning with %q", tt.line, m.Text, tt.want)
		}
	}
	for _, unit := range []string{"VT-CDCD", "VT-CDCD-CNTT", "HG"} {
		if got := unitTargets(b, unit); len(got) != 0 {
			t.Errorf("targets of %s after refusals: %+v", unit, got)
		}
	}
	b.Settle()
}

// TestTargetPickerForEveryKind: a secretary of two grassroots unions picks
// the unit by button for a per_unit target (its kind in the button's
// data) and for a manual one (its text waits in the dialog); the button
// of a dialog used is stale.
func TestTargetPickerForEveryKind(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	two := b.Secretary("Tư", "VT-CDCD")
	b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(two.ID, "VT-P5") })

	two.Send("/target 2026 mỗi chi đoàn 2 phần việc")
	pick := two.Expect(t, "cho đơn vị nào")
	bottest.Press(t, two, pick, "Đoàn phường V")
	b.Settle()
	if got := unitTargets(b, "VT-P5"); len(got) != 1 || got[0].KindOf() != youthbot.TargetPerUnit || got[0].UnitKind != youthbot.KindBranch ||
		got[0].Metric != youthbot.MetricTasks || got[0].Value != 2 || got[0].Code != "CT01" {
		t.Errorf("targets of VT-P5: %+v", got)
	}

	two.Send(`/target 2026 thủ công "Tổ chức 3 hội thi <b>cấp trường</b>" 3`)
	pick = two.Expect(t, "cho đơn vị nào")
	bottest.Contains(t, pick, "Tổ chức 3 hội thi <b>cấp trường</b>") // the text, escaped
	var other string
	for _, row := range pick.Snapshot().Buttons {
		for _, bt := range row {
			if bt.Text == "Đoàn phường V" {
				other = bt.Data
			}
		}
	}
	if !strings.HasPrefix(other, "kt:d:") {
		t.Fatalf("the button of a target with a text carries %q, want the dialog's nonce", other)
	}
	bottest.Press(t, two, pick, "Đoàn trường Cao đẳng Cộng đồng Hậu Giang")
	b.Settle()
	got := unitTargets(b, "VT-CDCD")
	if len(got) != 1 || got[0].KindOf() != youthbot.TargetManual || got[0].Text != "Tổ chức 3 hội thi <b>cấp trường</b>" || got[0].Value != 3 {
		t.Errorf("targets of VT-CDCD: %+v", got)
	}
	if text := bottest.Refusal(t, two, pick, other); !strings.Contains(text, "cũ") {
		t.Errorf("second press of a used dialog's button: %q", text)
	}
	if got := unitTargets(b, "VT-P5"); len(got) != 1 {
		t.Errorf("the stale press stored a target: %+v", got)
	}
	b.Settle()
}

// TestTargetUsageExamplesAreValid: every example of /target's usage line,
// in both languages, sent back as shown by a secretary of a grassroots
// union, sets a target.
func TestTargetUsageExamplesAreValid(t *testing.T) {
	example := regexp.MustCompile(`(/target \d{4}[^\n]*?)(?: hoặc | or | \(|\n|$)`)
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			h := harness.New(t)
			h.MakeSecretary(810, "VT-CDCD")
			sec := harness.User(810, lang)
			usage := strings.Join(h.Say(sec, "/target"), "\n")
			found := example.FindAllStringSubmatch(usage, -1)
			if len(found) != 4 {
				t.Fatalf("%d examples in %q, want 4 (each kind, a code)", len(found), usage)
			}
			for _, m := range found {
				if got := strings.Join(h.Say(sec, m[1]), "\n"); !strings.Contains(got, "🎯") || strings.Contains(got, "⚠️") {
					t.Errorf("example %q: %q", m[1], got)
				}
			}
			var kinds []youthbot.TargetKind
			h.DB.View(func(tx *storage.Tx) error {
				for _, tg := range tx.Targets("VT-CDCD", h.Now.Year()) {
					kinds = append(kinds, tg.KindOf())
				}
				return nil
			})
			if len(kinds) != 4 {
				t.Errorf("kinds stored: %v", kinds)
			}
		})
	}
}

// TestTargetsOfALongPlanFitInOneMessage: a plan of 30 targets with long
// texts is shown within Telegram's 4096 characters (the double refuses
// more), the targets left out counted, the report's line kept.
func TestTargetsOfALongPlanFitInOneMessage(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "VT-CDCD")
	b.Update(func(tx *storage.Tx) error {
		for i := range 30 {
			tg := youthbot.Target{Unit: "VT-CDCD", Year: 2026, Code: "CT" + strconv.Itoa(10+i), Kind: youthbot.TargetManual,
				Text: strings.Repeat("Thực hiện phong trào ", 14), Value: 100}
			if err := tx.SetTarget(tg); err != nil {
				return err
			}
		}
		return nil
	})
	sec.Send("/targets")
	m := sec.Expect(t, "Kết quả thực hiện chỉ tiêu")
	bottest.Contains(t, m, "CT10 ·", "mục khác", "đạt 0/30 chỉ tiêu (từ 0% đến 0%)")
	if n := len([]rune(m.Text)); n > 4096 {
		t.Errorf("%d characters", n)
	}
	b.Settle()
}
