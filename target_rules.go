package youthbot

import (
	"strconv"
	"strings"
)

// Target limits.
const (
	MaxTargetCount  = 1_000_000_000 // participations, hours, works, tasks, members
	TargetYearsBack = 5             // targets of past years may be set this far back
)

// ParseMetric reads a metric name, case-insensitively.
func ParseMetric(s string) (Metric, bool) {
	m := Metric(strings.ToLower(strings.TrimSpace(s)))
	return m, m.Valid()
}

// ParseTargetValue reads a target's value for metric m: an amount of đồng
// for value_vnd (ParseVND's forms), a whole number otherwise. It must be
// more than 0.
func ParseTargetValue(m Metric, s string) (int64, error) {
	var v int64
	var err error
	if m == MetricValueVND {
		v, err = ParseVND(s)
	} else {
		v, err = ParseCount(s, MaxTargetCount, "err.target_value")
	}
	if err != nil || v <= 0 {
		return 0, Errorf(EINVALID, "err.target_value", s)
	}
	return v, nil
}

// Validate checks a target set on today: a known metric, a value above 0
// and a year from TargetYearsBack years ago to next year.
func (t *Target) Validate(today Date) error {
	if !t.Metric.Valid() {
		return Errorf(EINVALID, "err.target_metric", string(t.Metric))
	}
	if t.Year < today.Year-TargetYearsBack || t.Year > today.Year+1 {
		return Errorf(EINVALID, "err.target_year", today.Year-TargetYearsBack, today.Year+1)
	}
	limit := int64(MaxTargetCount)
	if t.Metric == MetricValueVND {
		limit = MaxValueVND
	}
	if t.Value <= 0 || t.Value > limit {
		return Errorf(EINVALID, "err.target_value", strconv.FormatInt(t.Value, 10))
	}
	return nil
}
