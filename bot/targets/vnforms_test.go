package targets_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestTargetInVietnameseWords: /target takes the metric's Vietnamese
// words, with or without diacritics, and the code names; /target and
// /targets show the metric in the reader's language, never a code name.
func TestTargetInVietnameseWords(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(810, "VT-CDCD")
	vi, en := harness.User(810, "vi"), harness.User(810, "en")
	tests := []struct {
		name, line string
		metric     youthbot.Metric
		value      int64
		shown      string
	}{
		{"Value", "/target 2026 giá trị làm lợi 50 triệu", youthbot.MetricValueVND, 50_000_000, "Giá trị làm lợi <b>50.000.000 đồng</b>"},
		{"Participations", "/target 2026 lượt 5000", youthbot.MetricParticipations, 5000, "Lượt đoàn viên tham gia tình nguyện <b>5.000</b>"},
		{"WorksWithoutDiacritics", "/target 2026 cong trinh 10", youthbot.MetricWorks, 10, "Công trình thanh niên <b>10</b>"},
		{"Tasks", "/target 2026 phần việc thanh niên 20", youthbot.MetricTasks, 20, "Phần việc thanh niên <b>20</b>"},
		{"Hours", "/target 2026 Giờ 1.000", youthbot.MetricHours, 1000, "Giờ tình nguyện <b>1.000</b>"},
		{"NewMembers", "/target 2026 đoàn viên mới 30 VT-CDCD", youthbot.MetricNewMembers, 30, "Kết nạp đoàn viên mới <b>30</b>"},
		{"CodeNameStillWorks", "/target 2026 value_vnd 60tr", youthbot.MetricValueVND, 60_000_000, "Giá trị làm lợi <b>60.000.000 đồng</b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := h.Say(vi, tt.line)
			if !has(got, tt.shown) || has(got, string(tt.metric)) {
				t.Errorf("%s: reply %q, want %q and no %q", tt.line, got, tt.shown, tt.metric)
			}
			var stored int64
			h.DB.View(func(tx *storage.Tx) error {
				for _, tg := range tx.Targets("VT-CDCD", 2026) {
					if tg.Metric == tt.metric {
						stored = tg.Value
					}
				}
				return nil
			})
			if stored != tt.value {
				t.Errorf("%s: stored %d for %s, want %d", tt.line, stored, tt.metric, tt.value)
			}
		})
	}
	t.Run("EnglishWords", func(t *testing.T) {
		if got := h.Say(en, "/target 2026 new members 40"); !has(got, "New members admitted <b>40</b>") {
			t.Errorf("reply %q", got)
		}
	})
	t.Run("TargetsShowsVietnameseNames", func(t *testing.T) {
		got := strings.Join(h.Say(vi, "/targets"), "\n")
		for _, want := range []string{"Giá trị làm lợi: 0 đồng / 60.000.000 đồng", "Kết nạp đoàn viên mới:", "Công trình thanh niên:"} {
			if !strings.Contains(got, want) {
				t.Errorf("/targets lacks %q:\n%s", want, got)
			}
		}
		for _, code := range []string{"value_vnd", "new_members", "participations"} {
			if strings.Contains(got, code) {
				t.Errorf("/targets shows the code name %q:\n%s", code, got)
			}
		}
	})
	t.Run("RefusalsNameTheVietnameseWords", func(t *testing.T) {
		for _, line := range []string{"/target 2026 nụ cười 5", "/target 2026", "/target 2026 giá trị làm lợi"} {
			got := strings.Join(h.Say(vi, line), "\n")
			if !strings.Contains(got, "giá trị làm lợi") || !strings.Contains(got, "đoàn viên mới") || strings.Contains(got, "value_vnd") {
				t.Errorf("%s: %q", line, got)
			}
		}
		got := strings.Join(h.Say(en, "/target 2026 smiles 5"), "\n")
		if !strings.Contains(got, "new members") || strings.Contains(got, "value_vnd") {
			t.Errorf("English refusal %q", got)
		}
	})
}

// has reports whether one of texts contains sub.
func has(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}
