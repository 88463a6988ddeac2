package projects_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/storage"
)

// End-to-end tests of campaigns and targets (F4).

func pjCampaigns(t *testing.T, b *bottest.Bot) []youthbot.Campaign {
	t.Helper()
	var list []youthbot.Campaign
	b.View(func(tx *storage.Tx) (err error) { list, err = tx.Campaigns(); return err })
	return list
}

func TestNewCampaignShowsTheNextFiringsBeforeStoring(t *testing.T) {
	b := bottest.Start(t, bottest.Options{}) // Tuesday 10/03/2026 09:00
	sec := b.Secretary("Hoa", "VT")
	sec.Send("/newcampaign Tháng Thanh niên | 01/03/2026 | 31/03/2026 | 0 8 * * 1 | Đăng ký công trình thanh niên qua /projects nhé!")
	preview := sec.Expect(t, "Tháng Thanh niên")
	for _, want := range []string{"Thứ Hai 16/03/2026 08:00", "Thứ Hai 23/03/2026 08:00", "Thứ Hai 30/03/2026 08:00", "giờ Việt Nam", "Thứ Hai hằng tuần, 8:00", "Thành đoàn Vị Thanh"} {
		if !strings.Contains(preview.Text, want) {
			t.Errorf("preview %q lacks %q", preview.Text, want)
		}
	}
	if len(pjCampaigns(t, b)) != 0 {
		t.Fatal("stored before confirmation")
	}
	if got := preview.Buttons[0][0].Text; !strings.Contains(got, "Xác nhận") {
		t.Errorf("first button %q, want the affirmative Xác nhận", got)
	}
	confirm := preview.Snapshot().Buttons[0][0].Data
	sec.Press(preview, "Xác nhận").Answer(t)
	b.Settle()
	if text := preview.Snapshot().Text; !strings.Contains(text, "Đã tạo chiến dịch C1") {
		t.Errorf("after confirming: %q", text)
	}
	list := pjCampaigns(t, b)
	if len(list) != 1 || list[0].Unit != "VT" || list[0].Cron != "0 8 * * 1" || list[0].Name != "Tháng Thanh niên" ||
		list[0].Start != (youthbot.Date{Year: 2026, Month: 3, Day: 1}) || list[0].End != (youthbot.Date{Year: 2026, Month: 3, Day: 31}) {
		t.Errorf("stored %+v", list)
	}
	// The same confirmation again (a double tap, a stale keyboard): refused, no second campaign.
	if text, alert := sec.PressData(preview, confirm).Answer(t); !alert || !strings.Contains(text, "đã cũ") {
		t.Errorf("second confirmation: %q alert=%v", text, alert)
	}
	if n := len(pjCampaigns(t, b)); n != 1 {
		t.Errorf("%d campaigns after a second confirmation, want 1", n)
	}
	b.Settle()
}

