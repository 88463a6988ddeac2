package report

import (
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage"
)

// maxDepth bounds the unit tree walked by a report: a union's tree has four
// levels; anything deeper than this is a cycle in a damaged database.
const maxDepth = 64

// figuresTree computes unit's figures for p with Children nested down to
// the leaves: the whole subtree, as the JSON report and the year's
// workbook show it. Each unit's figures are computed once, as the top of
// the call for its own children: a child's node is the one its own call
// returns, a leaf's the one of its parent's call.
func figuresTree(tx *storage.Tx, unit string, p youthbot.Period, loc *time.Location) (*youthbot.Figures, error) {
	return figuresNode(tx, unit, p, loc, 0)
}

func figuresNode(tx *storage.Tx, unit string, p youthbot.Period, loc *time.Location, depth int) (*youthbot.Figures, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("unit %s: tree deeper than %d or cyclic", unit, maxDepth)
	}
	f, err := tx.Figures(unit, p, loc)
	if err != nil {
		return nil, fmt.Errorf("figures of %s: %w", unit, err)
	}
	for i, c := range f.Children {
		if len(tx.ChildCodes(c.Unit)) == 0 {
			c.Children = nil
			continue
		}
		if f.Children[i], err = figuresNode(tx, c.Unit, p, loc, depth+1); err != nil {
			return nil, err
		}
	}
	return f, nil
}

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
