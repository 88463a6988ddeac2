package activities_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// activitiesOf returns unit's stored activities, newest first.
func activitiesOf(h *harness.H, unit string) []youthbot.UnitActivity {
	h.T.Helper()
	var out []youthbot.UnitActivity
	if err := h.DB.View(func(tx *storage.Tx) (err error) {
		out, err = tx.UnitActivitiesSince(unit, youthbot.Date{Year: 2020, Month: 1, Day: 1})
		return err
	}); err != nil {
		h.T.Fatal(err)
	}
	return out
}

// record records an activity of the sender's one unit in one line and
// confirms it.
func record(h *harness.H, sec int64, line string) youthbot.UnitActivity {
	h.T.Helper()
	from := harness.User(sec, "vi")
	out := send(h, from, "/activity "+line)
	got := texts(tap(h, from, out, "ha:ok:"), sec)
	if !strings.Contains(got, "Đã ghi nhận") {
		h.T.Fatalf("recording %q: %s", line, got)
	}
	var unit string
	h.DB.View(func(tx *storage.Tx) error { unit = tx.SecretaryUnits(sec)[0]; return nil })
	return activitiesOf(h, unit)[0]
}

func TestActivityConfirmedIsRecorded(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	out := send(h, sec, "/activity hôm qua | Ngày Chủ nhật xanh | đoàn viên 30 | thanh niên 20 | học sinh 10 | người dân 5 | ngày công 50 | giá trị 26.000.000 | kinh phí 5tr | thiếu nhi 20 2tr")
	if len(activitiesOf(h, "VT-P5")) != 0 {
		t.Fatal("recorded before the confirmation")
	}
	done := texts(tap(h, sec, out, "ha:ok:"), sec.ID)
	contains(t, done, "Đã ghi nhận hoạt động <b>Ngày Chủ nhật xanh</b> của Đoàn phường V: 65 lượt")
	acts := activitiesOf(h, "VT-P5")
	if len(acts) != 1 {
		t.Fatalf("stored %d activities", len(acts))
	}
	a := acts[0]
	want := youthbot.HeadCounts{Members: 30, Youth: 20, Students: 10, Residents: 5}
	if a.Heads != want || a.PersonDayTenths != 500 || a.ValueVND != 26_000_000 || a.SupportVND != 5_000_000 ||
		a.Benefit(youthbot.BenefitChildren) != (youthbot.Benefit{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2_000_000}) ||
		a.Date != (youthbot.Date{Year: 2026, Month: 3, Day: 9}) || a.CreatedBy != sec.ID {
		t.Errorf("stored %+v", a)
	}
	t.Run("CountsInTheFiguresOfTheUnitAndAbove", func(t *testing.T) {
		for _, unit := range []string{"VT-P5", "VT", "HG"} {
			var f *youthbot.Figures
			h.DB.View(func(tx *storage.Tx) (err error) {
				f, err = tx.Figures(unit, youthbot.MonthPeriod(2026, 3), h.Bot.Location())
				return err
			})
			if f.Participations != 65 || f.ParticipationsBy != want || f.ActivitiesHeld != 1 || f.PersonDayTenths != 500 ||
				f.ValueVND != 26_000_000 || f.SupportVND != 5_000_000 || f.Benefit(youthbot.BenefitChildren).People != 20 {
				t.Errorf("%s: %+v", unit, f)
			}
		}
	})
	t.Run("TheConfirmationIsPressedOnce", func(t *testing.T) {
		again := h.Press(sec, harness.Buttons(out)[0])
		if len(activitiesOf(h, "VT-P5")) != 1 || !strings.Contains(strings.Join(again, ""), "đã cũ") {
			t.Errorf("second press: %q, %d activities", again, len(activitiesOf(h, "VT-P5")))
		}
	})
}