func TestNewCampaignCancelAndBadInput(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "VT")
	sec.Send("/newcampaign Mùa hè xanh | 01/06/2026 | 31/08/2026 | @weekly | Tham gia Mùa hè xanh!")
	preview := sec.Expect(t, "Mùa hè xanh")
	if !strings.Contains(preview.Text, "Chủ nhật 07/06/2026 00:00") {
		t.Errorf("@weekly preview %q: want the first Sunday of June", preview.Text)
	}
	sec.Press(preview, "Huỷ").Answer(t)
	b.Settle()
	if len(pjCampaigns(t, b)) != 0 || !strings.Contains(preview.Snapshot().Text, "Đã huỷ") {
		t.Errorf("cancel: %q, %d stored", preview.Snapshot().Text, len(pjCampaigns(t, b)))
	}
	for _, tt := range []struct{ line, want string }{
		{"X | 10/04/2026 | 01/04/2026 | 0 8 * * 1 | nhắc", "không thể trước ngày bắt đầu"},
		{"X | 01/04/2026 | 30/04/2026 | 61 8 * * * | nhắc", "không hợp lệ"},
		{"X | 01/04/2026 | 30/04/2026 | 0 8 * * | nhắc", "không hợp lệ"},
		{"X | 01/04/2026 | 30/04/2026 | */5 * * * * | nhắc", "quá dày"},
		{"X | 01/04/2026 | 30/04/2026 | TZ=Asia/Tokyo 0 8 * * * | nhắc", "múi giờ"},
		{"X | 01/04/2026 | 30/04/2026 | 0 8 31 2 * | nhắc", "không có lần nhắc nào"},
		{"X | 01/01/2026 | 01/03/2026 | 0 8 * * * | nhắc", "đã qua"},
		{"X | 01/04/2026 | 30/04/2026 | 0 8 * * 1", "Cách dùng"},
		{"HG | X | 01/04/2026 | 30/04/2026 | 0 8 * * 1 | nhắc", "không thuộc quyền quản lý"},
	} {
		sec.Send("/newcampaign " + tt.line)
		if m := sec.Next(t); !strings.HasPrefix(m.Text, "⚠️") || !strings.Contains(m.Text, tt.want) {
			t.Errorf("%q: got %q, want a warning with %q", tt.line, m.Text, tt.want)
		}
	}
	member := b.Member("An", "VT-CDCD-CNTT")
	member.Send("/newcampaign X | 01/04/2026 | 30/04/2026 | 0 8 * * 1 | nhắc")
	member.Expect(t, "chỉ dành cho bí thư")
	if n := len(pjCampaigns(t, b)); n != 0 {
		t.Errorf("%d campaigns stored by refused commands", n)
	}
	b.Settle()
}

func TestCampaignsListedToTheSubtreeAndEnded(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "VT")
	b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(sec.ID, "PH") })
	// Several units: the preview asks which one, by pressing it.
	sec.Send("/newcampaign Xuân tình nguyện | 01/03/2026 | 31/03/2026 | 0 19 * * 5 | Cùng ra quân!")
	preview := sec.Expect(t, "Xuân tình nguyện")
	sec.Press(preview, "Thành đoàn Vị Thanh").Answer(t)
	sec.Send("/newcampaign Mùa hè xanh | 01/06/2026 | 31/08/2026 | 0 8 * * 1 | Đăng ký!")
	preview = sec.Expect(t, "Mùa hè xanh")
	sec.Press(preview, "Huyện đoàn Phụng Hiệp").Answer(t)
	b.Settle()

	an := b.Member("An", "VT-CDCD-CNTT")
	an.Send("/campaigns")
	m := an.Expect(t, "Xuân tình nguyện")
	if strings.Contains(m.Text, "Mùa hè xanh") || strings.Contains(m.Text, "/endcampaign") {
		t.Errorf("a Vị Thanh member sees %q", m.Text)
	}
	sec.Send("/campaigns")
	m = sec.Expect(t, "Xuân tình nguyện")
	if !strings.Contains(m.Text, "Mùa hè xanh") || !strings.Contains(m.Text, "sắp diễn ra") || !strings.Contains(m.Text, "/endcampaign C1") {
		t.Errorf("the secretary's list %q", m.Text)
	}

	other := b.Secretary("Mai", "PH")
	other.Send("/endcampaign C1")
	other.Expect(t, "không thuộc đơn vị đồng chí phụ trách")
	sec.Send("/endcampaign C1")
	ask := sec.Expect(t, "Kết thúc sớm")
	if got := ask.Buttons[0][0].Text; !strings.Contains(got, "Kết thúc") {
		t.Errorf("first button %q, want the affirmative one", got)
	}
	// The other secretary forges the confirmation: refused, nothing changes.
	msgs := other.Messages()
	if text, alert := other.PressData(msgs[len(msgs)-1], "ke:ok:C1").Answer(t); !alert || !strings.Contains(text, "không thuộc") {
		t.Errorf("forged end: %q alert=%v", text, alert)
	}
	sec.Press(ask, "Kết thúc chiến dịch").Answer(t)
	b.Settle()
	list := pjCampaigns(t, b)
	if list[0].EndedAt.IsZero() || !list[0].EndedAt.Equal(b.Now()) || !list[1].EndedAt.IsZero() {
		t.Errorf("after /endcampaign: %+v", list)
	}
	an.Send("/campaigns")
	an.Expect(t, "không có chiến dịch nào")
	sec.Send("/endcampaign C1")
	sec.Expect(t, "đã kết thúc")
	b.Settle()
}

