package vnread

import (
	"strings"
	"testing"

	"youthbot"
)

func TestMatchMetric(t *testing.T) {
	tests := []struct {
		in   string
		want youthbot.Metric
		n    int
	}{
		{"lượt 5000", youthbot.MetricParticipations, 1},
		{"lượt đoàn viên tham gia 5000", youthbot.MetricParticipations, 5},
		{"giờ 1000", youthbot.MetricHours, 1},
		{"giờ tình nguyện 1000", youthbot.MetricHours, 3},
		{"công trình 10", youthbot.MetricWorks, 2},
		{"Công Trình Thanh Niên 10", youthbot.MetricWorks, 4},
		{"cong trinh 10", youthbot.MetricWorks, 2},
		{"phần việc 20", youthbot.MetricTasks, 2},
		{"pv 20", youthbot.MetricTasks, 1},
		{"giá trị làm lợi 50 triệu", youthbot.MetricValueVND, 4},
		{"gia tri lam loi 50tr", youthbot.MetricValueVND, 4},
		{"giá trị 5tr", youthbot.MetricValueVND, 2},
		{"đoàn viên mới 30", youthbot.MetricNewMembers, 3},
		{"kết nạp đoàn viên mới 30", youthbot.MetricNewMembers, 5},
		{"kết nạp 30", youthbot.MetricNewMembers, 2},
		{"participations 5", youthbot.MetricParticipations, 1},
		{"VALUE_VND 5tr", youthbot.MetricValueVND, 1},
		{"new_members 5", youthbot.MetricNewMembers, 1},
		{"new members 5", youthbot.MetricNewMembers, 2},
		{"value 5tr", youthbot.MetricValueVND, 1},
		{"nụ cười 5", "", 0},
		{"5000 lượt", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		if m, n := MatchMetric(strings.Fields(tt.in)); m != tt.want || n != tt.n {
			t.Errorf("MatchMetric(%q) = %q, %d; want %q, %d", tt.in, m, n, tt.want, tt.n)
		}
	}
	for _, m := range youthbot.Metrics {
		if got, n := MatchMetric([]string{string(m)}); n != 1 || got != m {
			t.Errorf("the code name %q reads as %q, %d words", m, got, n)
		}
	}
}
