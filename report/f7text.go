package report

import (
	"math"
	"strings"

	"youthbot"
	"youthbot/i18n"
)

// f7Lines are the lines of the tally's figures that union reports state
// besides members' own: beneficiaries, works and tasks, works and tasks by
// recognition level, breakthrough tasks and models; each only when it has
// something to say, except works and tasks.
func f7Lines(lang string, f *youthbot.Figures) []string {
	T := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	var lines []string
	if len(f.Beneficiaries) > 0 {
		lines = append(lines, T("report.beneficiaries"))
		for _, b := range f.Beneficiaries {
			lines = append(lines, T("report.benefit", T("report.group."+string(b.Group)), Number(lang, b.People), VND(lang, b.ValueVND)))
		}
	}
	lines = append(lines, T("report.projects", Number(lang, int64(f.WorksCompleted)), Number(lang, int64(f.TasksCompleted))))
	var levels []string
	for _, k := range kinds {
		w, t := f.WorksByLevel.Get(k), f.TasksByLevel.Get(k)
		if w+t > 0 {
			levels = append(levels, T("report.level_count", T("report.level."+string(k)), Number(lang, int64(w)), Number(lang, int64(t))))
		}
	}
	if len(levels) > 0 {
		lines = append(lines, T("report.projects_by_level", i18n.Raw(strings.Join(levels, " · "))))
	}
	if f.BreakthroughsRegistered > 0 {
		lines = append(lines, T("report.breakthroughs", Number(lang, int64(f.BreakthroughsCompleted)), Number(lang, int64(f.BreakthroughsRegistered))))
	}
	if n := f.Models.Doan + f.Models.Doi; n > 0 {
		lines = append(lines, T("report.models", Number(lang, int64(n)), Number(lang, int64(f.Models.Doan)), Number(lang, int64(f.Models.Doi))))
	}
	return lines
}

// TargetLabel names a target in plain text: its text as the plan states
// it, or without one its metric ("Lượt tham gia").
func TargetLabel(lang string, tg youthbot.TargetProgress) string {
	if t := strings.TrimSpace(tg.Text); t != "" {
		return t
	}
	return Plain(i18n.T(lang, metricKey(tg.Metric)))
}

// metricKey is the i18n key of a metric's name; "beneficiaries:children"
// has "report.metric.beneficiaries.children".
func metricKey(m youthbot.Metric) string {
	return "report.metric." + strings.ReplaceAll(string(m), ":", ".")
}

// targetValue writes a target's planned or achieved figure: units for a
// per_unit target, else the figure of its metric.
func targetValue(lang string, tg youthbot.TargetProgress, x float64) string {
	if tg.Kind == youthbot.TargetPerUnit {
		return Number(lang, int64(math.Round(x)))
	}
	return MetricValue(lang, tg.Metric, x)
}
