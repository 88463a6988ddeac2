package youthbot

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Period is a range of whole months of one year: a month (From == To), a
// whole year (1..12) or a year to date (1..m).
type Period struct {
	Year     int
	From, To time.Month
}

// MonthPeriod is one calendar month.
func MonthPeriod(year int, m time.Month) Period { return Period{year, m, m} }

// YearPeriod is a whole calendar year.
func YearPeriod(year int) Period { return Period{year, time.January, time.December} }

// ParsePeriod reads "YYYY-MM" (a month) or "YYYY" (a year).
func ParsePeriod(s string) (Period, error) {
	if t, err := time.Parse("2006-01", s); err == nil {
		return MonthPeriod(t.Year(), t.Month()), nil
	}
	if y, err := strconv.Atoi(s); err == nil && len(s) == 4 && y >= 2000 && y <= 2200 {
		return YearPeriod(y), nil
	}
	return Period{}, Errorf(EINVALID, "err.period", s)
}

// IsMonth reports whether p is a single month.
func (p Period) IsMonth() bool { return p.From == p.To }

// IsYear reports whether p is a whole year.
func (p Period) IsYear() bool { return p.From == time.January && p.To == time.December }

// First is the period's first day.
func (p Period) First() Date { return Date{p.Year, p.From, 1} }

// Last is the period's last day.
func (p Period) Last() Date { return Date{p.Year, p.To + 1, 1}.AddDays(-1) }

// Start is the instant the period begins in loc.
func (p Period) Start(loc *time.Location) time.Time { return p.First().Time(loc) }

// End is the instant just after the period in loc.
func (p Period) End(loc *time.Location) time.Time { return p.Last().AddDays(1).Time(loc) }

// Contains reports whether d is in the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.First()) && !d.After(p.Last()) }

// YearToDate is January to the end of p.
func (p Period) YearToDate() Period { return Period{p.Year, time.January, p.To} }

// Prev is the month before a month period.
func (p Period) Prev() Period {
	if p.From == time.January {
		return MonthPeriod(p.Year-1, time.December)
	}
	return MonthPeriod(p.Year, p.From-1)
}

