package youthbot

import "strings"

// Metric names a figure a yearly target can be set on.
type Metric string

// Metrics of targets (chỉ tiêu).
const (
	MetricParticipations Metric = "participations"
	MetricHours          Metric = "hours"
	MetricWorks          Metric = "works"
	MetricTasks          Metric = "tasks"
	MetricValueVND       Metric = "value_vnd"
	MetricNewMembers     Metric = "new_members"
	MetricActivities     Metric = "activities"    // unit activities held (hd)
	MetricPersonDays     Metric = "person_days"   // ngày công
	MetricSupportVND     Metric = "support_vnd"   // kinh phí hỗ trợ
	MetricBeneficiaries  Metric = "beneficiaries" // people of every group; "beneficiaries:<group>" for one (BeneficiariesOf)
)

// Metrics lists the tally's original metrics in report order (the /target
// buttons and seed use these).
var Metrics = []Metric{MetricParticipations, MetricHours, MetricWorks, MetricTasks, MetricValueVND, MetricNewMembers}

// AllMetrics lists every metric a target can take, in report order: Metrics,
// then F7's, then beneficiaries of each group.
var AllMetrics = []Metric{MetricParticipations, MetricHours, MetricWorks, MetricTasks, MetricValueVND, MetricNewMembers,
	MetricActivities, MetricPersonDays, MetricSupportVND, MetricBeneficiaries,
	BeneficiariesOf(BenefitChildren), BeneficiariesOf(BenefitElderly), BeneficiariesOf(BenefitHouseholds), BeneficiariesOf(BenefitOthers)}

// BeneficiariesOf is the metric of one group's beneficiaries (people).
func BeneficiariesOf(g BenefitGroup) Metric {
	return Metric(string(MetricBeneficiaries) + ":" + string(g))
}

// Group returns the group of a beneficiaries:<group> metric.
func (m Metric) Group() (BenefitGroup, bool) {
	g, ok := strings.CutPrefix(string(m), string(MetricBeneficiaries)+":")
	return BenefitGroup(g), ok && BenefitGroup(g).Valid()
}

// Valid reports whether m is a known metric (AllMetrics).
func (m Metric) Valid() bool {
	for _, x := range AllMetrics {
		if m == x {
			return true
		}
	}
	return false
}

// IsVND reports whether m is an amount of đồng.
func (m Metric) IsVND() bool { return m == MetricValueVND || m == MetricSupportVND }

// TargetKind is how a target is measured.
type TargetKind string

// Kinds of targets.
const (
	// TargetMetric: a figure of the unit's subtree over the year ("thực
	// hiện 300 công trình").
	TargetMetric TargetKind = "metric"
	// TargetPerUnit: every unit of UnitKind in the subtree must reach Value
	// of Metric ("mỗi chi đoàn có ít nhất 01 phần việc"): the target is
	// the number of those units, achieved those that reached it.
	TargetPerUnit TargetKind = "per_unit"
	// TargetManual: a statement the bot cannot measure ("kết nạp 4.500 đoàn
	// viên mới"); its achieved value is entered (/achieved, import).
	TargetManual TargetKind = "manual"
)

// Valid reports whether k is a known kind ("" counts as metric).
func (k TargetKind) Valid() bool {
	switch k {
	case "", TargetMetric, TargetPerUnit, TargetManual:
		return true
	}
	return false
}

// Target is a unit's yearly target. A target set with /target on a
// metric has no Code and is keyed by its metric (one per metric); one of
// the plan (imported, or with a code) is keyed by Code within the unit and
// year.
type Target struct {
	Unit   string `json:"unit"`
	Year   int    `json:"year"`
	Metric Metric `json:"metric,omitempty"` // "" only for a manual target
	Value  int64  `json:"value"`            // > 0; for per_unit: the value each unit must reach
	// Code is the target's code within the unit and year ("CT01"); ""
	// for a target set on a metric alone.
	Code     string     `json:"code,omitempty"`
	Text     string     `json:"text,omitempty"`      // the target as the plan writes it (noi_dung)
	Kind     TargetKind `json:"kind,omitempty"`      // "" is TargetMetric
	UnitKind UnitKind   `json:"unit_kind,omitempty"` // per_unit: the kind of unit below that must each reach Value
	Achieved int64      `json:"achieved,omitempty"`  // manual: the achieved value entered
}

// KindOf is the target's kind, TargetMetric when not set.
func (t *Target) KindOf() TargetKind {
	if t.Kind == "" {
		return TargetMetric
	}
	return t.Kind
}

// Key is what identifies the target within its unit and year: its code,
// or for a target without one its metric.
func (t *Target) Key() string {
	if t.Code != "" {
		return t.Code
	}
	return string(t.Metric)
}
