package storage

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"youthbot"
)

// world is generated data kept in plain slices, the brute-force side of
// the figures property test.
type world struct {
	units    []youthbot.Unit
	parent   map[string]string
	members  []youthbot.Member
	acts     []youthbot.Activity
	projects []youthbot.Project
}

func (w *world) under(unit, top string) bool {
	for u := unit; u != ""; u = w.parent[u] {
		if u == top {
			return true
		}
	}
	return false
}

// generate fills db with a random tree, members, activities and done
// projects of 2025, and returns the same data.
func generate(t *testing.T, db *DB, seed uint64, loc *time.Location) *world {
	r := rand.New(rand.NewPCG(seed, seed))
	w := &world{parent: map[string]string{}}
	w.units = append(w.units, youthbot.Unit{Code: "P", Name: "Province", Kind: youthbot.KindProvince})
	var branches []string
	for d := 0; d < 1+r.IntN(3); d++ {
		dc := fmt.Sprintf("D%d", d)
		w.units = append(w.units, youthbot.Unit{Code: dc, Name: dc, Parent: "P", Kind: youthbot.KindDistrict})
		for b := 0; b < 1+r.IntN(3); b++ {
			bc := fmt.Sprintf("%s-B%d", dc, b)
			w.units = append(w.units, youthbot.Unit{Code: bc, Name: bc, Parent: dc, Kind: youthbot.KindBranch})
			branches = append(branches, bc)
		}
	}
	for _, u := range w.units {
		w.parent[u.Code] = u.Parent
	}
	day := func() (youthbot.Date, time.Time) {
		d := youthbot.Date{Year: 2025, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
		return d, d.Time(loc).Add(time.Duration(r.IntN(86400)) * time.Second)
	}
	update(t, db, func(tx *Tx) error {
		for _, u := range w.units {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		for i := range 40 + r.IntN(40) {
			_, reg := day()
			m := youthbot.Member{UserID: int64(1000 + i), Unit: branches[r.IntN(len(branches))], FullName: "M", Status: youthbot.StatusPending, RegisteredAt: reg}
			if r.IntN(5) > 0 {
				m.Status, m.DecidedAt = youthbot.StatusApproved, reg.Add(time.Duration(r.IntN(20*86400))*time.Second)
				if r.IntN(6) == 0 {
					m.LeftAt = m.DecidedAt.Add(time.Duration(r.IntN(90*86400)) * time.Second)
				}
			}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			if m.Status == youthbot.StatusApproved {
				if err := tx.OpenStint(m.UserID, m.Unit, m.DecidedAt, true); err != nil {
					return err
				}
				if !m.LeftAt.IsZero() {
					if err := tx.CloseStint(m.UserID, m.Unit, m.LeftAt); err != nil {
						return err
					}
				}
			}
			w.members = append(w.members, m)
		}
		statuses := []youthbot.ActivityStatus{youthbot.ActivityConfirmed, youthbot.ActivityConfirmed, youthbot.ActivityConfirmed,
			youthbot.ActivityPending, youthbot.ActivityRejected, youthbot.ActivityUndone}
		for range 300 + r.IntN(300) {
			m := w.members[r.IntN(len(w.members))]
			d, at := day()
			a := youthbot.Activity{Member: m.UserID, Unit: m.Unit, Date: d, Tenths: r.IntN(241), Description: "x",
				Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: at}
			if err := tx.AddActivity(&a); err != nil {
				return err
			}
			if s := statuses[r.IntN(len(statuses))]; s != a.Status {
				a.Status = s
				if err := tx.PutActivity(&a); err != nil {
					return err
				}
			}
			w.acts = append(w.acts, a)
		}
		for range 10 + r.IntN(20) {
			d, at := day()
			p := youthbot.Project{Kind: youthbot.ProjectTask, Title: "t", Unit: w.units[r.IntN(len(w.units))].Code, Start: d, End: d}
			if r.IntN(2) == 0 {
				p.Kind = youthbot.ProjectWork
			}
			if err := tx.NewProject(&p); err != nil {
				return err
			}
			if r.IntN(3) > 0 {
				p.Status, p.DoneAt, p.DoneDate, p.ValueVND = youthbot.ProjectDone, at, d, int64(r.IntN(5))*1_000_000
				if err := tx.PutProject(&p); err != nil {
					return err
				}
			}
			w.projects = append(w.projects, p)
		}
		return tx.SetTarget(youthbot.Target{Unit: "P", Year: 2025, Metric: youthbot.MetricParticipations, Value: 50})
	})
	return w
}

// brute computes figures of top for p straight from the generated records.
func (w *world) brute(top string, p youthbot.Period, loc *time.Location) youthbot.Figures {
	f := youthbot.Figures{}
	start, end := p.Start(loc), p.End(loc)
	active, present := map[int64]bool{}, map[int64]bool{}
	for _, m := range w.members {
		if m.Status != youthbot.StatusApproved || !w.under(m.Unit, top) {
			continue
		}
		if m.DecidedAt.Before(end) && (m.LeftAt.IsZero() || !m.LeftAt.Before(end)) {
			f.MembersTotal++
		}
		if !m.DecidedAt.Before(start) && m.DecidedAt.Before(end) {
			f.MembersNew++
		}
		// A member counts as active only for a period they were in
		// the unit in (not before approval, not after leaving).
		if m.DecidedAt.Before(end) && (m.LeftAt.IsZero() || m.LeftAt.After(start)) {
			present[m.UserID] = true
		}
	}
	for _, a := range w.acts {
		if !w.under(a.Unit, top) || !p.Contains(a.Date) {
			continue
		}
		switch a.Status {
		case youthbot.ActivityConfirmed:
			f.Participations++
			f.Tenths += a.Tenths
			if present[a.Member] {
				active[a.Member] = true
			}
		case youthbot.ActivityPending:
			f.ParticipationsPending++
		}
	}
	f.MembersActive = len(active)
	for _, pr := range w.projects {
		if pr.Status != youthbot.ProjectDone || !w.under(pr.Unit, top) || !p.Contains(pr.DoneDate) {
			continue
		}
		if pr.Kind == youthbot.ProjectWork {
			f.WorksCompleted++
		} else {
			f.TasksCompleted++
		}
		f.ValueVND += pr.ValueVND
	}
	return f
}

func same(got *youthbot.Figures, want youthbot.Figures) bool {
	return got.MembersTotal == want.MembersTotal && got.MembersNew == want.MembersNew && got.MembersActive == want.MembersActive &&
		got.Participations == want.Participations && got.ParticipationsPending == want.ParticipationsPending &&
		got.Tenths == want.Tenths && got.WorksCompleted == want.WorksCompleted && got.TasksCompleted == want.TasksCompleted &&
		got.ValueVND == want.ValueVND
}

// TestFiguresMatchBruteForce checks the index-based figures against a
// straight count of the generated records, for every unit, every month and
// the year, on several random worlds.
func TestFiguresMatchBruteForce(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	for seed := uint64(1); seed <= 5; seed++ {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			db := open(t)
			w := generate(t, db, seed, loc)
			periods := []youthbot.Period{youthbot.YearPeriod(2025)}
			for m := time.January; m <= time.December; m++ {
				periods = append(periods, youthbot.MonthPeriod(2025, m))
			}
			view(t, db, func(tx *Tx) error {
				for _, u := range w.units {
					for _, p := range periods {
						got, err := tx.Figures(u.Code, p, loc)
						if err != nil {
							return err
						}
						if want := w.brute(u.Code, p, loc); !same(got, want) {
							t.Errorf("%s %s:\n got %+v\nwant %+v", u.Code, p, *got, want)
						}
						for _, c := range got.Children {
							if want := w.brute(c.Unit, p, loc); !same(c, want) {
								t.Errorf("child %s of %s %s:\n got %+v\nwant %+v", c.Unit, u.Code, p, *c, want)
							}
						}
					}
				}
				// The province's target: participations year to date.
				for m := time.January; m <= time.December; m++ {
					got, _ := tx.Figures("P", youthbot.MonthPeriod(2025, m), loc)
					ytd := w.brute("P", youthbot.Period{Year: 2025, From: time.January, To: m}, loc)
					if len(got.Targets) != 1 || got.Targets[0].Achieved != float64(ytd.Participations) {
						t.Errorf("target progress %s: got %+v, want achieved %d", youthbot.MonthPeriod(2025, m), got.Targets, ytd.Participations)
					}
				}
				return nil
			})
		})
	}
}
