package storage

import (
	"encoding/binary"
	"time"

	"youthbot"
)

// tally is one unit's own figures for a period, before rolling up.
// active are the members with a confirmed participation credited to the
// unit; present are those whose stint in the unit overlaps the period. A
// member counts as active only where they were a member during the period:
// /log credits a participation to the member's branch when it is logged,
// and one dated before a transfer lands in a branch the member was not in
// on that date (the "1/0 ĐV tham gia" of issue 11).
type tally struct {
	total, fresh, part, pending, tenths, works, tasks int
	value                                             int64
	active, present                                   map[int64]struct{}
}

func newTally(withActive bool) *tally {
	r := &tally{}
	if withActive {
		r.active, r.present = map[int64]struct{}{}, map[int64]struct{}{}
	}
	return r
}

// activeCount is the number of members who took part in the unit while
// they were in it.
func (a *tally) activeCount() int {
	n := 0
	for m := range a.active {
		if _, ok := a.present[m]; ok {
			n++
		}
	}
	return n
}

func (a *tally) add(b *tally) {
	a.total += b.total
	a.fresh += b.fresh
	a.part += b.part
	a.pending += b.pending
	a.tenths += b.tenths
	a.works += b.works
	a.tasks += b.tasks
	a.value += b.value
	for m := range b.active {
		a.active[m] = struct{}{}
	}
	for m := range b.present {
		a.present[m] = struct{}{}
	}
}

// months returns the YYYYMM keys of p.
func months(p youthbot.Period) [][]byte {
	var out [][]byte
	for m := p.From; m <= p.To; m++ {
		out = append(out, monthKey(youthbot.Date{Year: p.Year, Month: m, Day: 1}))
	}
	return out
}

// unitTally reads one unit's own figures from the indexes: stints for
// members, act_index for participations, projects_done for works, tasks and
// value. Its cost is the unit's entries in the period (and its stints), not
// the database. withActive collects the distinct active members and those
// present in the unit during the period.
func (t *Tx) unitTally(unit string, p youthbot.Period, loc *time.Location, withActive bool) *tally {
	r := newTally(withActive)
	start, end := p.Start(loc).Unix(), p.End(loc).Unix()
	t.prefixScan(bStints, join([]byte(unit), nil), func(k, v []byte) error {
		from := int64(binary.BigEndian.Uint64(k[len(k)-8:]))
		to := int64(binary.BigEndian.Uint64(v[:8]))
		if from < end && (to == 0 || to >= end) {
			r.total++
		}
		if withActive && from < end && (to == 0 || to > start) {
			r.present[keyID(k[len(k)-16:len(k)-8])] = struct{}{}
		}
		if v[8] == 1 && from >= start && from < end {
			r.fresh++
		}
		return nil
	})
	for _, month := range months(p) {
		t.prefixScan(bActIndex, join([]byte(unit), month, nil), func(_, v []byte) error {
			switch v[0] {
			case 'c':
				r.part++
				r.tenths += int(binary.BigEndian.Uint32(v[1:5]))
				if withActive {
					r.active[keyID(v[5:13])] = struct{}{}
				}
			case 'p':
				r.pending++
			}
			return nil
		})
		t.prefixScan(bProjectsDone, join([]byte(unit), month, nil), func(_, v []byte) error {
			if v[0] == 'w' {
				r.works++
			} else {
				r.tasks++
			}
			r.value += int64(binary.BigEndian.Uint64(v[1:9]))
			return nil
		})
	}
	return r
}

// Figures computes the figures of unit for period p, its whole subtree
// included, with one level of children and each one's targets' progress year
// to date up to the end of p. Dates are calendar dates in loc. The work
// grows with the data of the subtree in the period, not with the database.
func (t *Tx) Figures(unit string, p youthbot.Period, loc *time.Location) (*youthbot.Figures, error) {
	top, err := t.Unit(unit)
	if err != nil {
		return nil, err
	}
	children, err := t.Children(unit)
	if err != nil {
		return nil, err
	}
	// Every unit of the subtree once, credited to the top and to the child
	// it lies under.
	own := func(u string, q youthbot.Period, withActive bool) *tally { return t.unitTally(u, q, loc, withActive) }
	sum := func(root string, q youthbot.Period, withActive bool) *tally {
		r := newTally(withActive)
		for _, u := range t.Subtree(root) {
			r.add(own(u, q, withActive))
		}
		return r
	}
	f := &youthbot.Figures{Unit: top.Code, Name: top.Name, Kind: top.Kind, Period: p}
	kids := make([]*tally, len(children))
	total := own(unit, p, true)
	for i, c := range children {
		kids[i] = sum(c.Code, p, true)
		total.add(kids[i])
	}
	fill(f, total)
	for i, c := range children {
		cf := &youthbot.Figures{Unit: c.Code, Name: c.Name, Kind: c.Kind, Period: p}
		fill(cf, kids[i])
		f.Children = append(f.Children, cf)
	}
	// Targets: year to date, computed only for units that have any.
	ytd := p.YearToDate()
	progress := func(f *youthbot.Figures, root string, same *tally) {
		targets := t.Targets(root, p.Year)
		if len(targets) == 0 {
			return
		}
		y := same
		if ytd != p {
			y = sum(root, ytd, false)
		}
		yf := &youthbot.Figures{}
		fill(yf, y)
		for _, tg := range targets {
			f.Targets = append(f.Targets, youthbot.Progress(tg, yf.Metric(tg.Metric)))
		}
	}
	progress(f, unit, total)
	for i, c := range children {
		progress(f.Children[i], c.Code, kids[i])
	}
	return f, nil
}

func fill(f *youthbot.Figures, t *tally) {
	f.MembersTotal, f.MembersNew = t.total, t.fresh
	f.MembersActive = t.activeCount()
	f.Participations, f.ParticipationsPending, f.Tenths = t.part, t.pending, t.tenths
	f.WorksCompleted, f.TasksCompleted, f.ValueVND = t.works, t.tasks, t.value
}
