package activities_test

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

func TestActivityGuidedAsksEachFieldThenSummarises(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")

	out := send(h, sec, "/activity")
	contains(t, texts(out, sec.ID), "Đoàn phường V", "ngày nào")
	out = tap(h, sec, out, "ha:d:2026-03-09")
	contains(t, texts(out, sec.ID), "Đã chọn: <b>09/03/2026</b>", "Tên hoạt động")
	contains(t, say(h, sec, "  Ngày Chủ nhật   xanh "), "Số lượt tham gia")

	t.Run("WrongHeadCountsAreExplainedAndAskedAgain", func(t *testing.T) {
		contains(t, say(h, sec, "-4"), "không thể âm", "Số lượt tham gia")
		contains(t, say(h, sec, "200000"), "không quá 100000", "Số lượt tham gia")
		contains(t, say(h, sec, "ba mươi"), "không phải số lượt", "Số lượt tham gia")
	})
	contains(t, say(h, sec, "30 20 10 5"), "ngày công")
	out = send(h, sec, "50")
	contains(t, texts(out, sec.ID), "Giá trị làm lợi")
	contains(t, say(h, sec, "26.000.000"), "Kinh phí hỗ trợ")
	out = send(h, sec, "5tr")
	contains(t, texts(out, sec.ID), "Người hưởng lợi")
	out = send(h, sec, "thiếu nhi 20 2tr; hộ nghèo 3")
	summary := texts(out, sec.ID)
	contains(t, summary, "Kiểm tra trước khi ghi nhận", "Đoàn phường V", "09/03/2026", "Ngày Chủ nhật xanh",
		"Lượt tham gia: <b>65</b> (đoàn viên 30 · thanh niên 20 · học sinh, sinh viên 10 · người dân 5)",
		"Ngày công: 50", "Giá trị làm lợi: 26.000.000 đồng", "Kinh phí hỗ trợ: 5.000.000 đồng",
		"thiếu nhi 20 em (2.000.000 đồng); hộ nghèo, gia đình chính sách 3 hộ")
	if b := harness.Buttons(out); len(b) < 3 || !strings.HasPrefix(b[0], "ha:ok:") {
		t.Fatalf("the summary's first button is not the confirmation: %q", b)
	}

	t.Run("EditAFieldReturnsToTheSummary", func(t *testing.T) {
		menu := tap(h, sec, out, "ha:e:")
		asked := tap(h, sec, menu, "ha:f:heads:")
		contains(t, texts(asked, sec.ID), "Số lượt tham gia")
		back := send(h, sec, "đoàn viên 40")
		contains(t, texts(back, sec.ID), "Lượt tham gia: <b>40</b> (đoàn viên 40)", "Ngày công: 50")
		out = back
	})
	t.Run("TextAtTheSummaryAsksForAButton", func(t *testing.T) {
		contains(t, say(h, sec, "ok"), "bấm một nút")
	})
	t.Run("CancelRecordsNothing", func(t *testing.T) {
		contains(t, texts(tap(h, sec, out, "ha:x:"), sec.ID), "Đã huỷ")
		if got := activitiesOf(h, "VT-P5"); len(got) != 0 {
			t.Errorf("cancel recorded %+v", got)
		}
		h.DB.View(func(tx *storage.Tx) error {
			if _, open, _ := tx.Dialog(sec.ID); open {
				t.Error("the dialog is still open")
			}
			return nil
		})
		if got := h.Press(sec, harness.Buttons(out)[0]); !strings.Contains(strings.Join(got, ""), "đã cũ") {
			t.Errorf("the summary's button after cancel: %q", got)
		}
	})
}

func TestActivityOneLineGoesToTheSummary(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	out := send(h, sec, "/activity hôm qua | Hiến máu | dv 1.500 | nd 12 | giá trị làm lợi 15,5 tỷ")
	contains(t, texts(out, sec.ID), "09/03/2026", "Hiến máu", "<b>1.512</b>", "15.500.000.000 đồng")

	t.Run("UserTextIsEscaped", func(t *testing.T) {
		got := say(h, sec, "/activity hôm nay | <b>Dọn</b> & kênh | đv 3")
		contains(t, got, "&lt;b&gt;Dọn&lt;/b&gt; &amp; kênh")
	})
	t.Run("BadLinesAreRefusedWithTheirReason", func(t *testing.T) {
		for line, want := range map[string]string{
			"/activity hôm nay | Dọn kênh | đoàn viên -5":      "không thể âm",
			"/activity hôm nay | Dọn kênh | đoàn viên 150.000": "không quá 100000",
			"/activity hôm nay | Dọn kênh":                     "Cách dùng",
			"/activity hôm nay | Dọn kênh | xe tải 3":          "Không hiểu «xe tải 3»",
			"/activity hôm nay | Dọn kênh | đv 3 | đơn vị PH":  "không thuộc quyền",
		} {
			got := say(h, sec, line)
			if !strings.HasPrefix(got, "⚠️") && !strings.HasPrefix(got, "⛔") || !strings.Contains(got, want) {
				t.Errorf("%s: got %q, want a refusal with %q", line, got, want)
			}
		}
	})
}

