package youthbot

import (
	"strings"
	"testing"
)

func TestMatchMetric(t *testing.T) {
	tests := []struct {
		in   string
		want Metric
		n    int
	}{
		{"lượt 5000", MetricParticipations, 1},
		{"lượt đoàn viên tham gia 5000", MetricParticipations, 5},
		{"giờ 1000", MetricHours, 1},
		{"giờ tình nguyện 1000", MetricHours, 3},
		{"công trình 10", MetricWorks, 2},
		{"Công Trình Thanh Niên 10", MetricWorks, 4},
		{"cong trinh 10", MetricWorks, 2},
		{"phần việc 20", MetricTasks, 2},
		{"pv 20", MetricTasks, 1},
		{"giá trị làm lợi 50 triệu", MetricValueVND, 4},
		{"gia tri lam loi 50tr", MetricValueVND, 4},
		{"giá trị 5tr", MetricValueVND, 2},
		{"đoàn viên mới 30", MetricNewMembers, 3},
		{"kết nạp đoàn viên mới 30", MetricNewMembers, 5},
		{"kết nạp 30", MetricNewMembers, 2},
		{"participations 5", MetricParticipations, 1},
		{"VALUE_VND 5tr", MetricValueVND, 1},
		{"new_members 5", MetricNewMembers, 1},
		{"new members 5", MetricNewMembers, 2},
		{"value 5tr", MetricValueVND, 1},
		{"nụ cười 5", "", 0},
		{"5000 lượt", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		if m, n := MatchMetric(strings.Fields(tt.in)); m != tt.want || n != tt.n {
			t.Errorf("MatchMetric(%q) = %q, %d; want %q, %d", tt.in, m, n, tt.want, tt.n)
		}
	}
	for s, want := range map[string]Metric{"giá trị làm lợi": MetricValueVND, " hours ": MetricHours, "Đoàn viên mới": MetricNewMembers} {
		if m, ok := ParseMetric(s); !ok || m != want {
			t.Errorf("ParseMetric(%q) = %q, %v; want %q", s, m, ok, want)
		}
	}
	for _, s := range []string{"", "giá trị làm lợi 5", "smiles"} {
		if m, ok := ParseMetric(s); ok {
			t.Errorf("ParseMetric(%q) = %q, want none", s, m)
		}
	}
	for _, m := range Metrics {
		if got, ok := ParseMetric(string(m)); !ok || got != m {
			t.Errorf("the code name %q reads as %q, %v", m, got, ok)
		}
	}
}
