package activities_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// plan stores targets of 2026: a manual CT05 of VT, a metric CT01 of VT,
// a manual CT05 of PH too.
func plan(t *testing.T, h *harness.H) {
	t.Helper()
	if err := h.DB.Update(func(tx *storage.Tx) error {
		for _, tg := range []youthbot.Target{
			{Unit: "VT", Year: 2026, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp 700 đoàn viên mới", Value: 700},
			{Unit: "VT", Year: 2026, Code: "CT01", Kind: youthbot.TargetMetric, Metric: youthbot.MetricParticipations, Text: "3.000 lượt", Value: 3000},
			{Unit: "PH", Year: 2026, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp 500 đoàn viên mới", Value: 500},
			{Unit: "VT", Year: 2025, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp 600 đoàn viên mới", Value: 600},
		} {
			if _, err := tx.UpsertTarget(tg); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func achieved(t *testing.T, h *harness.H, unit, code string, year int) int64 {
	t.Helper()
	var tg youthbot.Target
	h.DB.View(func(tx *storage.Tx) (err error) { tg, _, err = tx.Target(unit, year, code); return err })
	return tg.Achieved
}

func TestAchieved(t *testing.T) {
	h := newHarness(t)
	plan(t, h)
	vt := harness.User(10, "vi")
	h.MakeSecretary(vt.ID, "VT")
	branch := harness.User(11, "vi")
	h.MakeSecretary(branch.ID, "VT-P5-KV1")
	admin := harness.User(harness.AdminID, "vi")

	contains(t, say(h, vt, "/achieved CT05 750"), "Chỉ tiêu CT05 năm 2026 của Thành đoàn Vị Thanh: đạt 750/700 (107,1%)", "Kết nạp 700")
	if got := achieved(t, h, "VT", "CT05", 2026); got != 750 {
		t.Errorf("achieved %d", got)
	}
	contains(t, say(h, vt, "/achieved ct05 1.200 2025"), "năm 2025", "đạt 1.200/600 (200%)")

	before := h.Snapshot()
	for _, tt := range []struct {
		from *harness.H
		who  string
		line string
		want string
	}{
		{h, "vt", "/achieved CT01 5000", "tính tự động"},
		{h, "vt", "/achieved CT09 5", "Không có chỉ tiêu CT09 năm 2026"},
		{h, "vt", "/achieved CT05 -3", "không phải giá trị hợp lệ"},
		{h, "vt", "/achieved CT05 nhiều", "không phải giá trị hợp lệ"},
		{h, "vt", "/achieved CT05", "Cách dùng"},
		{h, "vt", "/achieved PH CT05 9", "không thuộc đơn vị bạn phụ trách"},
		{h, "branch", "/achieved CT05 9", "không thuộc đơn vị bạn phụ trách"},
		{h, "admin", "/achieved CT05 9", "có ở nhiều đơn vị"},
	} {
		from := map[string]int64{"vt": vt.ID, "branch": branch.ID, "admin": admin.ID}[tt.who]
		msgs := send(h, harness.User(from, "vi"), tt.line)
		if got := texts(msgs, from); !harness.Refused(msgs, from) || !strings.Contains(got, tt.want) {
			t.Errorf("%s %s: got %q, want a refusal with %q", tt.who, tt.line, got, tt.want)
		}
	}
	if h.Snapshot() != before {
		t.Error("a refused /achieved changed the database")
	}
	contains(t, say(h, admin, "/achieved PH CT05 450"), "Huyện đoàn Phụng Hiệp", "đạt 450/500 (90%)")
}

func TestBreakthrough(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	contains(t, say(h, sec, "/breakthrough"), "chưa đăng ký nhiệm vụ đột phá nào năm 2026")
	contains(t, say(h, sec, "/breakthrough Chuyển đổi số trong sinh hoạt chi đoàn"), "Đã đăng ký nhiệm vụ đột phá năm 2026 của Đoàn phường V", "Chuyển đổi số")
	if got := say(h, sec, "/breakthrough chuyển đổi số trong sinh hoạt chi đoàn"); !strings.Contains(got, "đã đăng ký nhiệm vụ này") {
		t.Errorf("a duplicate: %q", got)
	}
	say(h, sec, "/breakthrough Thanh niên khởi nghiệp")
	list := send(h, sec, "/breakthrough")
	contains(t, texts(list, sec.ID), "2 đăng ký, 0 hoàn thành", "⏳ Chuyển đổi số", "⏳ Thanh niên khởi nghiệp")
	done := tap(h, sec, list, harness.Buttons(list)[0])
	contains(t, texts(done, sec.ID), "2 đăng ký, 1 hoàn thành", "✅ Chuyển đổi số trong sinh hoạt chi đoàn (hoàn thành 10/03/2026)")
	if got := strings.Join(h.Press(sec, harness.Buttons(list)[0]), ""); !strings.Contains(got, "hoàn thành rồi") {
		t.Errorf("completing twice: %q", got)
	}
	var f *youthbot.Figures
	h.DB.View(func(tx *storage.Tx) (err error) {
		f, err = tx.Figures("VT", youthbot.YearPeriod(2026), h.Bot.Location())
		return err
	})
	if f.BreakthroughsRegistered != 2 || f.BreakthroughsCompleted != 1 {
		t.Errorf("figures: %d registered, %d completed", f.BreakthroughsRegistered, f.BreakthroughsCompleted)
	}
}

func TestModel(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	h.MakeSecretary(sec.ID, "PH-TB")
	pick := send(h, sec, "/model đội Đội hình măng non")
	contains(t, texts(pick, sec.ID), "Mô hình của đơn vị nào?")
	contains(t, texts(tap(h, sec, pick, "hu:m:VT-P5:"), sec.ID), "Đã ghi nhận mô hình Đội năm 2026 của Đoàn phường V", "Đội hình măng non")
	pick = send(h, sec, "/model Câu lạc bộ lý luận trẻ")
	tap(h, sec, pick, "hu:m:VT-P5:")
	pick = send(h, sec, "/model Câu lạc bộ lý luận trẻ")
	if got := texts(tap(h, sec, pick, "hu:m:VT-P5:"), sec.ID); !strings.Contains(got, "đã có mô hình này") {
		t.Errorf("a duplicate: %q", got)
	}
	pick = send(h, sec, "/model")
	contains(t, texts(tap(h, sec, pick, "hu:M:VT-P5:"), sec.ID), "1 mô hình Đoàn, 1 mô hình Đội", "• Câu lạc bộ lý luận trẻ (Đoàn)", "• Đội hình măng non (Đội)")
	t.Run("APickOfAUnitOfNoRightsChangesNothing", func(t *testing.T) {
		pick := send(h, sec, "/model Mô hình lạ")
		b := harness.Buttons(pick)[0]
		forged := "hu:m:VT-CDCD:" + b[strings.LastIndexByte(b, ':')+1:]
		before := h.Snapshot()
		if got := strings.Join(h.Press(sec, forged), ""); !strings.Contains(got, "không thuộc quyền") {
			t.Errorf("got %q", got)
		}
		if h.Snapshot() != before {
			t.Error("changed the database")
		}
	})
}

// A unit renamed with a new code is listed by it and understood by it.
func TestAchievedOfARenamedUnit(t *testing.T) {
	h := newHarness(t)
	plan(t, h)
	if err := h.DB.Update(func(tx *storage.Tx) error {
		today := youthbot.DateOf(h.Now, h.Bot.Location())
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Date: today, Kind: youthbot.ChangeRename, Unit: "PH", Target: "PHH"}}, today, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	admin := harness.User(harness.AdminID, "vi")
	msgs := send(h, admin, "/achieved CT05 9")
	if got := texts(msgs, admin.ID); !strings.Contains(got, "PHH (Huyện đoàn Phụng Hiệp)") {
		t.Errorf("several units: got %q, want the new code PHH", got)
	}
	contains(t, say(h, admin, "/achieved PHH CT05 450"), "Huyện đoàn Phụng Hiệp", "đạt 450/500 (90%)")
}