// String is "YYYY-MM" for a month, "YYYY" for a year, "YYYY-MM..YYYY-MM"
// otherwise.
func (p Period) String() string {
	switch {
	case p.IsMonth():
		return fmt.Sprintf("%04d-%02d", p.Year, int(p.From))
	case p.IsYear():
		return strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("%04d-%02d..%04d-%02d", p.Year, int(p.From), p.Year, int(p.To))
}

// Figures are a unit's figures for a period, its whole subtree included:
// what tallies, /targets, /my and `youthbot report` show (the report package
// writes them as text, JSON, CSV and .xlsx).
type Figures struct {
	Unit                  string
	Name                  string
	Kind                  UnitKind
	Period                Period
	MembersTotal          int // approved members at the end of the period
	MembersActive         int // members with a confirmed participation in the unit in the period while they were in it
	MembersNew            int // admitted during the period (not transferred in), where admitted: by the day they joined the Union when known (an import's ngay_vao_doan, or the day told at registration), else by the bot's approval (a sign-up, not an admission)
	Participations        int // confirmed individual participations + every head count (of unit activities and completed projects) = ParticipationsBy.Total()
	ParticipationsPending int
	Tenths                int // confirmed hours × 10
	ValueVND              int64
	WorksCompleted        int
	TasksCompleted        int
	Targets               []TargetProgress // year to date up to the end of the period; [] when none
	Children              []*Figures       // direct child units

	// F7: the figures of union reports.

	// ParticipationsBy splits Participations by group: Members is the
	// confirmed individual participations plus members' head counts.
	ParticipationsBy HeadCounts
	PersonDayTenths  int64       // person-days (ngày công) × 10, of unit activities and completed projects
	ActivitiesHeld   int         // unit activities (hd) dated in the period
	SupportVND       int64       // support spent (kinh phí hỗ trợ)
	Beneficiaries    []Benefit   // every group with people > 0 (or value > 0), in BenefitGroups order
	WorksByLevel     LevelCounts // works completed by recognition level
	TasksByLevel     LevelCounts // tasks completed by recognition level
	// Breakthrough tasks of the period's year: all registered (completed
	// ones included) and those completed.
	BreakthroughsRegistered int
	BreakthroughsCompleted  int
	Models                  ModelCounts // models of the period's year by field

	// F8: the tree the figures read, the code the unit went by in it
	// ("": Unit) and the day it ceased (zero: it did not).
	Tree      TreeMode
	Shown     string
	Dissolved Date
}

// Code is the code the unit went by in the tree the figures read: Shown,
// or Unit (its identity) when that is the same.
func (f *Figures) Code() string {
	if f.Shown != "" {
		return f.Shown
	}
	return f.Unit
}

// TreeMode is the tree a report reads (F8): the period's or today's.
type TreeMode string

// Tree modes, as `--tree` spells them.
const (
	TreePeriod  TreeMode = "period"
	TreeCurrent TreeMode = "current"
)

// LevelCounts are counts by unit kind (the JSON's works_by_level).
type LevelCounts struct {
	Province, District, Grassroots, Branch int
}

// Get returns the count of kind k.
func (l *LevelCounts) Get(k UnitKind) int {
	switch k {
	case KindProvince:
		return l.Province
	case KindDistrict:
		return l.District
	case KindGrassroots:
		return l.Grassroots
	case KindBranch:
		return l.Branch
	}
	return 0
}

// Add adds n to kind k's count (an unknown kind is ignored).
func (l *LevelCounts) Add(k UnitKind, n int) {
	switch k {
	case KindProvince:
		l.Province += n
	case KindDistrict:
		l.District += n
	case KindGrassroots:
		l.Grassroots += n
	case KindBranch:
		l.Branch += n
	}
}

// ModelCounts are models by field (the JSON's models).
type ModelCounts struct {
	Doan, Doi int
}

// PersonDays is the person-days (ngày công).
func (f *Figures) PersonDays() float64 { return float64(f.PersonDayTenths) / 10 }

// Benefit returns a group's beneficiaries (zero when none).
func (f *Figures) Benefit(g BenefitGroup) Benefit {
	for _, b := range f.Beneficiaries {
		if b.Group == g {
			return b
		}
	}
	return Benefit{Group: g}
}

// BeneficiariesTotal is the people of every group.
func (f *Figures) BeneficiariesTotal() int64 {
	var n int64
	for _, b := range f.Beneficiaries {
		n += b.People
	}
	return n
}

// TargetsTotal is the number of targets.
func (f *Figures) TargetsTotal() int { return len(f.Targets) }

// TargetsPercentRange is the lowest and highest percent over all targets,
// 0 and 0 when none.
func (f *Figures) TargetsPercentRange() (lo, hi float64) {
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

// Hours is the confirmed hours.
func (f *Figures) Hours() float64 { return float64(f.Tenths) / 10 }

// TargetsMet counts targets at 100% or more.
func (f *Figures) TargetsMet() int {
	n := 0
	for _, t := range f.Targets {
		if t.Percent >= 100 {
			n++
		}
	}
	return n
}

// Metric returns the figure of a target metric.
func (f *Figures) Metric(m Metric) float64 {
	switch m {
	case MetricParticipations:
		return float64(f.Participations)
	case MetricHours:
		return f.Hours()
	case MetricWorks:
		return float64(f.WorksCompleted)
	case MetricTasks:
		return float64(f.TasksCompleted)
	case MetricValueVND:
		return float64(f.ValueVND)
	case MetricNewMembers:
		return float64(f.MembersNew)
	case MetricActivities:
		return float64(f.ActivitiesHeld)
	case MetricPersonDays:
		return f.PersonDays()
	case MetricSupportVND:
		return float64(f.SupportVND)
	case MetricBeneficiaries:
		return float64(f.BeneficiariesTotal())
	}
	if g, ok := m.Group(); ok {
		return float64(f.Benefit(g).People)
	}
	return 0
}

// TargetProgress is a target and how far it is achieved. For a per_unit
// target, Target is the number of units of UnitKind in the subtree and
// Achieved those that reached Value of Metric.
type TargetProgress struct {
	Metric   Metric
	Target   int64
	Achieved float64
	Percent  float64 // 150.0 = 150%

	Code     string     // "" for a target set on a metric alone
	Text     string     // the target as the plan writes it
	Kind     TargetKind // never "": TargetMetric for a target set on a metric alone
	UnitKind UnitKind   // per_unit: the kind of unit counted
	Value    int64      // the target's own value (for per_unit: what each unit must reach)
}

// Progress computes a target's progress from the achieved figure; percent
// is rounded to one decimal. For a per_unit target, use PerUnitProgress.
func Progress(t Target, achieved float64) TargetProgress {
	p := TargetProgress{Metric: t.Metric, Target: t.Value, Achieved: achieved,
		Code: t.Code, Text: t.Text, Kind: t.KindOf(), UnitKind: t.UnitKind, Value: t.Value}
	if t.Value > 0 {
		p.Percent = math.Round(achieved/float64(t.Value)*1000) / 10
	}
	return p
}

// PerUnitProgress is a per_unit target's progress: reached of units units
// of its kind reached its value.
func PerUnitProgress(t Target, units, reached int) TargetProgress {
	p := Progress(t, float64(reached))
	p.Target = int64(units)
	p.Percent = 0
	if units > 0 {
		p.Percent = math.Round(float64(reached)/float64(units)*1000) / 10
	}
	return p
}
