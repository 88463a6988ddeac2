package report

import (
	"slices"
	"strings"

	"youthbot"
)

// figuresJSON is the JSON report of a unit's figures for a period, its whole
// subtree included. Its keys are a public interface (scripts read them):
//
//	unit, name              the unit's code and name
//	month | year            "YYYY-MM" for a month's report, YYYY (a number) for a year's
//	members_total           approved members at the end of the period
//	members_active          members with a confirmed participation in the period, in a unit they were in then
//	members_new             members admitted (not transferred in) during the period: by the day they joined the Union when known, else the bot's approval
//	participations          confirmed individual participations + every head count = the sum of participations_by
//	participations_pending  participations waiting for confirmation
//	hours                   confirmed hours (one decimal)
//	value_vnd               value produced in đồng
//	participations_by       {members, youth, students, residents}
//	person_days             person-days (ngày công, one decimal)
//	activities_held         the unit activities (hoạt động) of the period
//	support_vnd             support spent in đồng
//	beneficiaries           [{group, people, value_vnd}], every group with people > 0 (or value > 0), by group
//	works_completed, tasks_completed
//	works_by_level, tasks_by_level  {province, district, grassroots, branch}: by recognition level
//	targets                 [{code, kind, metric, text, target, achieved, percent}], year to date up to the end of the period; [] when none
//	targets_met             targets at 100% or more
//	targets_total           the number of targets
//	targets_percent_min, targets_percent_max  over all targets; 0 when none
//	breakthroughs_registered, breakthroughs_completed  of the period's year
//	models                  {doan, doi}: the subtree's models of the year by field
//	children                the direct child units, each with the same keys and its own children, down to the branches
//	tree                    "period" (the tree as it stood at the period's end, or a dissolved unit's last day) or "current" (today's)
//	dissolved               "YYYY-MM-DD", the day a unit merged or dissolved ceased; absent for a unit that did not
//
// The CSV report (CSVHeader) uses the same names for its columns.
type figuresJSON struct {
	Unit                    string         `json:"unit"`
	Name                    string         `json:"name"`
	Month                   string         `json:"month,omitempty"`
	Year                    int            `json:"year,omitempty"`
	MembersTotal            int            `json:"members_total"`
	MembersActive           int            `json:"members_active"`
	MembersNew              int            `json:"members_new"`
	Participations          int            `json:"participations"`
	ParticipationsPending   int            `json:"participations_pending"`
	Hours                   float64        `json:"hours"`
	ValueVND                int64          `json:"value_vnd"`
	ParticipationsBy        headsJSON      `json:"participations_by"`
	PersonDays              float64        `json:"person_days"`
	ActivitiesHeld          int            `json:"activities_held"`
	SupportVND              int64          `json:"support_vnd"`
	Beneficiaries           []benefitJSON  `json:"beneficiaries"`
	WorksCompleted          int            `json:"works_completed"`
	TasksCompleted          int            `json:"tasks_completed"`
	WorksByLevel            levelsJSON     `json:"works_by_level"`
	TasksByLevel            levelsJSON     `json:"tasks_by_level"`
	Targets                 []targetJSON   `json:"targets"`
	TargetsMet              int            `json:"targets_met"`
	TargetsTotal            int            `json:"targets_total"`
	TargetsPercentMin       float64        `json:"targets_percent_min"`
	TargetsPercentMax       float64        `json:"targets_percent_max"`
	BreakthroughsRegistered int            `json:"breakthroughs_registered"`
	BreakthroughsCompleted  int            `json:"breakthroughs_completed"`
	Models                  modelsJSON     `json:"models"`
	Children                []*figuresJSON `json:"children"`
	Tree                    string         `json:"tree,omitempty"`
	Dissolved               string         `json:"dissolved,omitempty"`
}

type headsJSON struct {
	Members   int64 `json:"members"`
	Youth     int64 `json:"youth"`
	Students  int64 `json:"students"`
	Residents int64 `json:"residents"`
}

type benefitJSON struct {
	Group    youthbot.BenefitGroup `json:"group"`
	People   int64                 `json:"people"`
	ValueVND int64                 `json:"value_vnd"`
}

