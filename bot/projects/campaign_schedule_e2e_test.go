package projects_test

import (
	"strings"
	"testing"

	"youthbot/bot/bottest"
	"youthbot/storage"
)

// End-to-end tests of the /newcampaign schedule picker.

func TestNewCampaignSchedulePicker(t *testing.T) {
	for _, tt := range []struct {
		name  string
		start string // the picker's steps: "press:X" or "type:X"
		steps []string
		said  string
		cron  string
	}{
		{"weekly", "01/03/2026 | 31/03/2026", []string{"press:Hằng tuần", "press:T2", "press:T4", "press:CN", "press:CN", "press:Xong", "press:8:00"},
			"Thứ Hai và Thứ Tư hằng tuần, 8:00", "0 8 * * 1,3"},
		{"daily", "01/03/2026 | 31/03/2026", []string{"press:Hằng ngày", "press:7:30"}, "Hằng ngày, 7:30", "30 7 * * *"},
		{"monthly pressed", "01/03/2026 | 31/05/2026", []string{"press:Hằng tháng", "press:15", "type:19:45"},
			"Ngày 15 hằng tháng, 19:45", "45 19 15 * *"},
		{"monthly typed", "01/03/2026 | 31/05/2026", []string{"press:Hằng tháng", "type:30", "type:7h"},
			"Ngày 30 hằng tháng, 7:00", "0 7 30 * *"},
		{"cron typed", "01/03/2026 | 31/03/2026", []string{"press:Gõ lịch cron", "type:0 19 * * 5"},
			"Thứ Sáu hằng tuần, 19:00", "0 19 * * 5"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := bottest.Start(t, bottest.Options{}) // Tuesday 10/03/2026 09:00
			sec := b.Secretary("Hoa", "VT")
			sec.Send("/newcampaign Tháng Thanh niên | " + tt.start + " | Đăng ký công trình nhé!")
			m := sec.Expect(t, "theo lịch nào")
			for _, step := range tt.steps {
				op, v, _ := strings.Cut(step, ":")
				if op == "press" {
					if text, alert := sec.Press(m, v).Answer(t); alert {
						t.Fatalf("press %q: alert %q", v, text)
					}
					b.Settle()
				} else {
					sec.Send(v)
					m = sec.Next(t)
				}
			}
			text := m.Snapshot().Text
			if !strings.Contains(text, tt.said) || !strings.Contains(text, "giờ Việt Nam") {
				t.Errorf("preview %q lacks %q and giờ Việt Nam", text, tt.said)
			}
			noRawSchedule(t, "preview", text)
			if n := len(pjCampaigns(t, b)); n != 0 {
				t.Fatalf("%d campaigns stored before confirmation", n)
			}
			sec.Press(m, "Xác nhận").Answer(t)
			b.Settle()
			list := pjCampaigns(t, b)
			if len(list) != 1 || list[0].Cron != tt.cron || list[0].Unit != "VT" || list[0].Reminder != "Đăng ký công trình nhé!" {
				t.Fatalf("stored %+v, want cron %q", list, tt.cron)
			}
			if text := m.Snapshot().Text; !strings.Contains(text, "Đã tạo chiến dịch C1") || !strings.Contains(text, tt.said) {
				t.Errorf("after confirming: %q", text)
			}
		})
	}
}

func TestNewCampaignPickerChecksEveryPress(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", "VT")
	sec.Send("/newcampaign HG | Mùa hè xanh | 01/06/2026 | 31/08/2026 | Tham gia nhé")
	sec.Expect(t, "không thuộc quyền quản lý")
	sec.Send("/newcampaign VT | Mùa hè xanh | 01/06/2026 | 31/08/2026 | Tham gia nhé")
	m := sec.Expect(t, "theo lịch nào")
	kind := m.Buttons[0][1].Data // Hằng tuần
	sec.Press(m, "Hằng tuần").Answer(t)
	b.Settle()
	// Xong with no weekday: an alert, the step stays.
	if text, alert := sec.Press(m, "Xong").Answer(t); !alert || !strings.Contains(text, "ít nhất một thứ") {
		t.Errorf("Xong with no day: %q alert=%v", text, alert)
	}
	// A button of an earlier step (a stale keyboard): refused.
	if text, alert := sec.PressData(m, kind).Answer(t); !alert || !strings.Contains(text, "đã cũ") {
		t.Errorf("stale kind button: %q alert=%v", text, alert)
	}
	// Forged values: refused.
	n := strings.Split(kind, ":")[2]
	for _, forged := range []string{"kc:w:" + n + ":7", "kc:w:" + n + ":01", "kc:m:" + n + ":3", "kc:t:" + n + ":0800", "kc:ok:" + n + ":VT", "kc:w:zzzzzz:1"} {
		if text, alert := sec.PressData(m, forged).Answer(t); !alert || !strings.Contains(text, "đã cũ") {
			t.Errorf("forged %q: %q alert=%v", forged, text, alert)
		}
	}
	// Another user pressing the same data has no such dialog.
	other := b.Secretary("Mai", "VT")
	if text, alert := other.PressData(m, "kc:w:"+n+":1").Answer(t); !alert || !strings.Contains(text, "đã cũ") {
		t.Errorf("another user's press: %q alert=%v", text, alert)
	}
	// A day that never comes within the campaign: said as picked.
	sec.Send("/newcampaign VT | Tháng hai | 01/02/2027 | 28/02/2027 | Nhớ nhé")
	feb := sec.Expect(t, "theo lịch nào")
	sec.Press(feb, "Hằng tháng").Answer(t)
	b.Settle()
	sec.Send("30")
	sec.Expect(t, "mấy giờ")
	sec.Send("8:00")
	if got := sec.Next(t); !strings.Contains(got.Text, "Ngày 30 hằng tháng, 8:00") || strings.Contains(got.Text, "*") {
		t.Errorf("never-firing pick: %q", got.Text)
	}
	sec.Send("/newcampaign VT | Mùa hè xanh | 01/06/2026 | 31/08/2026 | Tham gia nhé")
	m = sec.Expect(t, "theo lịch nào")
	sec.Press(m, "Hằng tuần").Answer(t)
	sec.Press(m, "T6").Answer(t)
	sec.Press(m, "Xong").Answer(t)
	b.Settle()
	sec.Send("25:00")
	sec.Expect(t, "không phải giờ hợp lệ")
	// The secretary loses the role mid-dialog: the next press is refused.
	b.Update(func(tx *storage.Tx) error { return tx.RemoveSecretary(sec.ID, "VT") })
	if text, alert := sec.Press(m, "8:00").Answer(t); !alert || text == "" {
		t.Errorf("press after losing the role: %q alert=%v", text, alert)
	}
	sec.Send("8:00")
	if got := sec.Next(t); !strings.HasPrefix(got.Text, "⚠️") {
		t.Errorf("typed time after losing the role: %q", got.Text)
	}
	if n := len(pjCampaigns(t, b)); n != 0 {
		t.Errorf("%d campaigns stored", n)
	}
	b.Settle()
}
