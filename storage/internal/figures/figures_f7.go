package figures

import (
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// f7sums are the figures of union reports (F7) a tally adds up besides
// members' own participations: unit activities and the contribution of
// those and of done projects, projects by recognition level, breakthrough
// tasks and models of the period's year.
type f7sums struct {
	contrib           contribSums
	acts              int
	works, tasks      youthbot.LevelCounts
	breakReg, breakOK int
	doan, doi         int
}

func (a *f7sums) add(b *f7sums) {
	a.contrib.add(&b.contrib)
	a.acts += b.acts
	addLevels(&a.works, &b.works)
	addLevels(&a.tasks, &b.tasks)
	a.breakReg += b.breakReg
	a.breakOK += b.breakOK
	a.doan += b.doan
	a.doi += b.doi
}

func addLevels(a, b *youthbot.LevelCounts) {
	a.Province += b.Province
	a.District += b.District
	a.Grassroots += b.Grassroots
	a.Branch += b.Branch
}

// kindOf returns a unit's kind ("" for an unknown unit), read once per
// transaction.
func (t *Store) kindOf(unit string) youthbot.UnitKind {
	if k, ok := t.kinds[unit]; ok {
		return k
	}
	u, _ := t.views.Unit(unit)
	if t.kinds == nil {
		t.kinds = map[string]youthbot.UnitKind{}
	}
	t.kinds[unit] = u.Kind
	return u.Kind
}

// f7presence says which of F7's index buckets hold any entry: figures skip
// the seeks of an empty one for every unit and month (a database that
// never had a unit activity, a breakthrough task or a model).
type f7presence struct{ acts, plans bool }

// f7Present reads once per transaction (until one of those buckets is
// written) whether they hold anything.
func (t *Store) f7Present() *f7presence {
	if t.f7 == nil {
		first := func(b []byte) bool { k, _ := t.tx.Bucket(b).Cursor().First(); return k != nil }
		t.f7 = &f7presence{acts: first(kv.UnitActIndex), plans: first(kv.UnitBreakthroughs) || first(kv.UnitModels)}
	}
	return t.f7
}

// unitPlan adds one unit's own breakthrough tasks and models of year to r.
func (t *Store) unitPlan(r *tally, unit string, year int) {
	if !t.f7Present().plans {
		return
	}
	prefix := kv.YearPrefix(unit, year)
	kv.PrefixScan(t.tx, kv.UnitBreakthroughs, prefix, func(_, v []byte) error {
		r.f7.breakReg++
		if len(v) > 0 && v[0] == 1 {
			r.f7.breakOK++
		}
		return nil
	})
	kv.PrefixScan(t.tx, kv.UnitModels, prefix, func(_, v []byte) error {
		if len(v) > 0 && v[0] == 'i' {
			r.f7.doi++
		} else {
			r.f7.doan++
		}
		return nil
	})
}

// fillF7 writes a tally's F7 figures into f; Participations (the
// individual ones, filled before) gains every head count.
func fillF7(f *youthbot.Figures, t *tally) {
	c := &t.f7.contrib
	f.ParticipationsBy = c.heads
	f.ParticipationsBy.Members += int64(t.part)
	f.Participations = t.part + int(c.heads.Total())
	f.ValueVND = t.value + c.value
	f.PersonDayTenths = c.personDays
	f.ActivitiesHeld = t.f7.acts
	f.SupportVND = c.support
	f.Beneficiaries = c.benefits()
	f.WorksByLevel, f.TasksByLevel = t.f7.works, t.f7.tasks
	f.BreakthroughsRegistered, f.BreakthroughsCompleted = t.f7.breakReg, t.f7.breakOK
	f.Models = youthbot.ModelCounts{Doan: t.f7.doan, Doi: t.f7.doi}
}

// targetEval computes targets' progress year to date up to the end of a
// period, for units of one subtree: a unit's figures over its subtree
// (metric targets), and for per_unit targets every unit's below it, rolled
// up once for the subtree's top when the first such target asks.
type targetEval struct {
	t    *Store
	top  string
	p    youthbot.Period
	loc  *time.Location
	ytd  map[string]*tally // each unit's subtree's tally year to date, by code
	tree []string          // the top's subtree, parents before children
	up   map[string]string // each unit's parent within the subtree
	// whole rolls the top's subtree up for any unit's targets (the whole
	// tree's figures ask for many units').
	whole bool
}

func (t *Store) newTargetEval(top string, p youthbot.Period, loc *time.Location) *targetEval {
	return &targetEval{t: t, top: top, p: p, loc: loc}
}

// sum is the tally of root's subtree year to date: rolled up for the whole
// subtree when root is its top (the children then reuse it), else read
// afresh.
func (e *targetEval) sum(root string) *tally {
	if root == e.top || e.whole {
		e.rollUp()
	}
	if r, ok := e.ytd[root]; ok {
		return r
	}
	r := &tally{}
	ytd := e.p.YearToDate()
	for _, u := range e.t.views.ViewSubtree(root) {
		e.t.unitActs(r, u, ytd)
		e.t.unitStints(r, u, ytd, e.loc)
	}
	return r
}

// rollUp computes every unit's subtree tally year to date for the top's
// subtree (which holds every unit a target asks about): each unit's own
// data once, added up the tree.
func (e *targetEval) rollUp() {
	if e.ytd != nil {
		return
	}
	e.tree, e.up = []string{e.top}, map[string]string{}
	for i := 0; i < len(e.tree); i++ {
		for _, c := range e.t.views.ViewChildCodes(e.tree[i]) {
			e.up[c] = e.tree[i]
			e.tree = append(e.tree, c)
		}
	}
	ytd := e.p.YearToDate()
	e.ytd = make(map[string]*tally, len(e.tree))
	for _, u := range e.tree {
		r := &tally{}
		e.t.unitActs(r, u, ytd)
		e.t.unitStints(r, u, ytd, e.loc)
		e.ytd[u] = r
	}
	for i := len(e.tree) - 1; i > 0; i-- {
		e.ytd[e.up[e.tree[i]]].add(e.ytd[e.tree[i]])
	}
}

// below lists root and the units under it within the top's subtree.
func (e *targetEval) below(root string) []string {
	var out []string
	for _, u := range e.tree {
		for a := u; ; a = e.up[a] {
			if a == root {
				out = append(out, u)
				break
			}
			if a == e.top {
				break
			}
		}
	}
	return out
}

// progress fills f.Targets with root's targets of the period's year; same
// is root's tally for the period, reused when the period is the year to
// date.
func (e *targetEval) progress(f *youthbot.Figures, root string, same *tally) {
	targets := e.t.plan.Targets(root, e.p.Year)
	if len(targets) == 0 {
		return
	}
	var yf *youthbot.Figures
	figures := func() *youthbot.Figures {
		if yf == nil {
			y := same
			if e.p.YearToDate() != e.p {
				y = e.sum(root)
			}
			yf = &youthbot.Figures{}
			fill(yf, y)
		}
		return yf
	}
	for _, tg := range targets {
		switch tg.KindOf() {
		case youthbot.TargetManual:
			f.Targets = append(f.Targets, youthbot.Progress(tg, float64(tg.Achieved)))
		case youthbot.TargetPerUnit:
			e.rollUp()
			units, reached := 0, 0
			for _, u := range e.below(root) {
				if e.t.kindOf(u) != tg.UnitKind {
					continue
				}
				units++
				uf := &youthbot.Figures{}
				fill(uf, e.ytd[u])
				if uf.Metric(tg.Metric) >= float64(tg.Value) {
					reached++
				}
			}
			f.Targets = append(f.Targets, youthbot.PerUnitProgress(tg, units, reached))
		default:
			f.Targets = append(f.Targets, youthbot.Progress(tg, figures().Metric(tg.Metric)))
		}
	}
}