func TestActivitiesListEditAndDelete(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	first := record(h, sec.ID, "05/03 | Dọn kênh | đv 3")
	h.Now = h.Now.Add(time.Hour)
	second := record(h, sec.ID, "hôm nay | Hiến máu | đv 12 | nd 4")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		imp := youthbot.UnitActivity{OfficeCode: "HD-1", Unit: "VT-P5", Date: youthbot.Date{Year: 2026, Month: 3, Day: 1}, Title: "Từ sổ sách", CreatedAt: h.Now}
		imp.Heads.Youth = 7
		_, err := tx.UpsertUnitActivity(&imp, h.Now)
		return err
	}); err != nil {
		t.Fatal(err)
	}

	list := send(h, sec, "/activities")
	contains(t, texts(list, sec.ID), "Hoạt động của Đoàn phường V: 3", "1. <b>Hiến máu</b> — 10/03/2026 · 16 lượt", "2. <b>Dọn kênh</b>", "3. <b>Từ sổ sách</b>")
	btns := strings.Join(harness.Buttons(list), " ")
	for _, want := range []string{"he:" + id(second), "hd:" + id(second), "he:" + id(first)} {
		if !strings.Contains(btns, want) {
			t.Errorf("no button %s among %s", want, btns)
		}
	}
	var imported youthbot.UnitActivity
	for _, a := range activitiesOf(h, "VT-P5") {
		if a.OfficeCode != "" {
			imported = a
		}
	}
	if strings.Contains(btns, "he:"+id(imported)) {
		t.Error("an imported activity can be edited")
	}

	t.Run("EditOpensTheSummaryAndSaves", func(t *testing.T) {
		sum := tap(h, sec, list, "he:"+id(second))
		contains(t, texts(sum, sec.ID), "Sửa hoạt động", "Hiến máu", "Lượt tham gia: <b>16</b>")
		menu := tap(h, sec, sum, "ha:e:")
		tap(h, sec, menu, "ha:f:heads:")
		saved := send(h, sec, "20 0 0 4")
		contains(t, texts(saved, sec.ID), "Lượt tham gia: <b>24</b>")
		contains(t, texts(tap(h, sec, saved, "ha:ok:"), sec.ID), "Đã lưu thay đổi")
		if got := activitiesOf(h, "VT-P5"); len(got) != 3 || got[0].Heads.Members != 20 || got[0].ID != second.ID || got[0].UpdatedBy != sec.ID {
			t.Errorf("after the edit: %+v", got)
		}
	})
	t.Run("DeleteAsksThenDeletes", func(t *testing.T) {
		ask := tap(h, sec, list, "hd:"+id(first))
		contains(t, texts(ask, sec.ID), "Xoá hoạt động <b>Dọn kênh</b>")
		if b := harness.Buttons(ask); len(b) != 2 || b[0] != "hx:"+id(first)+":yes" {
			t.Fatalf("buttons %q", b)
		}
		contains(t, texts(tap(h, sec, ask, "hx:"+id(first)+":no"), sec.ID), "giữ lại")
		contains(t, texts(tap(h, sec, ask, "hx:"+id(first)+":yes"), sec.ID), "Đã xoá")
		if got := activitiesOf(h, "VT-P5"); len(got) != 2 {
			t.Errorf("%d activities left", len(got))
		}
		if got := strings.Join(h.Press(sec, "hx:"+id(first)+":yes"), ""); !strings.Contains(got, "không còn") {
			t.Errorf("deleting twice: %q", got)
		}
	})
	t.Run("After30DaysNoEditNorDelete", func(t *testing.T) {
		h.Now = h.Now.Add(31 * 24 * time.Hour)
		list := send(h, sec, "/activities")
		if b := harness.Buttons(list); len(b) != 0 {
			t.Errorf("buttons after 30 days: %q", b)
		}
		before := h.Snapshot()
		for _, data := range []string{"he:" + id(second), "hd:" + id(second), "hx:" + id(second) + ":yes", "he:" + id(imported)} {
			if got := strings.Join(h.Press(sec, data), ""); !strings.Contains(got, "trong vòng 30 ngày") {
				t.Errorf("%s: %q", data, got)
			}
		}
		if h.Snapshot() != before {
			t.Error("a refused button changed the database")
		}
	})
}

func id(a youthbot.UnitActivity) string { return strconv.FormatUint(a.ID, 10) }

func TestActivitiesPages(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	for i := 1; i <= 7; i++ {
		record(h, sec.ID, "hôm nay | Hoạt động "+strconv.Itoa(i)+" | đv "+strconv.Itoa(i))
	}
	list := send(h, sec, "/activities")
	contains(t, texts(list, sec.ID), "(trang 1/2)")
	next := tap(h, sec, list, "hl:VT-P5:1")
	contains(t, texts(next, sec.ID), "(trang 2/2)", "6. ", "7. ")
}
