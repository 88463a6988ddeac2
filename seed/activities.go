package seed

import (
	"cmp"
	"math"
	"slices"
	"time"

	"youthbot"
	"youthbot/storage"
)

// act is an activity before it is written, kept small: a million of them
// are generated and sorted in memory.
type act struct {
	day    int32 // yyyymmdd
	unit   int32 // unit index
	member int32 // index in g.members
	tenths uint8
	status uint8 // index in statuses
	desc   uint8
	hour   uint8
}

var statuses = []youthbot.ActivityStatus{youthbot.ActivityConfirmed, youthbot.ActivityPending, youthbot.ActivityRejected, youthbot.ActivityUndone}

// activities makes the activities of approved members, dated over the 12
// months ending today (not before the member's approval), credited to the
// branch of that day: 80% confirmed, 8% waiting (only recent ones; older
// ones were rejected), 7% rejected, 5% withdrawn. Some members are much
// more active than others. They are sorted by unit and date, the order of
// the (unit, month) index, so that writing them appends.
func (g *gen) activities() []act {
	var approved []int32
	for i, p := range g.members {
		if p.m.Status == youthbot.StatusApproved {
			approved = append(approved, int32(i))
		}
	}
	if len(approved) == 0 {
		return nil
	}
	// Who is active is independent of the branch order ids follow.
	g.r.Shuffle(len(approved), func(i, j int) { approved[i], approved[j] = approved[j], approved[i] })
	first := g.today.AddDays(-364)
	firstTime := first.Time(g.o.Loc)
	out := make([]act, 0, g.o.Activities)
	for range g.o.Activities {
		mi := approved[int(float64(len(approved))*math.Pow(g.r.Float64(), 1.6))]
		p := &g.members[mi]
		from := 0
		if p.m.DecidedAt.After(firstTime) {
			from = int(youthbot.DateOf(p.m.DecidedAt, g.o.Loc).Time(time.UTC).Sub(first.Time(time.UTC)).Hours() / 24)
		}
		offset := from + g.r.IntN(365-from)
		day := first.AddDays(offset)
		unit := p.branch
		if p.movedAt != 0 && day.Before(youthbot.DateOf(time.Unix(p.movedAt, 0), g.o.Loc)) {
			unit = p.old
		}
		a := act{day: int32(day.Year*10000 + int(day.Month)*100 + day.Day), unit: int32(unit), member: mi,
			desc: uint8(g.r.IntN(len(activityNames))), hour: uint8(7 + g.r.IntN(13))}
		if g.r.IntN(10) > 0 {
			a.tenths = uint8(5 * (2 + g.r.IntN(15)))
		}
		switch s := g.r.IntN(100); {
		case s < 80:
		case s < 88:
			a.status = 2
			if offset > 365-45 {
				a.status = 1
			}
		case s < 95:
			a.status = 2
		default:
			a.status = 3
		}
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y act) int {
		if c := cmp.Compare(x.unit, y.unit); c != 0 {
			return c
		}
		return cmp.Compare(x.day, y.day)
	})
	return out
}

func (g *gen) writeActivities(tx *storage.Tx, acts []act) error {
	now := g.o.Now
	out := make([]youthbot.Activity, 0, len(acts))
	for _, x := range acts {
		day := youthbot.Date{Year: int(x.day / 10000), Month: time.Month(x.day / 100 % 100), Day: int(x.day % 100)}
		created := day.Time(g.o.Loc).Add(time.Duration(x.hour) * time.Hour)
		if created.After(now) {
			created = now
		}
		a := youthbot.Activity{
			Member: g.members[x.member].m.UserID, Unit: g.units[x.unit].Code, Date: day, Tenths: int(x.tenths),
			Description: activityNames[x.desc], Status: statuses[x.status], Source: youthbot.SourceLog, CreatedAt: created,
		}
		if a.Status != youthbot.ActivityPending {
			a.DecidedAt = created.Add(time.Duration(1+int(x.hour)%40) * time.Hour)
			if a.DecidedAt.After(now) {
				a.DecidedAt = now
			}
		}
		out = append(out, a)
	}
	return tx.ImportActivities(out)
}

