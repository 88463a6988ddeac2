package youthbot

import (
	"reflect"
	"testing"
)

func TestSetBenefitKeepsOnePerGroupInOrder(t *testing.T) {
	var c Contribution
	c.SetBenefit(Benefit{Group: BenefitOthers, People: 1})
	c.SetBenefit(Benefit{Group: BenefitChildren, People: 5, ValueVND: 100})
	c.SetBenefit(Benefit{Group: BenefitOthers, People: 2})
	c.SetBenefit(Benefit{Group: "pets", People: 9})
	want := []Benefit{{Group: BenefitChildren, People: 5, ValueVND: 100}, {Group: BenefitOthers, People: 2}}
	if !reflect.DeepEqual(c.Beneficiaries, want) {
		t.Errorf("got %+v, want %+v", c.Beneficiaries, want)
	}
	if b := c.Benefit(BenefitElderly); b.People != 0 || b.Group != BenefitElderly {
		t.Errorf("absent group: %+v", b)
	}
	c.SetBenefit(Benefit{Group: BenefitChildren})
	c.SetBenefit(Benefit{Group: BenefitOthers})
	if c.Beneficiaries != nil {
		t.Errorf("all removed: %+v", c.Beneficiaries)
	}
}

func TestContributionValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Contribution
		code string
	}{
		{"Zero", Contribution{}, ""},
		{"AtTheLimit", Contribution{Heads: HeadCounts{Members: 50_000, Residents: 50_000}}, ""},
		{"OverTheLimit", Contribution{Heads: HeadCounts{Members: 50_000, Residents: 50_001}}, EINVALID},
		{"Negative", Contribution{Heads: HeadCounts{Students: -1}}, EINVALID},
		{"NegativeSupport", Contribution{SupportVND: -1}, EINVALID},
		{"PersonDays", Contribution{PersonDayTenths: 10*MaxPersonDays + 1}, EINVALID},
		{"TwiceAGroup", Contribution{Beneficiaries: []Benefit{{Group: BenefitChildren, People: 1}, {Group: BenefitChildren, People: 2}}}, EINVALID},
		{"TooManyPeople", Contribution{Beneficiaries: []Benefit{{Group: BenefitElderly, People: MaxPeople + 1}}}, EINVALID},
	}
	for _, tt := range tests {
		if got := ErrorCode(tt.c.Validate()); got != tt.code && !(tt.code == "" && tt.c.Validate() == nil) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.code)
		}
	}
}

func TestFiguresTargetsSummary(t *testing.T) {
	f := Figures{}
	if lo, hi := f.TargetsPercentRange(); lo != 0 || hi != 0 {
		t.Errorf("no targets: %v..%v", lo, hi)
	}
	f.Targets = []TargetProgress{
		Progress(Target{Metric: MetricWorks, Value: 300}, 392),
		PerUnitProgress(Target{Kind: TargetPerUnit, Metric: MetricTasks, UnitKind: KindBranch, Value: 1}, 350, 350),
		Progress(Target{Kind: TargetManual, Value: 4500, Achieved: 9000}, 9000),
		PerUnitProgress(Target{Kind: TargetPerUnit, Metric: MetricTasks, UnitKind: KindBranch, Value: 1}, 0, 0),
	}
	if lo, hi := f.TargetsPercentRange(); lo != 0 || hi != 200 || f.TargetsMet() != 3 || f.TargetsTotal() != 4 {
		t.Errorf("range %v..%v, met %d of %d", lo, hi, f.TargetsMet(), f.TargetsTotal())
	}
	if p := f.Targets[0]; p.Percent != 130.7 || p.Kind != TargetMetric || p.Value != 300 {
		t.Errorf("metric progress: %+v", p)
	}
	if p := f.Targets[1]; p.Target != 350 || p.Value != 1 || p.Percent != 100 {
		t.Errorf("per_unit progress: %+v", p)
	}
}

func TestFiguresMetricOfF7(t *testing.T) {
	f := Figures{ActivitiesHeld: 7, PersonDayTenths: 25, SupportVND: 9, Beneficiaries: []Benefit{{Group: BenefitChildren, People: 4}, {Group: BenefitOthers, People: 1}}}
	for m, want := range map[Metric]float64{MetricActivities: 7, MetricPersonDays: 2.5, MetricSupportVND: 9, MetricBeneficiaries: 5,
		BeneficiariesOf(BenefitChildren): 4, BeneficiariesOf(BenefitElderly): 0} {
		if got := f.Metric(m); got != want {
			t.Errorf("Metric(%s) = %v, want %v", m, got, want)
		}
	}
	var l LevelCounts
	l.Add(KindGrassroots, 2)
	l.Add("moon", 5)
	if l.Get(KindGrassroots) != 2 || l != (LevelCounts{Grassroots: 2}) {
		t.Errorf("levels %+v", l)
	}
}