func TestActivityAsksTheUnitOfASecretaryOfSeveral(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	h.MakeSecretary(sec.ID, "PH-TB")
	out := send(h, sec, "/activity 05/03 | Dọn kênh | đv 3")
	contains(t, texts(out, sec.ID), "đơn vị nào")
	t.Run("AUnitOfNoRightsIsRefused", func(t *testing.T) {
		b := harness.Buttons(out)[0]
		forged := "ha:u:VT-CDCD:" + b[strings.LastIndexByte(b, ':')+1:]
		got := strings.Join(h.Press(sec, forged), "")
		if !strings.Contains(got, "không thuộc quyền") {
			t.Errorf("got %q", got)
		}
	})
	t.Run("AnUnknownCampaignIsRefusedAtOnce", func(t *testing.T) {
		contains(t, say(h, sec, "/activity 05/03 | Dọn kênh | đv 3 | chiến dịch C99"), "Không có chiến dịch C99")
	})
	out = tap(h, sec, out, "ha:u:PH-TB:")
	contains(t, texts(out, sec.ID), "Đoàn xã Tân Bình", "Kiểm tra trước khi ghi nhận")
}

// TestActivityUsageExampleIsValidWhenShown: the example of the usage line,
// sent back as shown, is accepted on the day it is shown.
func TestActivityUsageExampleIsValidWhenShown(t *testing.T) {
	example := regexp.MustCompile(`<code>(/activity [^<]*)</code>`)
	for _, lang := range []string{"vi", "en"} {
		for _, now := range []time.Time{time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC)} {
			t.Run(lang+now.Format("/2006-01-02"), func(t *testing.T) {
				h := newHarness(t)
				h.Now = now
				sec := harness.User(10, lang)
				h.MakeSecretary(sec.ID, "VT-P5")
				usage := say(h, sec, "/activity x")
				m := example.FindStringSubmatch(usage)
				if m == nil {
					t.Fatalf("no example in %q", usage)
				}
				if got := say(h, sec, html.UnescapeString(m[1])); got == "" || strings.Contains(got, "⚠️") {
					t.Errorf("example %q refused: %q", m[1], got)
				}
			})
		}
	}
}

func TestActivityNamesACampaignOfItsUnit(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "en")
	h.MakeSecretary(sec.ID, "VT-P5")
	var month, other youthbot.Campaign
	if err := h.DB.Update(func(tx *storage.Tx) error {
		month = youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 1},
			End: youthbot.Date{Year: 2026, Month: 3, Day: 31}, Cron: "0 8 * * 1", Reminder: "x", CreatedAt: h.Now}
		other = month
		other.Name, other.Unit = "Xuân tình nguyện", "PH"
		if err := tx.NewCampaign(&month); err != nil {
			return err
		}
		return tx.NewCampaign(&other)
	}); err != nil {
		t.Fatal(err)
	}
	send(h, sec, "/activity")
	for _, answer := range []string{"yesterday", "Canal clean-up", "members 12", "0", "0", "1,5tr"} {
		send(h, sec, answer)
	}
	out := send(h, sec, "children 3")
	ask := texts(out, sec.ID)
	contains(t, ask, "part of a campaign")
	if b := strings.Join(harness.Buttons(out), " "); strings.Contains(b, other.ID+":") || !strings.Contains(b, "ha:c:"+month.ID+":") {
		t.Errorf("campaign buttons %s: want %s only", b, month.ID)
	}
	sum := tap(h, sec, out, "ha:c:"+month.ID+":")
	contains(t, texts(sum, sec.ID), "Chosen: <b>Tháng Thanh niên</b>", "Check before recording", "Participations: <b>12</b> (members 12)",
		"Support: 1,500,000 VND", "3 children", "Campaign: Tháng Thanh niên")
	contains(t, texts(tap(h, sec, sum, "ha:ok:"), sec.ID), "Recorded activity <b>Canal clean-up</b>", "12 participations")
	if a := activitiesOf(h, "VT-P5"); len(a) != 1 || a[0].Campaign != month.ID || a[0].SupportVND != 1_500_000 {
		t.Errorf("stored %+v", a)
	}
	t.Run("ACampaignOfAnotherSubtreeIsRefused", func(t *testing.T) {
		got := say(h, sec, "/activity today | Canal | members 2 | campaign "+other.ID)
		contains(t, got, "is not for Đoàn phường V")
	})
}

func TestActivityLongInputIsQuotedShort(t *testing.T) {
	h := newHarness(t)
	sec := harness.User(10, "vi")
	h.MakeSecretary(sec.ID, "VT-P5")
	long := strings.Repeat("xe tải ", 2000)
	for _, line := range []string{"/activity hôm nay | Dọn kênh | " + long, "/activity hôm nay | " + long + " | đv 3", "/activity hôm nay | Dọn | đv " + long, "/activity hôm nay | Dọn | đv 3 | giá trị " + long} {
		got := say(h, sec, line)
		if !strings.HasPrefix(got, "⚠️") || len([]rune(got)) > 600 {
			t.Errorf("%d characters: %.200q", len([]rune(got)), got)
		}
	}
}