// writeProjects adds youth projects (two to four per district and
// grassroots union, five for the province, one for one branch in ten) over
// the last 12 months, most of those that ended completed with a value,
// and this year's targets of the province and of half the districts.
func (g *gen) writeProjects(tx *storage.Tx) error {
	now := g.o.Now
	for i, u := range g.units {
		n := 0
		switch u.Kind {
		case youthbot.KindProvince:
			n = 5
		case youthbot.KindDistrict, youthbot.KindGrassroots:
			n = 2 + g.r.IntN(3)
		default:
			if g.r.IntN(10) == 0 {
				n = 1
			}
		}
		for j := range n {
			p := youthbot.Project{Kind: youthbot.ProjectTask, Unit: u.Code, Capacity: 10 + 5*g.r.IntN(9), CreatedAt: now}
			title := nth(taskNames, i+j)
			if g.r.IntN(10) < 3 {
				p.Kind, title = youthbot.ProjectWork, nth(workNames, i+j)
			}
			p.Title = title + " — " + u.Name
			p.Start = g.today.AddDays(-g.r.IntN(365))
			p.End = p.Start.AddDays(g.r.IntN(60))
			if !p.End.Before(g.today) || g.r.IntN(100) >= 85 {
				if err := tx.NewProject(&p); err != nil {
					return err
				}
				continue
			}
			p.Status, p.DoneDate = youthbot.ProjectDone, p.End
			p.DoneAt = p.End.Time(g.o.Loc).Add(18 * time.Hour)
			p.Contribution = g.contribution()
			if p.Kind == youthbot.ProjectWork && g.r.IntN(7) == 0 {
				p.Level = youthbot.KindProvince // recognised by the province
			}
			if p.Kind == youthbot.ProjectWork {
				p.ValueVND = int64(20+g.r.IntN(780)) * 1_000_000
				g.works++
			} else {
				if g.r.IntN(10) >= 3 {
					p.ValueVND = int64(1+g.r.IntN(60)) * 1_000_000
				}
				g.tasks++
			}
			if err := tx.NewProject(&p); err != nil {
				return err
			}
		}
	}
	year := g.today.Year
	confirmed := int64(float64(g.o.Activities) * 0.8)
	targets := []youthbot.Target{
		{Unit: RootCode, Year: year, Metric: youthbot.MetricParticipations, Value: roundTo(confirmed, 100)},
		{Unit: RootCode, Year: year, Metric: youthbot.MetricHours, Value: roundTo(confirmed*4, 100)},
		{Unit: RootCode, Year: year, Metric: youthbot.MetricWorks, Value: int64(max(1, g.works))},
		{Unit: RootCode, Year: year, Metric: youthbot.MetricTasks, Value: int64(max(1, g.tasks))},
		{Unit: RootCode, Year: year, Metric: youthbot.MetricValueVND, Value: roundTo(int64(g.works)*300_000_000+int64(g.tasks)*20_000_000, 1_000_000)},
		{Unit: RootCode, Year: year, Metric: youthbot.MetricNewMembers, Value: roundTo(int64(g.o.Members)/7, 10)},
	}
	districts := tx.ChildCodes(RootCode)
	for i, d := range districts {
		if i%2 == 0 {
			share := confirmed / int64(len(districts))
			targets = append(targets, youthbot.Target{Unit: d, Year: year, Metric: youthbot.MetricParticipations,
				Value: roundTo(share*int64(80+g.r.IntN(50))/100, 10)})
		}
	}
	for _, t := range targets {
		if err := tx.SetTarget(t); err != nil {
			return err
		}
	}
	return nil
}

// roundTo rounds n to a multiple of step, at least step.
func roundTo(n, step int64) int64 { return max(step, (n+step/2)/step*step) }