func TestTargetsProgressInPercent(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "VT-CDCD")
	sec.Send("/target 2026 participations 2")
	sec.Expect(t, "Đã giao chỉ tiêu năm 2026")
	sec.Send("/target 2026 works 1")
	sec.Expect(t, "Đã giao chỉ tiêu")
	sec.Send("/target 2026 value_vnd 10 triệu")
	sec.Expect(t, "10.000.000 đồng")
	sec.Send("/target 2026 hours 1.000")
	sec.Expect(t, "Giờ tình nguyện 1.000")
	for _, tt := range []struct{ args, want string }{
		{"2026 hours -5", "phải là số lớn hơn 0"},
		{"2026 hours 0", "phải là số lớn hơn 0"},
		{"2026 hours", "Cách dùng"},
		{"2026 smiles 5", "Không có chỉ tiêu «smiles»"},
		{"2040 hours 5", "Năm phải từ"},
		{"2026 hours 5 HG", "không thuộc quyền quản lý"},
	} {
		sec.Send("/target " + tt.args)
		if m := sec.Next(t); !strings.HasPrefix(m.Text, "⚠️") || !strings.Contains(m.Text, tt.want) {
			t.Errorf("/target %s: got %q, want a warning with %q", tt.args, m.Text, tt.want)
		}
	}
	// A work with three participants is completed.
	code := pjCreate(t, sec, "ct | Thắp sáng đường quê | 10/03/2026 | 10/03/2026 | 5")
	for _, name := range []string{"An", "Bình", "Chi"} {
		u := b.Member(name, "VT-CDCD-CNTT")
		u.Send("/join " + code)
		u.Expect(t, "Bạn đã đăng ký tham gia")
	}
	sec.Send("/done " + code + " 5tr")
	bottest.Press(t, sec, sec.Expect(t, "Hoàn thành"), "✅ Hoàn thành")
	b.Settle()

	sec.Send("/targets")
	m := sec.Expect(t, "Kết quả thực hiện chỉ tiêu năm 2026")
	for _, want := range []string{
		"Lượt đoàn viên tham gia tình nguyện: 3 / 2 — <b>đạt 150%</b>",
		"Công trình thanh niên: 1 / 1 — <b>đạt 100%</b>",
		"Giá trị làm lợi: 5.000.000 đồng / 10.000.000 đồng — <b>đạt 50%</b>",
		"Giờ tình nguyện: 0 / 1.000 — <b>đạt 0%</b>",
		"đạt 2/4 chỉ tiêu (từ 0% đến 150%)",
		"Lũy kế đến 10/03/2026",
	} {
		if !strings.Contains(m.HTML, want) {
			t.Errorf("/targets %q lacks %q", m.HTML, want)
		}
	}
	t.Run("RolledUpFromTheSubtree", func(t *testing.T) {
		district := b.Secretary("Lan", "VT")
		district.Send("/target 2026 participations 4 VT")
		district.Expect(t, "đạt 75%")
		district.Send("/targets 2026")
		m := district.Expect(t, "Thành đoàn Vị Thanh")
		if !strings.Contains(m.HTML, "3 / 4 — <b>đạt 75%</b>") || !strings.Contains(m.Text, "Đoàn trường Cao đẳng Cộng đồng Hậu Giang: đạt 2/4 chỉ tiêu") {
			t.Errorf("district /targets %q", m.Text)
		}
	})
	t.Run("InEnglish", func(t *testing.T) {
		en := b.Server.NewUser("Ann", "en")
		b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(en.ID, "VT-CDCD") })
		en.Send("/targets")
		m := en.Expect(t, "Targets 2026")
		if !strings.Contains(m.HTML, "3 / 2 — <b>150% achieved</b>") || !strings.Contains(m.HTML, "2/4 targets met") {
			t.Errorf("English /targets %q", m.HTML)
		}
	})
	t.Run("MemberSeesTheirBranchOnly", func(t *testing.T) {
		u := b.Member("Dũng", "VT-CDCD-CNTT")
		u.Send("/targets")
		u.Expect(t, "chưa được giao chỉ tiêu nào")
		u.Send("/targets VT-CDCD")
		u.Expect(t, "không thuộc quyền quản lý")
		u.Send("/target 2026 hours 5")
		u.Expect(t, "chỉ dành cho bí thư")
	})
	t.Run("SecretaryOfSeveralUnitsPicks", func(t *testing.T) {
		two := b.Secretary("Tư", "VT-CDCD-CNTT")
		b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(two.ID, "VT-CDCD-KT") })
		two.Send("/target 2026 tasks 3")
		pick := two.Expect(t, "cho đơn vị nào")
		two.Press(pick, "Kinh tế").Answer(t)
		b.Settle()
		var got []youthbot.Target
		b.View(func(tx *storage.Tx) error { got = tx.Targets("VT-CDCD-KT", 2026); return nil })
		if len(got) != 1 || got[0].Metric != youthbot.MetricTasks || got[0].Value != 3 {
			t.Errorf("targets of VT-CDCD-KT: %+v", got)
		}
	})
	b.Settle()
}