type levelsJSON struct {
	Province   int `json:"province"`
	District   int `json:"district"`
	Grassroots int `json:"grassroots"`
	Branch     int `json:"branch"`
}

type modelsJSON struct {
	Doan int `json:"doan"`
	Doi  int `json:"doi"`
}

// targetJSON is a target's progress in the JSON report; percent 150.0 is
// 150%. For a per_unit target, target is the number of units of its kind
// in the subtree and achieved those that reached its value.
type targetJSON struct {
	Code     string              `json:"code"`
	Kind     youthbot.TargetKind `json:"kind"`
	Metric   youthbot.Metric     `json:"metric"`
	Text     string              `json:"text"`
	Target   int64               `json:"target"`
	Achieved float64             `json:"achieved"`
	Percent  float64             `json:"percent"`
}

func levelsOf(l youthbot.LevelCounts) levelsJSON {
	return levelsJSON{Province: l.Province, District: l.District, Grassroots: l.Grassroots, Branch: l.Branch}
}

// jsonOf returns f's JSON report, its children's included.
func jsonOf(f *youthbot.Figures) *figuresJSON {
	lo, hi := f.TargetsPercentRange()
	j := &figuresJSON{
		Unit: f.Unit, Name: f.Name,
		MembersTotal: f.MembersTotal, MembersActive: f.MembersActive, MembersNew: f.MembersNew,
		Participations: f.Participations, ParticipationsPending: f.ParticipationsPending,
		Hours: f.Hours(), ValueVND: f.ValueVND,
		ParticipationsBy: headsJSON{Members: f.ParticipationsBy.Members, Youth: f.ParticipationsBy.Youth,
			Students: f.ParticipationsBy.Students, Residents: f.ParticipationsBy.Residents},
		PersonDays: f.PersonDays(), ActivitiesHeld: f.ActivitiesHeld, SupportVND: f.SupportVND,
		Beneficiaries:  make([]benefitJSON, 0, len(f.Beneficiaries)),
		WorksCompleted: f.WorksCompleted, TasksCompleted: f.TasksCompleted,
		WorksByLevel: levelsOf(f.WorksByLevel), TasksByLevel: levelsOf(f.TasksByLevel),
		Targets: make([]targetJSON, 0, len(f.Targets)), TargetsMet: f.TargetsMet(), TargetsTotal: f.TargetsTotal(),
		TargetsPercentMin: lo, TargetsPercentMax: hi,
		BreakthroughsRegistered: f.BreakthroughsRegistered, BreakthroughsCompleted: f.BreakthroughsCompleted,
		Models:   modelsJSON{Doan: f.Models.Doan, Doi: f.Models.Doi},
		Children: make([]*figuresJSON, 0, len(f.Children)),
	}
	j.Unit = f.Code()
	if j.Tree = string(f.Tree); j.Tree == "" {
		j.Tree = string(youthbot.TreePeriod) // no history: the period's tree is today's
	}
	if !f.Dissolved.IsZero() {
		j.Dissolved = f.Dissolved.ISO()
	}
	if f.Period.IsMonth() {
		j.Month = f.Period.String()
	} else {
		j.Year = f.Period.Year
	}
	// The groups the figures list: those with people > 0, and those
	// given support with nobody counted (value > 0), whose value would
	// otherwise be missing from the JSON while the CSV and the workbook
	// show it.
	for _, b := range f.Beneficiaries {
		j.Beneficiaries = append(j.Beneficiaries, benefitJSON{Group: b.Group, People: b.People, ValueVND: b.ValueVND})
	}
	slices.SortFunc(j.Beneficiaries, func(a, b benefitJSON) int { return strings.Compare(string(a.Group), string(b.Group)) })
	for _, t := range f.Targets {
		j.Targets = append(j.Targets, targetJSON{Code: t.Code, Kind: t.Kind, Metric: t.Metric, Text: t.Text,
			Target: t.Target, Achieved: t.Achieved, Percent: t.Percent})
	}
	for _, c := range f.Children {
		j.Children = append(j.Children, jsonOf(c))
	}
	return j
}
