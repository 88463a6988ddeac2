package tree

import (
	"slices"

	"youthbot"
)

// Figures read the tree of their period (F8). With --tree period (the
// default) a unit's subtree is the one of the period's last day, or, for a
// unit that ceased within the period (or before it), of its last day; with
// --tree current it is today's, each unit that ceased rolled into the one
// it merged into (or its parent on its last day). A database without
// history reads today's tree either way. The dated children index makes
// a unit's children on a day one scan of the versions ever under it: the
// cost does not grow with the length of the whole history.

// Views is the tree figures read: the period's (the default) or today's,
// set for one computation at a time.
type Views struct {
	*Tree
	mode youthbot.TreeMode
	view *treeView // of the computation under way (UseView)
}

// NewViews returns the views of t's tree.
func NewViews(t *Tree) *Views { return &Views{Tree: t} }

// treeView is the tree a figures computation reads.
type treeView struct {
	current bool
	day     string // YYYYMMDD, for the period's tree
}

// UseTree sets the tree the figures of this transaction read: the
// period's (the default) or today's.
func (t *Views) UseTree(mode youthbot.TreeMode) { t.mode = mode }

// UseView sets the view of a figures computation of top over p and
// returns its end, with the day top ceased (zero: it did not).
func (t *Views) UseView(top string, p youthbot.Period) (func(), youthbot.Date) {
	var gone youthbot.Date
	if t.treeBucket() == nil {
		return func() {}, gone
	}
	v := &treeView{current: t.mode == youthbot.TreeCurrent, day: dayKey(p.Last())}
	if g, ok := t.UnitGone(top); ok {
		gone = g
		if last := dayKey(g.AddDays(-1)); last < v.day {
			v.day = last
		}
	}
	t.view = v
	return func() { t.view = nil }, gone
}

// ViewUnit returns id as the view has it: its version of the day.
func (t *Views) ViewUnit(id string) (youthbot.Unit, error) {
	u, err := t.Unit(id)
	if err != nil || t.view == nil || t.view.current {
		return u, err
	}
	if v, ok := t.versionAt(id, t.view.day); ok {
		u.Name, u.Parent, u.Kind = v.Name, v.Parent, v.Kind
	}
	return u, nil
}

// ViewChildCodes lists the children of id in the view, ordered by code.
func (t *Views) ViewChildCodes(id string) []string {
	switch {
	case t.view == nil:
		return t.ChildCodes(id)
	case t.view.current:
		codes := t.ChildCodes(id)
		t.treeScan(func(rest []string, _ []byte) bool {
			// A merger recorded before history waited for the date
			// (treeOp.Written) is in the history while the unit is
			// still under its parent: rolled up here too, it would count twice.
			if u, err := t.Unit(rest[0]); err != nil || t.ceasedToday(u) {
				codes = append(codes, rest[0])
			}
			return true
		}, "a", id)
		slices.Sort(codes)
		return codes
	}
	var codes []string
	day := t.view.day
	t.treeScan(func(rest []string, to []byte) bool {
		if from := rest[1]; from <= day && (len(to) == 0 || string(to) > day) {
			if n := len(codes); n == 0 || codes[n-1] != rest[0] {
				codes = append(codes, rest[0])
			}
		}
		return true
	}, "c", id)
	return codes
}

// ViewChildren returns the children of id in the view, ordered by code.
func (t *Views) ViewChildren(id string) ([]youthbot.Unit, error) {
	codes := t.ViewChildCodes(id)
	units := make([]youthbot.Unit, 0, len(codes))
	for _, c := range codes {
		u, err := t.ViewUnit(c)
		if err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, nil
}

// ViewSubtree returns id and every unit below it in the view.
func (t *Views) ViewSubtree(id string) []string {
	out := []string{id}
	for i := 0; i < len(out); i++ {
		out = append(out, t.ViewChildCodes(out[i])...)
	}
	return out
}

// MarkTree sets the tree, the code shown and the day ceased of figures
// and their children.
func (t *Views) MarkTree(f *youthbot.Figures) {
	switch {
	case t.mode == youthbot.TreeCurrent:
		f.Tree = youthbot.TreeCurrent
	case t.view != nil:
		f.Tree = youthbot.TreePeriod // without history, Tree stays "": today's tree is every period's
	}
	if t.view != nil {
		day := dayOf(t.view.day)
		if t.view.current {
			day = youthbot.Date{Year: 9999, Month: 12, Day: 31}
		}
		f.Shown = t.UnitCode(f.Unit, day)
		f.Dissolved, _ = t.UnitGone(f.Unit)
	}
	for _, c := range f.Children {
		t.MarkTree(c)
	}
}
