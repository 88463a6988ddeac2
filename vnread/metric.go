package vnread

import (
	"youthbot"
	"youthbot/vn"
)

// metricWords are the words that name each metric, folded (FoldName): in
// Vietnamese as union plans write them ("lượt", "công trình", "giá trị
// làm lợi", "đoàn viên mới"), in English, and the code names.
var metricWords = map[string]youthbot.Metric{
	"participations": youthbot.MetricParticipations, "participation": youthbot.MetricParticipations, "luot": youthbot.MetricParticipations,
	"luot tham gia": youthbot.MetricParticipations, "luot doan vien": youthbot.MetricParticipations, "luot doan vien tham gia": youthbot.MetricParticipations,
	"luot tinh nguyen": youthbot.MetricParticipations, "luot tham gia tinh nguyen": youthbot.MetricParticipations, "tham gia": youthbot.MetricParticipations,

	"hours": youthbot.MetricHours, "hour": youthbot.MetricHours, "gio": youthbot.MetricHours, "so gio": youthbot.MetricHours, "gio tinh nguyen": youthbot.MetricHours,
	"volunteer hours": youthbot.MetricHours,

	"works": youthbot.MetricWorks, "work": youthbot.MetricWorks, "youth works": youthbot.MetricWorks, "cong trinh": youthbot.MetricWorks,
	"cong trinh thanh nien": youthbot.MetricWorks, "ct": youthbot.MetricWorks,

	"tasks": youthbot.MetricTasks, "task": youthbot.MetricTasks, "youth tasks": youthbot.MetricTasks, "phan viec": youthbot.MetricTasks,
	"phan viec thanh nien": youthbot.MetricTasks, "pv": youthbot.MetricTasks,

	"value_vnd": youthbot.MetricValueVND, "value vnd": youthbot.MetricValueVND, "value": youthbot.MetricValueVND, "value produced": youthbot.MetricValueVND,
	"gia tri": youthbot.MetricValueVND, "gia tri lam loi": youthbot.MetricValueVND, "lam loi": youthbot.MetricValueVND,

	"new_members": youthbot.MetricNewMembers, "new members": youthbot.MetricNewMembers, "doan vien moi": youthbot.MetricNewMembers,
	"ket nap": youthbot.MetricNewMembers, "ket nap moi": youthbot.MetricNewMembers, "ket nap doan vien": youthbot.MetricNewMembers,
	"ket nap doan vien moi": youthbot.MetricNewMembers, "dv moi": youthbot.MetricNewMembers,

	// F7's metrics.
	"activities": youthbot.MetricActivities, "activity": youthbot.MetricActivities, "hoat dong": youthbot.MetricActivities,
	"so hoat dong": youthbot.MetricActivities, "hd": youthbot.MetricActivities, "hoat dong tinh nguyen": youthbot.MetricActivities,

	"person_days": youthbot.MetricPersonDays, "person days": youthbot.MetricPersonDays, "person-days": youthbot.MetricPersonDays,
	"ngay cong": youthbot.MetricPersonDays, "so ngay cong": youthbot.MetricPersonDays, "ngay cong lao dong": youthbot.MetricPersonDays,

	"support_vnd": youthbot.MetricSupportVND, "support vnd": youthbot.MetricSupportVND, "support": youthbot.MetricSupportVND,
	"kinh phi": youthbot.MetricSupportVND, "kinh phi ho tro": youthbot.MetricSupportVND, "tien ho tro": youthbot.MetricSupportVND,

	"beneficiaries": youthbot.MetricBeneficiaries, "beneficiary": youthbot.MetricBeneficiaries, "huong loi": youthbot.MetricBeneficiaries,
	"nguoi huong loi": youthbot.MetricBeneficiaries, "doi tuong huong loi": youthbot.MetricBeneficiaries,

	"beneficiaries:children": youthbot.BeneficiariesOf(youthbot.BenefitChildren), "children": youthbot.BeneficiariesOf(youthbot.BenefitChildren),
	"thieu nhi": youthbot.BeneficiariesOf(youthbot.BenefitChildren), "tre em": youthbot.BeneficiariesOf(youthbot.BenefitChildren),
	"thieu nhi co hoan canh kho khan": youthbot.BeneficiariesOf(youthbot.BenefitChildren), "thieu nhi kho khan": youthbot.BeneficiariesOf(youthbot.BenefitChildren),
	"beneficiaries:thieu_nhi": youthbot.BeneficiariesOf(youthbot.BenefitChildren),

	"beneficiaries:households": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds), "households": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds),
	"ho ngheo": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds), "gia dinh chinh sach": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds),
	"ho ngheo gia dinh chinh sach": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds), "beneficiaries:ho_ngheo": youthbot.BeneficiariesOf(youthbot.BenefitHouseholds),

	"beneficiaries:elderly": youthbot.BeneficiariesOf(youthbot.BenefitElderly), "elderly": youthbot.BeneficiariesOf(youthbot.BenefitElderly),
	"nguoi cao tuoi": youthbot.BeneficiariesOf(youthbot.BenefitElderly), "beneficiaries:nguoi_cao_tuoi": youthbot.BeneficiariesOf(youthbot.BenefitElderly),

	"beneficiaries:others": youthbot.BeneficiariesOf(youthbot.BenefitOthers), "beneficiaries:khac": youthbot.BeneficiariesOf(youthbot.BenefitOthers),
}

// maxMetricWords is the longest phrase of metricWords.
const maxMetricWords = 7

// MatchMetric reads the metric words start with, in any of its names
// (metricWords), case and diacritics aside: the longest name wins, so
// "giá trị làm lợi 5tr" is value_vnd followed by 5tr. n is how many words
// it takes, 0 when words start with no metric.
func MatchMetric(words []string) (m youthbot.Metric, n int) {
	return vn.MatchPhrase(vn.FoldWords(words, maxMetricWords), metricWords)
}

// ParseTargetValue reads a target's value for metric m: an amount of đồng
// for value_vnd and support_vnd (ParseVND's forms), a whole number
// otherwise. It must be more than 0.
func ParseTargetValue(m youthbot.Metric, s string) (int64, error) {
	var v int64
	var err error
	if m.IsVND() {
		v, err = ParseVND(s)
	} else {
		v, err = ParseCount(s, youthbot.MaxTargetCount, "err.target_value")
	}
	if err != nil || v <= 0 {
		return 0, youthbot.Errorf(youthbot.EINVALID, "err.target_value", s)
	}
	return v, nil
}
