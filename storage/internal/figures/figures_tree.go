package figures

import (
	"time"

	"youthbot"
)

// FiguresTree computes the figures of unit for period p like Figures, with
// Children nested down to the branches: every unit of the subtree with its
// own figures (over its own subtree) and targets. Each unit's data is read
// once and added up the tree, so the cost is the subtree's data in the
// period (and, for targets, year to date), whatever its depth.
func (t *Store) FiguresTree(unit string, p youthbot.Period, loc *time.Location) (*youthbot.Figures, error) {
	done, _ := t.views.UseView(unit, p) // the period's tree (F8, tree/tree_figures.go)
	defer done()
	top, err := t.views.ViewUnit(unit)
	if err != nil {
		return nil, err
	}
	// The subtree, parents before children, and each unit's own tally.
	units := []youthbot.Unit{top}
	parent := []int{-1}
	for i := 0; i < len(units); i++ {
		kids, err := t.views.ViewChildren(units[i].Code)
		if err != nil {
			return nil, err
		}
		for _, c := range kids {
			units = append(units, c)
			parent = append(parent, i)
		}
	}
	// Each unit's own data, and the units each member took part in.
	tallies := make([]*tally, len(units))
	acted := map[int64][]int32{}
	for i, u := range units {
		tallies[i] = newTally(true)
		t.unitActs(tallies[i], u.Code, p)
		for m := range tallies[i].active {
			acted[m] = append(acted[m], int32(i))
		}
		tallies[i].active = nil // counted below, not merged up the tree
	}
	// Members and, for those who took part, the units whose stints show
	// them present during the period.
	present := map[int64][]int32{}
	start, end := p.Start(loc).Unix(), p.End(loc).Unix()
	for i, u := range units {
		t.countStints(tallies[i], u.Code, start, end, func(m int64) {
			if acted[m] != nil {
				present[m] = append(present[m], int32(i))
			}
		})
	}
	// Up the tree: a unit's tally is its own plus its children's.
	for i := len(units) - 1; i > 0; i-- {
		tallies[parent[i]].add(tallies[i])
	}
	// A member is active in every unit above (or at) both a unit they took
	// part in and one they were present in: marked up each chain once.
	activeIn := make([]int, len(units))
	markA, markP := make([]int, len(units)), make([]int, len(units))
	round := 0
	for m, in := range acted {
		there := present[m]
		if len(there) == 0 {
			continue
		}
		round++
		for _, i := range in {
			for n := int(i); n >= 0 && markA[n] != round; n = parent[n] {
				markA[n] = round
			}
		}
		for _, i := range there {
			for n := int(i); n >= 0 && markP[n] != round; n = parent[n] {
				markP[n] = round
				if markA[n] == round {
					activeIn[n]++
				}
			}
		}
	}
	figures := make([]*youthbot.Figures, len(units))
	for i, u := range units {
		figures[i] = &youthbot.Figures{Unit: u.Code, Name: u.Name, Kind: u.Kind, Period: p}
		fill(figures[i], tallies[i])
		figures[i].MembersActive = activeIn[i]
		if i > 0 {
			figures[parent[i]].Children = append(figures[parent[i]].Children, figures[i])
		}
	}
	ev := t.newTargetEval(unit, p, loc)
	ev.whole = true
	for i, u := range units {
		ev.progress(figures[i], u.Code, tallies[i])
	}
	t.views.MarkTree(figures[0])
	return figures[0], nil
}
