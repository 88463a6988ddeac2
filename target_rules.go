package youthbot

import (
	"strconv"
)

// Target limits.
const (
	MaxTargetCount  = 1_000_000_000 // participations, hours, works, tasks, members
	TargetYearsBack = 5             // targets of past years may be set this far back
)

// Validate checks a target set on today: a known kind, a known metric
// (optional for a manual target), for per_unit a unit kind, a value above
// 0 and a year from TargetYearsBack years ago to next year.
func (t *Target) Validate(today Date) error {
	if t.Year < today.Year-TargetYearsBack || t.Year > today.Year+1 {
		return Errorf(EINVALID, "err.target_year", today.Year-TargetYearsBack, today.Year+1)
	}
	return t.ValidateFields()
}

// ValidateFields checks a target whatever its year (an import is history):
// a known kind, a known metric (optional for a manual target), for
// per_unit a unit kind, a value above 0 and an achieved value of 0 or more.
func (t *Target) ValidateFields() error {
	if !t.Kind.Valid() {
		return Errorf(EINVALID, "err.target_kind", string(t.Kind))
	}
	if !t.Metric.Valid() && (t.KindOf() != TargetManual || t.Metric != "") {
		return Errorf(EINVALID, "err.target_metric", string(t.Metric))
	}
	if t.KindOf() == TargetPerUnit && !t.UnitKind.Valid() {
		return Errorf(EINVALID, "err.target_unit_kind", string(t.UnitKind))
	}
	limit := int64(MaxTargetCount)
	if t.Metric.IsVND() {
		limit = MaxValueVND
	}
	if t.Value <= 0 || t.Value > limit {
		return Errorf(EINVALID, "err.target_value", strconv.FormatInt(t.Value, 10))
	}
	if t.Achieved < 0 || t.Achieved > MaxValueVND {
		return Errorf(EINVALID, "err.target_value", strconv.FormatInt(t.Achieved, 10))
	}
	return nil
}
