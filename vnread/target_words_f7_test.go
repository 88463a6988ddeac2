package vnread

import (
	"strings"
	"testing"

	"youthbot"
)

// TestMatchF7Metric: the words of union plans for F7's metrics, in
// Vietnamese (with or without marks) and the code names.
func TestMatchF7Metric(t *testing.T) {
	tests := []struct {
		in   string
		want youthbot.Metric
		n    int
	}{
		{"hoạt động 100", youthbot.MetricActivities, 2},
		{"số hoạt động 100", youthbot.MetricActivities, 3},
		{"ngày công 500", youthbot.MetricPersonDays, 2},
		{"kinh phí hỗ trợ 2,5 tỷ", youthbot.MetricSupportVND, 4},
		{"kinh phi 2ty", youthbot.MetricSupportVND, 2},
		{"thiếu nhi 60000", youthbot.BeneficiariesOf(youthbot.BenefitChildren), 2},
		{"thiếu nhi có hoàn cảnh khó khăn 60000", youthbot.BeneficiariesOf(youthbot.BenefitChildren), 7},
		{"hộ nghèo 20", youthbot.BeneficiariesOf(youthbot.BenefitHouseholds), 2},
		{"người cao tuổi 20", youthbot.BeneficiariesOf(youthbot.BenefitElderly), 3},
		{"người hưởng lợi 1000", youthbot.MetricBeneficiaries, 3},
		{"beneficiaries:children 5", youthbot.BeneficiariesOf(youthbot.BenefitChildren), 1},
		{"beneficiaries:others 5", youthbot.BeneficiariesOf(youthbot.BenefitOthers), 1},
		{"person_days 5", youthbot.MetricPersonDays, 1},
		{"hoạt", "", 0},
	}
	for _, tt := range tests {
		if m, n := MatchMetric(strings.Fields(tt.in)); m != tt.want || n != tt.n {
			t.Errorf("MatchMetric(%q) = %q, %d; want %q, %d", tt.in, m, n, tt.want, tt.n)
		}
	}
	for _, m := range youthbot.AllMetrics {
		if got, n := MatchMetric([]string{string(m)}); n != 1 || got != m {
			t.Errorf("the code name %q reads as %q, %d words", m, got, n)
		}
		if !m.Valid() {
			t.Errorf("%q not valid", m)
		}
	}
	for _, m := range []youthbot.Metric{"beneficiaries:pets", "beneficiaries:", "activity"} {
		if m.Valid() {
			t.Errorf("%q valid", m)
		}
	}
	if v, err := ParseTargetValue(youthbot.MetricSupportVND, "2,5 tỷ"); err != nil || v != 2_500_000_000 {
		t.Errorf("support target 2,5 tỷ: %d, %v", v, err)
	}
}
