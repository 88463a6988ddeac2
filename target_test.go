package youthbot

import "testing"

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
