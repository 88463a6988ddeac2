package tree

import (
	"encoding/json"
	"fmt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Unit returns the unit with code, or an ENOTFOUND error.
func (t *Tree) Unit(code string) (youthbot.Unit, error) {
	var u youthbot.Unit
	ok, err := kv.GetJSON(t.tx, kv.Units, []byte(code), &u)
	if err != nil {
		return u, err
	}
	if !ok {
		return u, youthbot.Errorf(youthbot.ENOTFOUND, "err.unit_unknown", code)
	}
	return u, nil
}

// PutUnit creates or updates a unit and its place in the tree. The caller
// checks the tree stays a tree (youthbot.PlanUnitImport).
func (t *Tree) PutUnit(u youthbot.Unit) error {
	if gone, ok := t.UnitGone(u.Code); ok {
		// Merged or dissolved (F8): it stays out of today's tree.
		return youthbot.Errorf(youthbot.EINVALID, "tree.gone", u.Code, gone.String())
	}
	if err := t.putUnitRecord(u); err != nil {
		return err
	}
	return t.treeHook(u)
}

// putUnitRecord writes a unit in today's tree (PutUnit without the history).
func (t *Tree) putUnitRecord(u youthbot.Unit) error {
	t.unitsChanged()
	var old youthbot.Unit
	found, err := kv.GetJSON(t.tx, kv.Units, []byte(u.Code), &old)
	if err != nil {
		return err
	}
	children := t.tx.Bucket(kv.UnitChildren)
	if found && old.Parent != u.Parent {
		if err := children.Delete(kv.Join([]byte(old.Parent), []byte(u.Code))); err != nil {
			return fmt.Errorf("unlink unit %s: %w", u.Code, err)
		}
	}
	if err := children.Put(kv.Join([]byte(u.Parent), []byte(u.Code)), nil); err != nil {
		return fmt.Errorf("link unit %s: %w", u.Code, err)
	}
	return kv.PutJSON(t.tx, kv.Units, []byte(u.Code), u)
}

// Units returns every unit, ordered by code.
func (t *Tree) Units() ([]youthbot.Unit, error) {
	var units []youthbot.Unit
	err := t.tx.Bucket(kv.Units).ForEach(func(k, v []byte) error {
		var u youthbot.Unit
		if err := json.Unmarshal(v, &u); err != nil {
			return fmt.Errorf("decode unit %s: %w", k, err)
		}
		units = append(units, u)
		return nil
	})
	return units, err
}

// ChildCodes returns the codes of the direct children of code ("" for the
// roots), ordered by code.
func (t *Tree) ChildCodes(code string) []string {
	var codes []string
	prefix := kv.Join([]byte(code), nil)
	kv.PrefixScan(t.tx, kv.UnitChildren, prefix, func(k, _ []byte) error {
		codes = append(codes, string(k[len(prefix):]))
		return nil
	})
	return codes
}

// Children returns the direct children of code ("" for the roots).
func (t *Tree) Children(code string) ([]youthbot.Unit, error) {
	codes := t.ChildCodes(code)
	units := make([]youthbot.Unit, 0, len(codes))
	for _, c := range codes {
		u, err := t.Unit(c)
		if err != nil {
			return nil, fmt.Errorf("child %s of %q: %w", c, code, err)
		}
		units = append(units, u)
	}
	return units, nil
}

// Ancestors returns code and the codes above it, up to the root.
func (t *Tree) Ancestors(code string) ([]string, error) {
	var path []string
	for c := code; c != ""; {
		if len(path) > 64 {
			return nil, fmt.Errorf("unit %s: tree deeper than 64 or cyclic", code)
		}
		u, err := t.Unit(c)
		if err != nil {
			return nil, err
		}
		path = append(path, c)
		c = u.Parent
	}
	return path, nil
}

// Subtree returns code and every unit below it, parents before children.
func (t *Tree) Subtree(code string) []string {
	out := []string{code}
	for i := 0; i < len(out); i++ {
		out = append(out, t.ChildCodes(out[i])...)
	}
	return out
}

// InSubtree reports whether unit is top or below it.
func (t *Tree) InSubtree(unit, top string) (bool, error) {
	path, err := t.Ancestors(unit)
	if err != nil {
		return false, err
	}
	for _, c := range path {
		if c == top {
			return true, nil
		}
	}
	return false, nil
}

// HasMembers reports whether any member record (of any status) is in unit.
func (t *Tree) HasMembers(unit string) bool {
	found := false
	kv.PrefixScan(t.tx, kv.UnitMembers, kv.Join([]byte(unit), nil), func(_, _ []byte) error {
		found = true
		return kv.ErrStop
	})
	return found
}

// ImportUnits creates or updates units from checked rows (unitcsv.Parse) in this
// transaction: the whole file is checked against the existing tree first,
// and on any problem nothing changes (the error is a *youthbot.ImportError).
func (t *Tree) ImportUnits(rows []youthbot.UnitRow) (created, updated int, err error) {
	units, err := t.Units()
	if err != nil {
		return 0, 0, err
	}
	existing := make(map[string]youthbot.Unit, len(units))
	for _, u := range units {
		existing[u.Code] = u
	}
	plan, created, updated, err := youthbot.PlanUnitImport(existing, rows, t.HasMembers)
	if err != nil {
		return 0, 0, err
	}
	for _, u := range plan {
		if err := t.PutUnit(u); err != nil {
			return 0, 0, err
		}
	}
	return created, updated, nil
}
