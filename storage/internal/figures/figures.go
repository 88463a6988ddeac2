package figures

import (
	"encoding/binary"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// tally is the figures of one unit or subtree for a period, before they are
// filled in. active are the members with a confirmed participation credited
// to it, true once the stints show they were in it during the period. A
// member counts as active only where they were a member during the period:
// /log credits a participation to the member's branch when it is logged,
// and one dated before a transfer lands in a branch the member was not in
// on that date (the "1/0 ĐV tham gia" of issue 11).
type tally struct {
	total, fresh, part, pending, tenths, works, tasks int
	value                                             int64
	active                                            map[int64]bool
	unmarked                                          int // active members not yet seen present
	f7                                                f7sums
}

// activeMember adds m to the active members.
func (a *tally) activeMember(m int64) {
	if _, ok := a.active[m]; !ok {
		a.active[m] = false
		a.unmarked++
	}
}

func newTally(withActive bool) *tally {
	r := &tally{}
	if withActive {
		r.active = map[int64]bool{}
	}
	return r
}

// mark records that active member m was in the unit during the period.
func (a *tally) mark(m int64) {
	a.active[m] = true
	a.unmarked--
}

// carry marks in a the members b saw present.
func (a *tally) carry(b *tally) {
	for m, here := range b.active {
		if here && !a.active[m] {
			a.mark(m)
		}
	}
}

// add adds b's counts and active members to a (whether they were present
// is marked by the stints scan, once every activity is in).
func (a *tally) add(b *tally) {
	a.total += b.total
	a.fresh += b.fresh
	a.part += b.part
	a.pending += b.pending
	a.tenths += b.tenths
	a.works += b.works
	a.tasks += b.tasks
	a.value += b.value
	a.f7.add(&b.f7)
	for m := range b.active {
		a.activeMember(m)
	}
}

// unitActs adds one unit's own participations, works, tasks and value in
// the period to r, from act_index and projects_done; with r.active the
// distinct members who took part. Its cost is the unit's entries in the
// period, not the database.
func (t *Store) unitActs(r *tally, unit string, p youthbot.Period) {
	acts, done, unitActs := t.tx.Bucket(kv.ActIndex), t.tx.Bucket(kv.ProjectsDone), t.tx.Bucket(kv.UnitActIndex)
	for _, month := range kv.Months(p) {
		kv.Scan(acts, kv.Join([]byte(unit), month, nil), func(_, v []byte) error {
			switch v[0] {
			case 'c':
				r.part++
				r.tenths += int(binary.BigEndian.Uint32(v[1:5]))
				if r.active != nil {
					r.activeMember(kv.KeyID(v[5:13]))
				}
			case 'p':
				r.pending++
			}
			return nil
		})
		kv.Scan(done, kv.Join([]byte(unit), month, nil), func(_, v []byte) error {
			level := youthbot.UnitKind("")
			if len(v) > 9 && int(v[9]) < len(kv.LevelOfCode) {
				level = kv.LevelOfCode[v[9]]
				if len(v) > 10 {
					r.f7.contrib.addContribution(v[10:])
				}
			}
			if level == "" {
				level = t.kindOf(unit)
			}
			if v[0] == 'w' {
				r.works++
				r.f7.works.Add(level, 1)
			} else {
				r.tasks++
				r.f7.tasks.Add(level, 1)
			}
			r.value += int64(binary.BigEndian.Uint64(v[1:9]))
			return nil
		})
		if !t.f7Present().acts {
			continue
		}
		kv.Scan(unitActs, kv.Join([]byte(unit), month, nil), func(_, v []byte) error {
			r.f7.acts++
			if len(v) > 1 {
				r.f7.contrib.addContribution(v[1:])
			}
			return nil
		})
	}
	t.unitPlan(r, unit, p.Year)
}

// unitStints adds one unit's own members at the end of the period and those
// newly admitted during it to r, from its stints; and marks, in the first
// of marks that has them active, the active members whose stint here
// overlaps the period (the caller carries a mark in a subtree's tally over
// to the tallies above it, so the big one is looked up only for the rest).
// Its cost is the unit's stints.
func (t *Store) unitStints(r *tally, unit string, p youthbot.Period, loc *time.Location, marks ...*tally) {
	t.countStints(r, unit, p.Start(loc).Unix(), p.End(loc).Unix(), func(m int64) {
		for _, s := range marks {
			if s.unmarked == 0 {
				continue // every active member seen: nothing to look up
			}
			if here, ok := s.active[m]; ok {
				if !here {
					s.mark(m)
				}
				break
			}
		}
	})
}

// countStints adds unit's own members at end and those newly admitted in
// [start, end) to r, from its stints, and calls overlap with each member
// whose stint here overlaps [start, end). Times are Unix seconds.
func (t *Store) countStints(r *tally, unit string, start, end int64, overlap func(member int64)) {
	kv.PrefixScan(t.tx, kv.Stints, kv.Join([]byte(unit), nil), func(k, v []byte) error {
		from := int64(binary.BigEndian.Uint64(k[len(k)-8:]))
		to := int64(binary.BigEndian.Uint64(v[:8]))
		if from < end && (to == 0 || to >= end) {
			r.total++
		}
		if v[8] == 1 && from >= start && from < end {
			r.fresh++
		}
		if from < end && (to == 0 || to > start) {
			overlap(kv.KeyID(k[len(k)-16 : len(k)-8]))
		}
		return nil
	})
}

// Figures computes the figures of unit for period p, its whole subtree
// included, with one level of children and each one's targets' progress year
// to date up to the end of p. Dates are calendar dates in loc. The work
// grows with the data of the subtree in the period, not with the database.
func (t *Store) Figures(unit string, p youthbot.Period, loc *time.Location) (*youthbot.Figures, error) {
	done, _ := t.views.UseView(unit, p) // the period's tree (F8, tree/tree_figures.go)
	defer done()
	top, err := t.views.ViewUnit(unit)
	if err != nil {
		return nil, err
	}
	children, err := t.views.ViewChildren(unit)
	if err != nil {
		return nil, err
	}
	// Every unit of the subtree once, credited to the top and to the child
	// it lies under: activities first, so that the stints scan knows whose
	// presence to mark.
	subtrees := make([][]string, len(children))
	total := newTally(true)
	t.unitActs(total, unit, p)
	kids := make([]*tally, len(children))
	for i, c := range children {
		subtrees[i] = t.views.ViewSubtree(c.Code)
		kids[i] = newTally(true)
		for _, u := range subtrees[i] {
			t.unitActs(kids[i], u, p)
		}
		total.add(kids[i])
	}
	t.unitStints(total, unit, p, loc, total)
	for i := range children {
		members := &tally{}
		for _, u := range subtrees[i] {
			t.unitStints(members, u, p, loc, kids[i], total)
		}
		kids[i].total, kids[i].fresh = members.total, members.fresh
		total.carry(kids[i])
		total.total += members.total
		total.fresh += members.fresh
	}
	f := &youthbot.Figures{Unit: top.Code, Name: top.Name, Kind: top.Kind, Period: p}
	fill(f, total)
	for i, c := range children {
		cf := &youthbot.Figures{Unit: c.Code, Name: c.Name, Kind: c.Kind, Period: p}
		fill(cf, kids[i])
		f.Children = append(f.Children, cf)
	}
	// Targets: year to date, computed only for units that have any.
	ev := t.newTargetEval(unit, p, loc)
	ev.progress(f, unit, total)
	for i, c := range children {
		ev.progress(f.Children[i], c.Code, kids[i])
	}
	t.views.MarkTree(f)
	return f, nil
}

func fill(f *youthbot.Figures, t *tally) {
	f.MembersTotal, f.MembersNew = t.total, t.fresh
	f.MembersActive = 0
	for _, here := range t.active {
		if here {
			f.MembersActive++
		}
	}
	f.Participations, f.ParticipationsPending, f.Tenths = t.part, t.pending, t.tenths
	f.WorksCompleted, f.TasksCompleted, f.ValueVND = t.works, t.tasks, t.value
	fillF7(f, t)
}
