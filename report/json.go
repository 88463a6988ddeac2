package report

import "youthbot"

// figuresJSON is the JSON report of a unit's figures for a period, its whole
// subtree included. Its keys are a public interface (scripts read them):
//
//	unit, name              the unit's code and name
//	month | year            "YYYY-MM" for a month's report, YYYY (a number) for a year's
//	members_total           approved members at the end of the period
//	members_active          members with a confirmed participation in the period, in a unit they were in then
//	members_new             members approved (not transferred in) during the period
//	participations          confirmed participations
//	participations_pending  participations waiting for confirmation
//	hours                   confirmed hours (one decimal)
//	value_vnd               value in đồng
//	works_completed, tasks_completed
//	targets                 [{metric, target, achieved, percent}], year to date up to the end of the period; [] when none
//	targets_met             targets at 100% or more
//	targets_total           the number of targets
//	children                the direct child units, each with the same keys; [] when none
//
// The CSV report (CSVHeader) uses the same names for its columns.
type figuresJSON struct {
	Unit                  string         `json:"unit"`
	Name                  string         `json:"name"`
	Month                 string         `json:"month,omitempty"`
	Year                  int            `json:"year,omitempty"`
	MembersTotal          int            `json:"members_total"`
	MembersActive         int            `json:"members_active"`
	MembersNew            int            `json:"members_new"`
	Participations        int            `json:"participations"`
	ParticipationsPending int            `json:"participations_pending"`
	Hours                 float64        `json:"hours"`
	ValueVND              int64          `json:"value_vnd"`
	WorksCompleted        int            `json:"works_completed"`
	TasksCompleted        int            `json:"tasks_completed"`
	Targets               []targetJSON   `json:"targets"`
	TargetsMet            int            `json:"targets_met"`
	TargetsTotal          int            `json:"targets_total"`
	Children              []*figuresJSON `json:"children"`
}

// targetJSON is a target's progress in the JSON report; percent 150.0 is
// 150%.
type targetJSON struct {
	Metric   youthbot.Metric `json:"metric"`
	Target   int64           `json:"target"`
	Achieved float64         `json:"achieved"`
	Percent  float64         `json:"percent"`
}

// jsonOf returns f's JSON report, its children's included.
func jsonOf(f *youthbot.Figures) *figuresJSON {
	j := &figuresJSON{
		Unit: f.Unit, Name: f.Name,
		MembersTotal: f.MembersTotal, MembersActive: f.MembersActive, MembersNew: f.MembersNew,
		Participations: f.Participations, ParticipationsPending: f.ParticipationsPending,
		Hours: f.Hours(), ValueVND: f.ValueVND, WorksCompleted: f.WorksCompleted, TasksCompleted: f.TasksCompleted,
		Targets: make([]targetJSON, 0, len(f.Targets)), TargetsMet: f.TargetsMet(), TargetsTotal: len(f.Targets),
		Children: make([]*figuresJSON, 0, len(f.Children)),
	}
	if f.Period.IsMonth() {
		j.Month = f.Period.String()
	} else {
		j.Year = f.Period.Year
	}
	for _, t := range f.Targets {
		j.Targets = append(j.Targets, targetJSON{Metric: t.Metric, Target: t.Target, Achieved: t.Achieved, Percent: t.Percent})
	}
	for _, c := range f.Children {
		j.Children = append(j.Children, jsonOf(c))
	}
	return j
}
