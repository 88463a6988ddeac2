package storage

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"youthbot"
)

// f7world is the F7 data added to a generated world: unit activities (some
// edited, moved or deleted after being added), done projects' contribution
// and level, breakthrough tasks, models, targets of every kind and imported
// members.
type f7world struct {
	*world
	unitActs []youthbot.UnitActivity
	breaks   []youthbot.Breakthrough
	models   []youthbot.Model
	targets  []youthbot.Target
	imported []youthbot.Member
}

func (w *f7world) kind(unit string) youthbot.UnitKind {
	for _, u := range w.units {
		if u.Code == unit {
			return u.Kind
		}
	}
	return ""
}

func randomContribution(r *rand.Rand) youthbot.Contribution {
	c := youthbot.Contribution{
		Heads: youthbot.HeadCounts{Members: int64(r.IntN(30)), Youth: int64(r.IntN(20)),
			Students: int64(r.IntN(3) * r.IntN(40)), Residents: int64(r.IntN(2) * r.IntN(100))},
		PersonDayTenths: int64(r.IntN(100)),
		SupportVND:      int64(r.IntN(4)) * 500_000,
	}
	for _, g := range youthbot.BenefitGroups {
		if r.IntN(3) == 0 {
			c.SetBenefit(youthbot.Benefit{Group: g, People: int64(r.IntN(50)), ValueVND: int64(r.IntN(10)) * 100_000})
		}
	}
	return c
}

// generateF7 adds F7 data of 2025 (and some of 2024) to a generated world.
func generateF7(t *testing.T, db *DB, seed uint64, loc *time.Location) *f7world {
	w := &f7world{world: generate(t, db, seed, loc)}
	r := rand.New(rand.NewPCG(seed, seed+7))
	now := time.Date(2026, 1, 10, 9, 0, 0, 0, loc)
	unit := func() string { return w.units[r.IntN(len(w.units))].Code }
	day := func() youthbot.Date {
		return youthbot.Date{Year: 2024 + r.IntN(4)/3, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}
	}
	update(t, db, func(tx *Tx) error {
		for i := range 60 + r.IntN(60) {
			a := youthbot.UnitActivity{Unit: unit(), Date: day(), Title: "hd", ValueVND: int64(r.IntN(3)) * 1_000_000,
				Contribution: randomContribution(r), CreatedBy: int64(1000 + r.IntN(40)), CreatedAt: now}
			if i%3 == 0 {
				a.OfficeCode = fmt.Sprintf("HD%d", i)
			}
			if err := tx.AddUnitActivity(&a); err != nil {
				return err
			}
			switch r.IntN(6) {
			case 0: // deleted
				if err := tx.DeleteUnitActivity(a.ID); err != nil {
					return err
				}
				continue
			case 1: // edited: moved to another unit and day, other figures
				a.Unit, a.Date, a.Contribution, a.ValueVND = unit(), day(), randomContribution(r), 0
				if err := tx.PutUnitActivity(&a); err != nil {
					return err
				}
			}
			w.unitActs = append(w.unitActs, a)
		}
		levels := []youthbot.UnitKind{"", "", youthbot.KindProvince, youthbot.KindDistrict, youthbot.KindBranch}
		for i := range w.projects {
			p := &w.projects[i]
			if p.Status != youthbot.ProjectDone {
				continue
			}
			p.Contribution, p.Level = randomContribution(r), levels[r.IntN(len(levels))]
			if r.IntN(4) == 0 { // completed on another day than first said
				p.DoneDate = day()
			}
			if r.IntN(8) == 0 { // reopened
				p.Status = youthbot.ProjectOpen
			}
			if err := tx.PutProject(p); err != nil {
				return err
			}
		}
		for i := range 10 + r.IntN(10) {
			b := youthbot.Breakthrough{Year: 2024 + r.IntN(3)/2, Unit: unit(), Text: fmt.Sprint("nhiệm vụ ", i), CreatedAt: now}
			if err := tx.AddBreakthrough(&b); err != nil {
				return err
			}
			if r.IntN(2) == 0 {
				b.Completed, b.CompletedAt = true, now
				if err := tx.PutBreakthrough(&b); err != nil {
					return err
				}
			}
			w.breaks = append(w.breaks, b)
		}
		for i := range 10 + r.IntN(10) {
			m := youthbot.Model{Year: 2024 + r.IntN(3)/2, Unit: unit(), Name: fmt.Sprint("mô hình ", i), Field: youthbot.ModelDoan, CreatedAt: now}
			if r.IntN(2) == 0 {
				m.Field = youthbot.ModelDoi
			}
			if err := tx.AddModel(&m); err != nil {
				return err
			}
			w.models = append(w.models, m)
		}
		var branches []string
		for _, u := range w.units {
			if u.Kind == youthbot.KindBranch {
				branches = append(branches, u.Code)
			}
		}
		for i := range 20 {
			m := youthbot.Member{Unit: branches[r.IntN(len(branches))], FullName: fmt.Sprint("Nguyễn Văn ", string(rune('A'+i))),
				Birth: youthbot.Date{Year: 2000, Month: 1, Day: 1 + i}, Joined: youthbot.Date{Year: 2024 + r.IntN(2), Month: time.Month(1 + r.IntN(12)), Day: 1}}
			if _, err := tx.UpsertImportedMember(&m, now, loc); err != nil {
				return err
			}
			w.imported = append(w.imported, m)
		}
		w.targets = []youthbot.Target{
			{Unit: "P", Year: 2025, Code: "CT01", Kind: youthbot.TargetMetric, Metric: youthbot.MetricActivities, Value: 20},
			{Unit: "P", Year: 2025, Code: "CT02", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricActivities, UnitKind: youthbot.KindBranch, Value: 2},
			{Unit: "P", Year: 2025, Code: "CT03", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricParticipations, UnitKind: youthbot.KindDistrict, Value: 100},
			{Unit: "P", Year: 2025, Code: "CT04", Kind: youthbot.TargetManual, Value: 4500, Achieved: 5000, Text: "Kết nạp mới 4.500 đoàn viên"},
			{Unit: "P", Year: 2025, Code: "CT05", Metric: youthbot.BeneficiariesOf(youthbot.BenefitChildren), Value: 100},
			{Unit: "D0", Year: 2025, Code: "CT01", Kind: youthbot.TargetPerUnit, Metric: youthbot.MetricWorks, UnitKind: youthbot.KindBranch, Value: 1},
			{Unit: "D0", Year: 2025, Metric: youthbot.MetricSupportVND, Value: 1_000_000},
			{Unit: "P", Year: 2024, Code: "CT01", Kind: youthbot.TargetManual, Value: 10, Achieved: 1}, // another year
			{Unit: "P", Year: 2025, Metric: youthbot.MetricParticipations, Value: 50},                  // generate's
		}
		for _, tg := range w.targets {
			if err := tx.SetTarget(tg); err != nil {
				return err
			}
		}
		return nil
	})
	return w
}

