package activities_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// edited waits until the bot has answered everything and returns m's text
// as it reads now.
func edited(b *bottest.Bot, m *telegramtest.Message) string {
	b.Settle()
	return m.Snapshot().Text
}

// TestEndToEndActivity runs /activity through the Telegram double, guided
// with buttons and typed answers, then the one-line form, then /activities
// and the year's figures.
func TestEndToEndActivity(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5")

	hoa.Send("/activity")
	day := hoa.Expect(t, "ngày nào")
	hoa.Press(day, "Hôm qua")
	hoa.Expect(t, "Tên hoạt động")
	hoa.Send("Ngày Chủ nhật xanh")
	hoa.Expect(t, "Số lượt tham gia")
	hoa.Send("đoàn viên 30 người dân 200.000")
	hoa.Expect(t, "không quá 100000")
	hoa.Expect(t, "Số lượt tham gia")
	hoa.Send("30 20 10 5")
	days := hoa.Expect(t, "ngày công")
	hoa.Press(days, "Bỏ qua")
	hoa.Expect(t, "Giá trị làm lợi")
	hoa.Send("26.000.000")
	hoa.Expect(t, "Kinh phí hỗ trợ")
	hoa.Send("5tr")
	hoa.Expect(t, "Người hưởng lợi")
	hoa.Send("thiếu nhi 20 2tr")
	sum := hoa.Expect(t, "Kiểm tra trước khi ghi nhận")
	if got := sum.Buttons[0][0].Text; got != "✅ Ghi nhận" {
		t.Fatalf("first button %q", got)
	}
	hoa.Press(sum, "Ghi nhận")
	if got := edited(b, sum); !strings.Contains(got, "Đã ghi nhận hoạt động Ngày Chủ nhật xanh của Đoàn phường V: 65 lượt") {
		t.Errorf("the summary after the confirmation:\n%s", got)
	}

	hoa.Send("/activity 05/03/2026 | Hiến máu nhân đạo | đv 12 | hs 4 | ngày công 15,5")
	sum = hoa.Expect(t, "Hiến máu nhân đạo")
	hoa.Press(sum, "Ghi nhận")
	edited(b, sum)

	hoa.Send("/activities")
	list := hoa.Expect(t, "Hoạt động của Đoàn phường V: 2")
	for _, want := range []string{"1. Ngày Chủ nhật xanh — 09/03/2026 · 65 lượt", "2. Hiến máu nhân đạo — 05/03/2026 · 16 lượt"} {
		if !strings.Contains(list.Text, want) {
			t.Errorf("list lacks %q:\n%s", want, list.Text)
		}
	}
	var f *youthbot.Figures
	b.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures("HG", youthbot.YearPeriod(2026), b.Loc)
		return err
	})
	want := youthbot.HeadCounts{Members: 42, Youth: 20, Students: 14, Residents: 5}
	if f.Participations != 81 || f.ParticipationsBy != want || f.ActivitiesHeld != 2 || f.PersonDayTenths != 155 || f.ValueVND != 26_000_000 {
		t.Errorf("province figures of 2026: participations %d by %+v, held %d, person-days×10 %d, value %d",
			f.Participations, f.ParticipationsBy, f.ActivitiesHeld, f.PersonDayTenths, f.ValueVND)
	}
	b.Settle()
	hoa.NoMore(t)
}

// TestEndToEndAchievedBreakthroughModel runs /achieved, /breakthrough and
// /model through the Telegram double.
func TestEndToEndAchievedBreakthroughModel(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT")
	lan := b.Secretary("Lan", "PH")
	b.Update(func(tx *storage.Tx) error {
		_, err := tx.UpsertTarget(youthbot.Target{Unit: "VT", Year: 2026, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp 700 đoàn viên mới", Value: 700})
		return err
	})

	lan.Send("/achieved CT05 800")
	lan.Expect(t, "không thuộc đơn vị bạn phụ trách")
	hoa.Send("/achieved CT05 1.050")
	hoa.Expect(t, "đạt 1.050/700 (150%)")

	hoa.Send("/breakthrough Chuyển đổi số trong sinh hoạt chi đoàn")
	hoa.Expect(t, "Đã đăng ký nhiệm vụ đột phá năm 2026")
	hoa.Send("/breakthrough")
	list := hoa.Expect(t, "1 đăng ký, 0 hoàn thành")
	hoa.Press(list, "Hoàn thành")
	if got := edited(b, list); !strings.Contains(got, "1 đăng ký, 1 hoàn thành") {
		t.Errorf("the list after completing:\n%s", got)
	}

	hoa.Send("/model đội Đội hình măng non")
	hoa.Expect(t, "Đã ghi nhận mô hình Đội năm 2026 của Thành đoàn Vị Thanh")
	hoa.Send("/model")
	hoa.Expect(t, "0 mô hình Đoàn, 1 mô hình Đội")

	var f *youthbot.Figures
	b.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures("HG", youthbot.YearPeriod(2026), b.Loc)
		return err
	})
	if f.BreakthroughsRegistered != 1 || f.BreakthroughsCompleted != 1 || f.Models.Doi != 1 {
		t.Errorf("figures: breakthroughs %d/%d, models %+v", f.BreakthroughsCompleted, f.BreakthroughsRegistered, f.Models)
	}
	b.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures("VT", youthbot.YearPeriod(2026), b.Loc)
		return err
	})
	var found bool
	for _, p := range f.Targets {
		if p.Code == "CT05" {
			found = true
			if p.Achieved != 1050 || p.Percent != 150 {
				t.Errorf("VT's CT05 progress %+v", p)
			}
		}
	}
	if !found {
		t.Errorf("VT's targets lack CT05: %+v", f.Targets)
	}
	b.Settle()
	hoa.NoMore(t)
	lan.NoMore(t)
}

// TestEndToEndEmptyListsHaveNoKeyboard: the lists with nothing in them
// say so and how to begin, without buttons.
func TestEndToEndEmptyListsHaveNoKeyboard(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5")
	for cmd, want := range map[string]string{"/activities": "chưa ghi nhận hoạt động nào", "/breakthrough": "chưa đăng ký nhiệm vụ đột phá", "/model": "chưa có mô hình"} {
		hoa.Send(cmd)
		if m := hoa.Expect(t, want); len(m.Buttons) != 0 {
			t.Errorf("%s: buttons %+v", cmd, m.Buttons)
		}
	}
	b.Settle()
	hoa.NoMore(t)
}
