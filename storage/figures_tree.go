package storage

import (
	"encoding/binary"
	"time"

	"youthbot"
)

// FiguresTree computes the figures of unit for period p like Figures, with
// Children nested down to the branches: every unit of the subtree with its
// own figures (over its own subtree) and targets. Each unit's data is read
// once and added up the tree, so the cost is the subtree's data in the
// period (and, for targets, year to date), whatever its depth.
func (t *Tx) FiguresTree(unit string, p youthbot.Period, loc *time.Location) (*youthbot.Figures, error) {
	top, err := t.Unit(unit)
	if err != nil {
		return nil, err
	}
	// The subtree, parents before children, and each unit's own tally.
	units := []youthbot.Unit{top}
	up := map[string]int{} // unit → index of its parent in units
	depth := []int{0}
	for i := 0; i < len(units); i++ {
		kids, err := t.Children(units[i].Code)
		if err != nil {
			return nil, err
		}
		for _, c := range kids {
			up[c.Code] = i
			units = append(units, c)
			depth = append(depth, depth[i]+1)
		}
	}
	index := make(map[string]int, len(units))
	tallies := make([]*tally, len(units))
	everyone := map[int64]bool{} // members active anywhere in the subtree
	for i, u := range units {
		index[u.Code] = i
		tallies[i] = newTally(true)
		t.unitActs(tallies[i], u.Code, p)
		for m := range tallies[i].active {
			everyone[m] = true
		}
	}
	// Members and, for the active ones, the units whose stints show them
	// present during the period.
	present := map[int64][]int{}
	start, end := p.Start(loc).Unix(), p.End(loc).Unix()
	for i, u := range units {
		r := tallies[i]
		t.prefixScan(bStints, join([]byte(u.Code), nil), func(k, v []byte) error {
			from := int64(binary.BigEndian.Uint64(k[len(k)-8:]))
			to := int64(binary.BigEndian.Uint64(v[:8]))
			if from < end && (to == 0 || to >= end) {
				r.total++
			}
			if v[8] == 1 && from >= start && from < end {
				r.fresh++
			}
			if from >= end || to != 0 && to <= start {
				return nil
			}
			if m := keyID(k[len(k)-16 : len(k)-8]); everyone[m] {
				present[m] = append(present[m], i)
			}
			return nil
		})
	}
	// Up the tree: a unit's tally is its own plus its children's.
	for i := len(units) - 1; i > 0; i-- {
		tallies[up[units[i].Code]].add(tallies[i])
	}
	// An active member counts where one of their stints lies in the subtree.
	under := func(i, root int) bool {
		for i != root && depth[i] > depth[root] {
			i = up[units[i].Code]
		}
		return i == root
	}
	for s, r := range tallies {
		for m := range r.active {
			for _, i := range present[m] {
				if under(i, s) {
					r.active[m] = true
					break
				}
			}
		}
	}
	figures := make([]*youthbot.Figures, len(units))
	for i, u := range units {
		figures[i] = &youthbot.Figures{Unit: u.Code, Name: u.Name, Kind: u.Kind, Period: p}
		fill(figures[i], tallies[i])
		if i > 0 {
			parent := figures[up[u.Code]]
			parent.Children = append(parent.Children, figures[i])
		}
	}
	ev := t.newTargetEval(unit, p, loc)
	ev.whole = true
	for i, u := range units {
		ev.progress(figures[i], u.Code, tallies[i])
	}
	return figures[0], nil
}
