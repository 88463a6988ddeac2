package youthbot

import (
	"strconv"
	"strings"

	"youthbot/vn"
)

// Target limits.
const (
	MaxTargetCount  = 1_000_000_000 // participations, hours, works, tasks, members
	TargetYearsBack = 5             // targets of past years may be set this far back
)

// metricWords are the words that name each metric, folded (FoldName): in
// Vietnamese as union plans write them ("lượt", "công trình", "giá trị
// làm lợi", "đoàn viên mới"), in English, and the code names.
var metricWords = map[string]Metric{
	"participations": MetricParticipations, "participation": MetricParticipations, "luot": MetricParticipations,
	"luot tham gia": MetricParticipations, "luot doan vien": MetricParticipations, "luot doan vien tham gia": MetricParticipations,
	"luot tinh nguyen": MetricParticipations, "luot tham gia tinh nguyen": MetricParticipations, "tham gia": MetricParticipations,

	"hours": MetricHours, "hour": MetricHours, "gio": MetricHours, "so gio": MetricHours, "gio tinh nguyen": MetricHours,
	"volunteer hours": MetricHours,

	"works": MetricWorks, "work": MetricWorks, "youth works": MetricWorks, "cong trinh": MetricWorks,
	"cong trinh thanh nien": MetricWorks, "ct": MetricWorks,

	"tasks": MetricTasks, "task": MetricTasks, "youth tasks": MetricTasks, "phan viec": MetricTasks,
	"phan viec thanh nien": MetricTasks, "pv": MetricTasks,

	"value_vnd": MetricValueVND, "value vnd": MetricValueVND, "value": MetricValueVND, "value produced": MetricValueVND,
	"gia tri": MetricValueVND, "gia tri lam loi": MetricValueVND, "lam loi": MetricValueVND,

	"new_members": MetricNewMembers, "new members": MetricNewMembers, "doan vien moi": MetricNewMembers,
	"ket nap": MetricNewMembers, "ket nap moi": MetricNewMembers, "ket nap doan vien": MetricNewMembers,
	"ket nap doan vien moi": MetricNewMembers, "dv moi": MetricNewMembers,

	// F7's metrics.
	"activities": MetricActivities, "activity": MetricActivities, "hoat dong": MetricActivities,
	"so hoat dong": MetricActivities, "hd": MetricActivities, "hoat dong tinh nguyen": MetricActivities,

	"person_days": MetricPersonDays, "person days": MetricPersonDays, "person-days": MetricPersonDays,
	"ngay cong": MetricPersonDays, "so ngay cong": MetricPersonDays, "ngay cong lao dong": MetricPersonDays,

	"support_vnd": MetricSupportVND, "support vnd": MetricSupportVND, "support": MetricSupportVND,
	"kinh phi": MetricSupportVND, "kinh phi ho tro": MetricSupportVND, "tien ho tro": MetricSupportVND,

	"beneficiaries": MetricBeneficiaries, "beneficiary": MetricBeneficiaries, "huong loi": MetricBeneficiaries,
	"nguoi huong loi": MetricBeneficiaries, "doi tuong huong loi": MetricBeneficiaries,

	"beneficiaries:children": BeneficiariesOf(BenefitChildren), "children": BeneficiariesOf(BenefitChildren),
	"thieu nhi": BeneficiariesOf(BenefitChildren), "tre em": BeneficiariesOf(BenefitChildren),
	"thieu nhi co hoan canh kho khan": BeneficiariesOf(BenefitChildren), "thieu nhi kho khan": BeneficiariesOf(BenefitChildren),
	"beneficiaries:thieu_nhi": BeneficiariesOf(BenefitChildren),

	"beneficiaries:households": BeneficiariesOf(BenefitHouseholds), "households": BeneficiariesOf(BenefitHouseholds),
	"ho ngheo": BeneficiariesOf(BenefitHouseholds), "gia dinh chinh sach": BeneficiariesOf(BenefitHouseholds),
	"ho ngheo gia dinh chinh sach": BeneficiariesOf(BenefitHouseholds), "beneficiaries:ho_ngheo": BeneficiariesOf(BenefitHouseholds),

	"beneficiaries:elderly": BeneficiariesOf(BenefitElderly), "elderly": BeneficiariesOf(BenefitElderly),
	"nguoi cao tuoi": BeneficiariesOf(BenefitElderly), "beneficiaries:nguoi_cao_tuoi": BeneficiariesOf(BenefitElderly),

	"beneficiaries:others": BeneficiariesOf(BenefitOthers), "beneficiaries:khac": BeneficiariesOf(BenefitOthers),
}

// maxMetricWords is the longest phrase of metricWords.
const maxMetricWords = 7

// MatchMetric reads the metric words start with, in any of its names
// (metricWords), case and diacritics aside: the longest name wins, so
// "giá trị làm lợi 5tr" is value_vnd followed by 5tr. n is how many words
// it takes, 0 when words start with no metric.
func MatchMetric(words []string) (m Metric, n int) {
	return vn.MatchPhrase(vn.FoldWords(words, maxMetricWords), metricWords)
}

// ParseMetric reads the whole of s as a metric, in any of its names
// (MatchMetric).
func ParseMetric(s string) (Metric, bool) {
	words := strings.Fields(s)
	m, n := MatchMetric(words)
	return m, n > 0 && n == len(words)
}

// ParseTargetValue reads a target's value for metric m: an amount of đồng
// for value_vnd and support_vnd (ParseVND's forms), a whole number
// otherwise. It must be more than 0.
func ParseTargetValue(m Metric, s string) (int64, error) {
	var v int64
	var err error
	if m.IsVND() {
		v, err = ParseVND(s)
	} else {
		v, err = ParseCount(s, MaxTargetCount, "err.target_value")
	}
	if err != nil || v <= 0 {
		return 0, Errorf(EINVALID, "err.target_value", s)
	}
	return v, nil
}

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
