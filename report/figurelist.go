package report

import (
	"youthbot"
)

// valueKind says how a figure is written: a count, hours (one decimal) or
// đồng.
type valueKind uint8

const (
	valCount valueKind = iota
	valHours           // and person-days: one decimal
	valVND
	valPercent // 150.0 = 150%, one decimal
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
	heads := func(key string, v func(h youthbot.HeadCounts) int64) figureRow {
		return figureRow{key: "participations_by." + key, value: func(f *youthbot.Figures) float64 { return float64(v(f.ParticipationsBy)) }}
	}
	level := func(key string, k youthbot.UnitKind, works bool) figureRow {
		return figureRow{key: key + "." + string(k), value: func(f *youthbot.Figures) float64 {
			if works {
				return float64(f.WorksByLevel.Get(k))
			}
			return float64(f.TasksByLevel.Get(k))
		}}
	}
	rows := []figureRow{
		n("members_total", func(f *youthbot.Figures) int { return f.MembersTotal }),
		n("members_active", func(f *youthbot.Figures) int { return f.MembersActive }),
		n("members_new", func(f *youthbot.Figures) int { return f.MembersNew }),
		n("participations", func(f *youthbot.Figures) int { return f.Participations }),
		heads("members", func(h youthbot.HeadCounts) int64 { return h.Members }),
		heads("youth", func(h youthbot.HeadCounts) int64 { return h.Youth }),
		heads("students", func(h youthbot.HeadCounts) int64 { return h.Students }),
		heads("residents", func(h youthbot.HeadCounts) int64 { return h.Residents }),
		n("participations_pending", func(f *youthbot.Figures) int { return f.ParticipationsPending }),
		{key: "hours", kind: valHours, value: func(f *youthbot.Figures) float64 { return f.Hours() }},
		{key: "person_days", kind: valHours, value: func(f *youthbot.Figures) float64 { return f.PersonDays() }},
		n("activities_held", func(f *youthbot.Figures) int { return f.ActivitiesHeld }),
		money("value_vnd", func(f *youthbot.Figures) int64 { return f.ValueVND }),
		money("support_vnd", func(f *youthbot.Figures) int64 { return f.SupportVND }),
	}
	for _, g := range youthbot.BenefitGroups {
		rows = append(rows,
			figureRow{key: "beneficiaries." + string(g) + ".people", value: func(f *youthbot.Figures) float64 { return float64(f.Benefit(g).People) }},
			money("beneficiaries."+string(g)+".value_vnd", func(f *youthbot.Figures) int64 { return f.Benefit(g).ValueVND }))
	}
	rows = append(rows, n("works_completed", func(f *youthbot.Figures) int { return f.WorksCompleted }))
	for _, k := range kinds {
		rows = append(rows, level("works_by_level", k, true))
	}
	rows = append(rows, n("tasks_completed", func(f *youthbot.Figures) int { return f.TasksCompleted }))
	for _, k := range kinds {
		rows = append(rows, level("tasks_by_level", k, false))
	}
	lo := func(f *youthbot.Figures) float64 { lo, _ := f.TargetsPercentRange(); return lo }
	hi := func(f *youthbot.Figures) float64 { _, hi := f.TargetsPercentRange(); return hi }
	rows = append(rows,
		n("targets_total", func(f *youthbot.Figures) int { return f.TargetsTotal() }),
		n("targets_met", func(f *youthbot.Figures) int { return f.TargetsMet() }),
		figureRow{key: "targets_percent_min", kind: valPercent, value: lo},
		figureRow{key: "targets_percent_max", kind: valPercent, value: hi},
		n("breakthroughs_registered", func(f *youthbot.Figures) int { return f.BreakthroughsRegistered }),
		n("breakthroughs_completed", func(f *youthbot.Figures) int { return f.BreakthroughsCompleted }),
		n("models.doan", func(f *youthbot.Figures) int { return f.Models.Doan }),
		n("models.doi", func(f *youthbot.Figures) int { return f.Models.Doi }),
	)
	return rows
}
