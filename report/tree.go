package report

import (
	"youthbot"
)

// walkTree calls fn for f and every unit below it, depth first in the
// order of Children, with its parent (nil for f) and depth (0 for f).
func walkTree(f *youthbot.Figures, fn func(x, parent *youthbot.Figures, depth int)) {
	var walk func(x, parent *youthbot.Figures, depth int)
	walk = func(x, parent *youthbot.Figures, depth int) {
		fn(x, parent, depth)
		for _, c := range x.Children {
			walk(c, x, depth+1)
		}
	}
	walk(f, nil, 0)
}

// kinds are the levels of units, top down: the order of the workbook's
// sheets per level.
var kinds = []youthbot.UnitKind{youthbot.KindProvince, youthbot.KindDistrict, youthbot.KindGrassroots, youthbot.KindBranch}

// levelRow is a unit of the subtree on its level's sheet, with its parent.
type levelRow struct {
	f      *youthbot.Figures
	parent *youthbot.Figures
}

// byLevel groups the units below f (f excluded) by kind, in tree order,
// kinds top down; a kind with no unit is left out.
func byLevel(f *youthbot.Figures) (levels []youthbot.UnitKind, rows map[youthbot.UnitKind][]levelRow) {
	rows = map[youthbot.UnitKind][]levelRow{}
	walkTree(f, func(x, parent *youthbot.Figures, depth int) {
		if depth > 0 {
			rows[x.Kind] = append(rows[x.Kind], levelRow{x, parent})
		}
	})
	for _, k := range kinds {
		if len(rows[k]) > 0 {
			levels = append(levels, k)
		}
	}
	return levels, rows
}