// brute7 computes top's figures for p from the generated records, F7's
// included, and its targets year to date.
func (w *f7world) brute7(top string, p youthbot.Period, loc *time.Location, targets bool) youthbot.Figures {
	f := w.brute(top, p, loc)
	start, end := p.Start(loc), p.End(loc)
	for _, m := range w.imported {
		if w.under(m.Unit, top) {
			from := m.Joined.Time(loc)
			if from.Before(end) {
				f.MembersTotal++
			}
			if !from.Before(start) && from.Before(end) {
				f.MembersNew++
			}
		}
	}
	f.ParticipationsBy.Members = int64(f.Participations)
	people, given := map[youthbot.BenefitGroup]int64{}, map[youthbot.BenefitGroup]int64{}
	add := func(c youthbot.Contribution) {
		f.ParticipationsBy.Add(c.Heads)
		f.Participations += int(c.Heads.Total())
		f.PersonDayTenths += c.PersonDayTenths
		f.SupportVND += c.SupportVND
		for _, b := range c.Beneficiaries {
			people[b.Group] += b.People
			given[b.Group] += b.ValueVND
		}
	}
	for _, a := range w.unitActs {
		if w.under(a.Unit, top) && p.Contains(a.Date) {
			f.ActivitiesHeld++
			f.ValueVND += a.ValueVND
			add(a.Contribution)
		}
	}
	for _, pr := range w.projects {
		if pr.Status != youthbot.ProjectDone || !w.under(pr.Unit, top) || !p.Contains(pr.DoneDate) {
			continue
		}
		add(pr.Contribution)
		level := pr.Level
		if level == "" {
			level = w.kind(pr.Unit)
		}
		if pr.Kind == youthbot.ProjectWork {
			f.WorksByLevel.Add(level, 1)
		} else {
			f.TasksByLevel.Add(level, 1)
		}
	}
	for _, g := range youthbot.BenefitGroups {
		if people[g] > 0 || given[g] > 0 {
			f.Beneficiaries = append(f.Beneficiaries, youthbot.Benefit{Group: g, People: people[g], ValueVND: given[g]})
		}
	}
	for _, b := range w.breaks {
		if b.Year == p.Year && w.under(b.Unit, top) {
			f.BreakthroughsRegistered++
			if b.Completed {
				f.BreakthroughsCompleted++
			}
		}
	}
	for _, m := range w.models {
		if m.Year == p.Year && w.under(m.Unit, top) {
			if m.Field == youthbot.ModelDoi {
				f.Models.Doi++
			} else {
				f.Models.Doan++
			}
		}
	}
	if !targets {
		return f
	}
	ytd := p.YearToDate()
	var mine []youthbot.Target
	for _, tg := range w.targets {
		if tg.Unit == top && tg.Year == p.Year {
			mine = append(mine, tg)
		}
	}
	// Old-style targets first, then by code: Targets' order.
	slices.SortStableFunc(mine, func(a, b youthbot.Target) int {
		switch {
		case a.Code == "" && b.Code != "":
			return -1
		case a.Code != "" && b.Code == "":
			return 1
		}
		return cmpStrings(a.Code, b.Code)
	})
	for _, tg := range mine {
		switch tg.KindOf() {
		case youthbot.TargetManual:
			f.Targets = append(f.Targets, youthbot.Progress(tg, float64(tg.Achieved)))
		case youthbot.TargetPerUnit:
			units, reached := 0, 0
			for _, u := range w.units {
				if u.Kind == tg.UnitKind && w.under(u.Code, top) {
					units++
					if uf := w.brute7(u.Code, ytd, loc, false); uf.Metric(tg.Metric) >= float64(tg.Value) {
						reached++
					}
				}
			}
			f.Targets = append(f.Targets, youthbot.PerUnitProgress(tg, units, reached))
		default:
			yf := w.brute7(top, ytd, loc, false)
			f.Targets = append(f.Targets, youthbot.Progress(tg, yf.Metric(tg.Metric)))
		}
	}
	return f
}

func cmpStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// same7 compares every figure but the children.
func same7(got *youthbot.Figures, want youthbot.Figures) bool {
	g := *got
	g.Unit, g.Name, g.Kind, g.Period, g.Children = "", "", "", youthbot.Period{}, nil
	if len(g.Targets) == 0 {
		g.Targets = nil
	}
	return fmt.Sprintf("%+v", g) == fmt.Sprintf("%+v", want)
}

// TestF7FiguresMatchBruteForce checks Figures (and its children) and
// FiguresTree (every unit of the tree) against a straight count of the
// generated records, F7's figures and every kind of target included, for
// every unit, month and the year.
func TestF7FiguresMatchBruteForce(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("Seed", seed), func(t *testing.T) {
			db := open(t)
			w := generateF7(t, db, seed, loc)
			periods := []youthbot.Period{youthbot.YearPeriod(2025), youthbot.YearPeriod(2024)}
			for m := time.January; m <= time.December; m += 1 + time.Month(seed%3) {
				periods = append(periods, youthbot.MonthPeriod(2025, m))
			}
			view(t, db, func(tx *Tx) error {
				for _, p := range periods {
					for _, u := range w.units {
						got, err := tx.Figures(u.Code, p, loc)
						if err != nil {
							return err
						}
						if want := w.brute7(u.Code, p, loc, true); !same7(got, want) {
							t.Errorf("%s %s:\n got %+v\nwant %+v", u.Code, p, *got, want)
						}
						for _, c := range got.Children {
							if want := w.brute7(c.Unit, p, loc, true); !same7(c, want) {
								t.Errorf("child %s of %s %s:\n got %+v\nwant %+v", c.Unit, u.Code, p, *c, want)
							}
						}
					}
					tree, err := tx.FiguresTree("P", p, loc)
					if err != nil {
						return err
					}
					seen := 0
					var walk func(f *youthbot.Figures)
					walk = func(f *youthbot.Figures) {
						seen++
						if want := w.brute7(f.Unit, p, loc, true); !same7(f, want) {
							t.Errorf("tree %s %s:\n got %+v\nwant %+v", f.Unit, p, *f, want)
						}
						for _, c := range f.Children {
							if w.parent[c.Unit] != f.Unit {
								t.Errorf("tree: %s under %s", c.Unit, f.Unit)
							}
							walk(c)
						}
					}
					walk(tree)
					if seen != len(w.units) {
						t.Errorf("tree %s has %d units, want %d", p, seen, len(w.units))
					}
				}
				return nil
			})
		})
	}
}
