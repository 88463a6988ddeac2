package youthbot

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"youthbot/vn"
)

// maxProblemsShown is how many problems ImportError.Error lists before it
// sums up the rest.
const maxProblemsShown = 20

// UnitRow is a unit to import with the line of the file it comes from (1 is
// a file's header). A row built by other means has Line 0.
type UnitRow struct {
	Unit
	Line int
}

// ImportProblem is one problem of a unit import: the line of the file it is
// on (0 when it belongs to no line) and a message in English for the operator.
type ImportProblem struct {
	Line int
	Msg  string
}

// String formats p as "line N: msg".
func (p ImportProblem) String() string {
	if p.Line <= 0 {
		return p.Msg
	}
	return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
}

// ImportError lists every problem found in a unit import, in line order.
// It unwraps to an EINVALID *Error (key "err.units_csv") so ErrorCode sees it
// as bad input.
type ImportError struct {
	Problems []ImportProblem
}

// Error lists the problems one per line, at most 20, then how many more.
func (e *ImportError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i == maxProblemsShown {
			fmt.Fprintf(&b, "\nand %d more", len(e.Problems)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the domain error the problems amount to.
func (e *ImportError) Unwrap() error {
	return Errorf(EINVALID, "err.units_csv", len(e.Problems))
}

// problems collects ImportProblems.
type problems []ImportProblem

func (ps *problems) add(line int, format string, args ...any) {
	*ps = append(*ps, ImportProblem{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil without problems, else an *ImportError with them sorted
// by line.
func (ps problems) err() error { return NewImportError(ps) }

// NewImportError returns nil when ps is empty, else an *ImportError with
// the problems sorted by line, in place (stable: problems of one line keep
// their order).
func NewImportError(ps []ImportProblem) error {
	if len(ps) == 0 {
		return nil
	}
	slices.SortStableFunc(ps, func(a, b ImportProblem) int { return a.Line - b.Line })
	return &ImportError{Problems: ps}
}

// NormalizeUnit returns u with codes normalised (NormalizeUnitCode), the
// name in NFC with spaces collapsed and the kind lower-cased.
func NormalizeUnit(u Unit) Unit {
	return Unit{
		Code:   NormalizeUnitCode(u.Code),
		Name:   vn.NormalizeName(u.Name),
		Parent: NormalizeUnitCode(u.Parent),
		Kind:   UnitKind(strings.ToLower(strings.TrimSpace(string(u.Kind)))),
	}
}

// CheckUnitRow lists each problem of a normalised row's own fields (code,
// name, parent, kind) at its line; none when the unit is valid on its own.
// PlanUnitImport checks rows against the tree.
func CheckUnitRow(r UnitRow) []ImportProblem {
	var ps problems
	checkUnit(r.Unit, r.Line, &ps)
	return ps
}

// checkUnit reports each problem of a normalised unit's own fields and
// whether there was none.
func checkUnit(u Unit, line int, ps *problems) bool {
	n := len(*ps)
	checkCode(u.Code, "code", line, ps)
	switch nameLen := utf8.RuneCountInString(u.Name); {
	case u.Name == "":
		ps.add(line, "name is empty")
	case nameLen > MaxUnitNameLen:
		ps.add(line, "name is %d characters long, at most %d allowed", nameLen, MaxUnitNameLen)
	case !utf8.ValidString(u.Name):
		ps.add(line, "name is not valid UTF-8 text")
	case strings.ContainsFunc(u.Name, unicode.IsControl):
		ps.add(line, "name contains control characters")
	}
	if u.Parent != "" {
		checkCode(u.Parent, "parent", line, ps)
	}
	switch {
	case u.Kind == "":
		ps.add(line, "kind is empty: use province, district, grassroots or branch")
	case !u.Kind.Valid():
		ps.add(line, "kind %q is unknown: use province, district, grassroots or branch", clip(string(u.Kind)))
	}
	if u.Code != "" && u.Code == u.Parent {
		ps.add(line, "unit %s is its own parent", u.Code)
	}
	if len(*ps) > n {
		return false
	}
	if err := u.Validate(); err != nil {
		ps.add(line, "invalid unit %s: %v", u.Code, err) // a rule above missed something
		return false
	}
	return true
}

// checkCode reports a normalised unit code of column col when it is invalid.
func checkCode(code, col string, line int, ps *problems) {
	switch {
	case code == "":
		ps.add(line, "%s is empty", col)
	case utf8.RuneCountInString(code) > MaxUnitCodeLen:
		ps.add(line, "%s %q is longer than %d characters", col, clip(code), MaxUnitCodeLen)
	case !ValidUnitCode(code):
		ps.add(line, "%s %q is invalid: use letters A-Z, digits, '_' and '-' only", col, clip(code))
	}
}

// clip shortens s for a message so that a huge field does not flood it.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// PlanUnitImport checks rows against the existing tree (existing maps each
// unit's code to it) and returns the units to write, each parent before its
// children: the new ones (created) and the changed ones (updated); rows equal
// to the stored unit are left out. Rows are normalised with
// NormalizeUnit.
//
// The tree that results must hold: every parent exists, in the file or in
// existing; no unit is its own ancestor; a branch has no child units; there
// is a single root; a branch that has members (hasMembers, which may be nil)
// keeps its kind. Otherwise it returns a *ImportError with every problem at the
// line of the row that causes it.
func PlanUnitImport(existing map[string]Unit, incoming []UnitRow, hasMembers func(code string) bool) (plan []Unit, created, updated int, err error) {
	var ps problems
	in := make(map[string]UnitRow, len(incoming))
	bad := make(map[string]bool) // in the file but invalid: exists, yet no edges
	var rows []UnitRow
	for _, r := range incoming {
		r.Unit = NormalizeUnit(r.Unit)
		if first, dup := in[r.Code]; dup {
			ps.add(r.Line, "code %s is used twice: also %s", r.Code, lineRef(first.Line))
			continue
		}
		in[r.Code] = r
		if !checkUnit(r.Unit, r.Line, &ps) {
			bad[r.Code] = true
			continue
		}
		rows = append(rows, r)
	}

	// lookup returns a unit of the tree as it will be after the import.
	lookup := func(code string) (Unit, bool) {
		if r, ok := in[code]; ok {
			return r.Unit, true
		}
		u, ok := existing[code]
		return u, ok
	}
	// children lists the child units that stay as they are in existing.
	children, roots := KeptTree(existing, func(code string) bool { _, ok := in[code]; return ok })
	for _, r := range rows {
		if r.Parent == "" {
			roots = append(roots, r.Code)
		}
	}
	slices.Sort(roots)

	for _, r := range rows {
		if r.Parent != "" {
			switch p, ok := lookup(r.Parent); {
			case !ok:
				ps.add(r.Line, "parent %s of unit %s does not exist, neither in the file nor in the database", r.Parent, r.Code)
			case p.Kind == KindBranch && !bad[r.Parent]:
				ps.add(r.Line, "parent %s of unit %s is a branch: a branch cannot have child units", r.Parent, r.Code)
			}
		} else if len(roots) > 1 {
			others := slices.DeleteFunc(slices.Clone(roots), func(c string) bool { return c == r.Code })
			ps.add(r.Line, "unit %s has no parent, but %s is also a root: there can be only one root unit", r.Code, strings.Join(others, ", "))
		}
		if kids := children[r.Code]; r.Kind == KindBranch && len(kids) > 0 {
			slices.Sort(kids)
			ps.add(r.Line, "unit %s cannot be a branch: it has child units (%s)", r.Code, strings.Join(clipList(kids), ", "))
		}
		if old, ok := existing[r.Code]; ok && old.Kind == KindBranch && r.Kind != KindBranch && hasMembers != nil && hasMembers(r.Code) {
			ps.add(r.Line, "unit %s is a branch with members: it cannot become a %s (move its members to another branch first)", r.Code, r.Kind)
		}
	}
	findCycles(rows, in, bad, lookup, &ps)
	if err := ps.err(); err != nil {
		return nil, 0, 0, err
	}

	emitted := make(map[string]bool, len(rows))
	var visit func(r UnitRow)
	visit = func(r UnitRow) {
		if emitted[r.Code] {
			return
		}
		emitted[r.Code] = true
		if p, ok := in[r.Parent]; ok {
			visit(p)
		}
		old, ok := existing[r.Code]
		switch {
		case !ok:
			created++
		case old != r.Unit:
			updated++
		default:
			return
		}
		plan = append(plan, r.Unit)
	}
	for _, r := range rows {
		visit(r)
	}
	return plan, created, updated, nil
}

// findCycles reports each cycle of parents that goes through a row, once, at
// the first line of the file that is part of it.
func findCycles(rows []UnitRow, in map[string]UnitRow, bad map[string]bool, lookup func(string) (Unit, bool), ps *problems) {
	const (
		onPath = 1
		done   = 2
	)
	state := make(map[string]int)
	for _, r := range rows {
		var path []string
		for code := r.Code; code != "" && state[code] != done; {
			if state[code] == onPath {
				cycle := path[slices.Index(path, code):]
				line := 0
				for _, c := range cycle {
					if l := in[c].Line; in[c].Code != "" && (line == 0 || l < line) {
						line = l
					}
				}
				ps.add(line, "units %s → %s form a cycle: a unit cannot be its own ancestor", strings.Join(clipList(cycle), " → "), code)
				break
			}
			state[code] = onPath
			path = append(path, code)
			u, ok := lookup(code)
			if !ok || bad[code] {
				break
			}
			code = u.Parent
		}
		for _, c := range path {
			state[c] = done
		}
	}
}

// lineRef names a line for a message, or the list of units without one.
func lineRef(line int) string {
	if line <= 0 {
		return "in the list"
	}
	return fmt.Sprintf("on line %d", line)
}

// clipList shortens a long list of codes for a message.
func clipList(codes []string) []string {
	const max = 10
	if len(codes) <= max {
		return codes
	}
	return append(slices.Clone(codes[:max]), fmt.Sprintf("and %d more", len(codes)-max))
}

// KeptTree is what an import leaves of the stored tree: the child units of
// each parent and the roots, without the units the import itself writes
// (replaced); the caller adds the roots it brings.
func KeptTree(stored map[string]Unit, replaced func(code string) bool) (children map[string][]string, roots []string) {
	children = make(map[string][]string)
	for code, u := range stored {
		if replaced(code) {
			continue
		}
		if u.Parent == "" {
			roots = append(roots, code)
		} else {
			children[u.Parent] = append(children[u.Parent], code)
		}
	}
	return children, roots
}
