package youthbot

import (
	"strings"
	"testing"
)

// TestMatchF7Metric: the words of union plans for F7's metrics, in
// Vietnamese (with or without marks) and the code names.
func TestMatchF7Metric(t *testing.T) {
	tests := []struct {
		in   string
		want Metric
		n    int
	}{
		{"hoạt động 100", MetricActivities, 2},
		{"số hoạt động 100", MetricActivities, 3},
		{"ngày công 500", MetricPersonDays, 2},
		{"kinh phí hỗ trợ 2,5 tỷ", MetricSupportVND, 4},
		{"kinh phi 2ty", MetricSupportVND, 2},
		{"thiếu nhi 60000", BeneficiariesOf(BenefitChildren), 2},
		{"thiếu nhi có hoàn cảnh khó khăn 60000", BeneficiariesOf(BenefitChildren), 7},
		{"hộ nghèo 20", BeneficiariesOf(BenefitHouseholds), 2},
		{"người cao tuổi 20", BeneficiariesOf(BenefitElderly), 3},
		{"người hưởng lợi 1000", MetricBeneficiaries, 3},
		{"beneficiaries:children 5", BeneficiariesOf(BenefitChildren), 1},
		{"beneficiaries:others 5", BeneficiariesOf(BenefitOthers), 1},
		{"person_days 5", MetricPersonDays, 1},
		{"hoạt", "", 0},
	}
	for _, tt := range tests {
		if m, n := MatchMetric(strings.Fields(tt.in)); m != tt.want || n != tt.n {
			t.Errorf("MatchMetric(%q) = %q, %d; want %q, %d", tt.in, m, n, tt.want, tt.n)
		}
	}
	for _, m := range AllMetrics {
		if got, ok := ParseMetric(string(m)); !ok || got != m {
			t.Errorf("the code name %q reads as %q, %v", m, got, ok)
		}
		if !m.Valid() {
			t.Errorf("%q not valid", m)
		}
	}
	for _, m := range []Metric{"beneficiaries:pets", "beneficiaries:", "activity"} {
		if m.Valid() {
			t.Errorf("%q valid", m)
		}
	}
	if v, err := ParseTargetValue(MetricSupportVND, "2,5 tỷ"); err != nil || v != 2_500_000_000 {
		t.Errorf("support target 2,5 tỷ: %d, %v", v, err)
	}
}

// TestTargetValidateFields: each kind's required fields.
func TestTargetValidateFields(t *testing.T) {
	tests := []struct {
		name string
		tg   Target
		ok   bool
	}{
		{"Metric", Target{Metric: MetricWorks, Value: 300}, true},
		{"MetricWithoutMetric", Target{Kind: TargetMetric, Value: 300}, false},
		{"PerUnit", Target{Kind: TargetPerUnit, Metric: MetricTasks, UnitKind: KindBranch, Value: 1}, true},
		{"PerUnitWithoutKind", Target{Kind: TargetPerUnit, Metric: MetricTasks, Value: 1}, false},
		{"ManualWithoutMetric", Target{Kind: TargetManual, Value: 4500, Achieved: 5000}, true},
		{"ManualNegative", Target{Kind: TargetManual, Value: 4500, Achieved: -1}, false},
		{"UnknownKind", Target{Kind: "sometimes", Metric: MetricWorks, Value: 1}, false},
		{"ZeroValue", Target{Metric: MetricWorks}, false},
		{"Beneficiaries", Target{Metric: BeneficiariesOf(BenefitChildren), Value: 60000}, true},
		{"SupportVND", Target{Metric: MetricSupportVND, Value: 2_500_000_000}, true},
	}
	for _, tt := range tests {
		if err := tt.tg.ValidateFields(); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}