// TestCampaignsOfAWholeProvinceFitInOneMessage: a provincial secretary
// whose units run many campaigns gets a list Telegram accepts (the double
// refuses a text over 4096 characters), the rest counted.
func TestCampaignsOfAWholeProvinceFitInOneMessage(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "HG")
	b.Update(func(tx *storage.Tx) error {
		for i := range 30 {
			c := youthbot.Campaign{Name: strings.Repeat("Mùa hè xanh ", 10), Unit: "HG", Cron: "0 8 * * 1", Reminder: "x",
				Start: youthbot.Date{Year: 2026, Month: 3, Day: 1 + i%20}, End: youthbot.Date{Year: 2026, Month: 12, Day: 31}}
			if err := tx.NewCampaign(&c); err != nil {
				return err
			}
		}
		return nil
	})
	sec.Send("/campaigns")
	m := sec.Expect(t, "chiến dịch khác")
	if !strings.Contains(m.Text, "C1 ·") {
		t.Errorf("the list does not begin with C1:\n%s", m.Text)
	}
}

// noRawSchedule fails when text shows a cron expression or a zone name.
func noRawSchedule(t *testing.T, what, text string) {
	t.Helper()
	for _, raw := range []string{"* *", " * ", "0 19", "0 8 1", "0 9", "Asia/", "Ho_Chi_Minh", "<code>"} {
		if strings.Contains(text, raw) {
			t.Errorf("%s shows %q: %q", what, raw, text)
		}
	}
}

func TestCampaignsSayTheScheduleNotTheCron(t *testing.T) {
	b := bottest.Start(t, bottest.Options{}) // Tuesday 10/03/2026 09:00
	sec := b.Secretary("Hoa", "VT")
	for _, line := range []string{
		"Xuân tình nguyện | 01/03/2026 | 31/03/2026 | 0 19 * * 5 | Cùng ra quân!",
		"Mùa hè xanh | 01/06/2026 | 31/08/2026 | 0 8 1 * * | Đăng ký!",
		"Tháng Thanh niên | 01/03/2026 | 31/03/2026 | 0 9 * 3 * | Nhớ nhé",
	} {
		sec.Send("/newcampaign " + line)
		preview := sec.Expect(t, "Lịch nhắc")
		noRawSchedule(t, "preview", preview.Text)
		if !strings.Contains(preview.Text, "giờ Việt Nam") {
			t.Errorf("preview %q does not say giờ Việt Nam", preview.Text)
		}
		sec.Press(preview, "Xác nhận").Answer(t)
		b.Settle()
		noRawSchedule(t, "created", preview.Snapshot().Text)
	}
	sec.Send("/campaigns")
	m := sec.Expect(t, "Xuân tình nguyện")
	for _, want := range []string{"Thứ Sáu hằng tuần, 19:00", "Ngày 1 hằng tháng, 8:00", "Theo lịch riêng", "giờ Việt Nam"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("/campaigns %q lacks %q", m.Text, want)
		}
	}
	noRawSchedule(t, "/campaigns", m.Text)
	b.Settle()
}
