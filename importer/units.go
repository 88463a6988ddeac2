package importer

import (
	"slices"
	"strings"

	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

// planUnits checks the DonVi rows against the units of the database and
// plans their writes, parents first. Within the workbook the reader has
// checked them already (no cycle, no child of a branch among the rows);
// here: a parent outside the workbook exists and is no branch, the tree
// keeps a single root and no cycle through stored units, a branch keeps
// no stored children, a branch with members stays a branch.
func (p *planner) planUnits() {
	rows := p.book.Units
	in := make(map[string]workbook.UnitRow, len(rows))
	for _, r := range rows {
		in[r.Code] = r
		u := youthbot.NormalizeUnit(youthbot.Unit{Code: r.Code, Name: r.Name, Parent: r.Parent, Kind: r.Kind})
		p.units[r.Code] = u
	}
	// The stored children and roots that the workbook leaves where they are.
	children, roots := youthbot.KeptTree(p.stored, func(code string) bool { _, ok := in[code]; return ok })
	for _, r := range rows {
		if r.Parent == "" {
			roots = append(roots, r.Code)
		}
	}
	slices.Sort(roots)

	for _, r := range rows {
		if r.Parent != "" {
			if _, inBook := in[r.Parent]; !inBook {
				switch parent, ok := p.stored[r.Parent]; {
				case !ok:
					p.ps.at("DonVi", r.Row, "ma_cap_tren", "imp.unit_unknown", r.Parent)
				case parent.Kind == youthbot.KindBranch:
					p.ps.at("DonVi", r.Row, "ma_cap_tren", "wb.parent_branch", r.Parent)
				}
			}
		} else if len(roots) > 1 {
			others := slices.DeleteFunc(slices.Clone(roots), func(c string) bool { return c == r.Code })
			p.ps.at("DonVi", r.Row, "ma_cap_tren", "imp.two_roots", strings.Join(clipList(others), ", "))
		}
		if kids := children[r.Code]; r.Kind == youthbot.KindBranch && len(kids) > 0 {
			slices.Sort(kids)
			p.ps.at("DonVi", r.Row, "cap", "imp.branch_children", strings.Join(clipList(kids), ", "))
		}
		if old, ok := p.stored[r.Code]; ok && old.Kind == youthbot.KindBranch && r.Kind != youthbot.KindBranch && p.tx.HasMembers(r.Code) {
			p.ps.at("DonVi", r.Row, "cap", "imp.branch_members", r.Code)
		}
	}
	p.storedCycles(rows)

	// Writes, each parent before its children.
	done := make(map[string]bool, len(rows))
	var visit func(r workbook.UnitRow)
	visit = func(r workbook.UnitRow) {
		if done[r.Code] {
			return
		}
		done[r.Code] = true
		if parent, ok := in[r.Parent]; ok {
			visit(parent)
		}
		u := p.units[r.Code]
		old, ok := p.stored[r.Code]
		ch := storage.Unchanged
		switch {
		case !ok:
			ch = storage.Created
		case old != u:
			ch = storage.Updated
		}
		if ch == storage.Updated && p.changed[r.Code] {
			// DonVi describes the tree before its changes: a unit they
			// changed is corrected by a change, not by DonVi.
			p.ps.at("DonVi", r.Row, "", "imp.unit_changed", r.Code)
			return
		}
		p.write("DonVi", r.Row, "", func(tx *storage.Tx) error {
			p.add("DonVi", ch)
			if ch == storage.Unchanged {
				return nil
			}
			return tx.PutUnit(u)
		})
	}
	for _, r := range rows {
		visit(r)
	}
}

// storedCycles reports a cycle of parents that runs through a unit of the
// database (a cycle within the workbook the reader refused already), once,
// at the first DonVi row on it.
func (p *planner) storedCycles(rows []workbook.UnitRow) {
	const (
		onPath = 1
		done   = 2
	)
	state := make(map[string]int, len(rows))
	rowOf := make(map[string]int, len(rows))
	for _, r := range rows {
		rowOf[r.Code] = r.Row
	}
	for _, r := range rows {
		var path []string
		for code := r.Code; code != "" && state[code] != done; {
			if state[code] == onPath {
				cycle := path[slices.Index(path, code):]
				line := 0
				for _, c := range cycle {
					if l, ok := rowOf[c]; ok && (line == 0 || l < line) {
						line = l
					}
				}
				p.ps.at("DonVi", line, "ma_cap_tren", "wb.cycle", strings.Join(clipList(cycle), " → ")+" → "+code)
				break
			}
			state[code] = onPath
			path = append(path, code)
			u, ok := p.units[code]
			if !ok {
				break
			}
			code = u.Parent
		}
		for _, c := range path {
			state[c] = done
		}
	}
}

// unit resolves a unit code of a row of another sheet against the tree as
// it will be after the import; a code that is neither in DonVi nor in the
// database is reported at the row's column.
func (p *planner) unit(sheet string, row int, col, code string) (youthbot.Unit, bool) {
	u, ok := p.units[code]
	if !ok {
		p.ps.at(sheet, row, col, "imp.unit_unknown", code)
	}
	return u, ok
}

// clipList shortens a long list of codes for a message.
func clipList(codes []string) []string {
	const max = 10
	if len(codes) <= max {
		return codes
	}
	return append(slices.Clone(codes[:max]), "…")
}
