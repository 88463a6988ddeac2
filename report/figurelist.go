package report

import (
	"youthbot"
)

// valueKind says how a figure is written: a count, hours (one decimal) or
// đồng.
type valueKind uint8

const (
	valCount valueKind = iota
	valHours
	valVND
)

// figureRow is one figure of a unit: a row of the workbook's appendix, a
// column of its sheets per level and of the CSV report.
type figureRow struct {
	// key is the figure's key in the JSON report, a nested one dotted
	// ("participations_by.members"): the CSV report's column.
	key   string
	kind  valueKind
	value func(f *youthbot.Figures) float64
}

// label is the figure's i18n key: "report.fig." + key.
func (r figureRow) label() string { return "report.fig." + r.key }

// figureRows are every figure of a unit, in the order a year-end report
// states them: members, participations and who took part, activities and
// their value, beneficiaries, works and tasks by recognition level,
// targets, breakthrough tasks and models.
func figureRows() []figureRow {
	n := func(key string, v func(f *youthbot.Figures) int) figureRow {
		return figureRow{key: key, value: func(f *youthbot.Figures) float64 { return float64(v(f)) }}
	}
	money := func(key string, v func(f *youthbot.Figures) int64) figureRow {
		return figureRow{key: key, kind: valVND, value: func(f *youthbot.Figures) float64 { return float64(v(f)) }}
	}
	rows := []figureRow{
		n("members_total", func(f *youthbot.Figures) int { return f.MembersTotal }),
		n("members_active", func(f *youthbot.Figures) int { return f.MembersActive }),
		n("members_new", func(f *youthbot.Figures) int { return f.MembersNew }),
		n("participations", func(f *youthbot.Figures) int { return f.Participations }),
		n("participations_pending", func(f *youthbot.Figures) int { return f.ParticipationsPending }),
		{key: "hours", kind: valHours, value: func(f *youthbot.Figures) float64 { return f.Hours() }},
		money("value_vnd", func(f *youthbot.Figures) int64 { return f.ValueVND }),
		n("works_completed", func(f *youthbot.Figures) int { return f.WorksCompleted }),
		n("tasks_completed", func(f *youthbot.Figures) int { return f.TasksCompleted }),
		n("targets_met", func(f *youthbot.Figures) int { return f.TargetsMet() }),
		n("targets_total", func(f *youthbot.Figures) int { return len(f.Targets) }),
	}
	return rows
}

// percentRange is the lowest and the highest percent of f's targets; 0, 0
// without targets.
func percentRange(f *youthbot.Figures) (lo, hi float64) {
	for i, t := range f.Targets {
		if i == 0 || t.Percent < lo {
			lo = t.Percent
		}
		if i == 0 || t.Percent > hi {
			hi = t.Percent
		}
	}
	return lo, hi
}
