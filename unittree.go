package youthbot

import (
	"cmp"
	"slices"
)

// ChangeKind is the kind of a change of the unit tree (F8), as the
// ThayDoiDonVi sheet spells it.
type ChangeKind string

// Kinds of changes of the unit tree.
const (
	ChangeFound    ChangeKind = "thanh_lap" // a new unit under a parent
	ChangeRename   ChangeKind = "doi_ten"   // a new name, and optionally a new code
	ChangeMove     ChangeKind = "chuyen"    // the unit and its subtree under another parent
	ChangeMerge    ChangeKind = "sap_nhap"  // children and members into the target, the unit dissolved
	ChangeDissolve ChangeKind = "giai_the"  // a unit left without children and members
)

// Valid reports whether k is one of the known kinds.
func (k ChangeKind) Valid() bool {
	switch k {
	case ChangeFound, ChangeRename, ChangeMove, ChangeMerge, ChangeDissolve:
		return true
	}
	return false
}

// UnitChange is one change of the unit tree with its effective date: from
// that day on the tree is changed. Unit and Target are codes as written
// (an old code of a renamed unit resolves to it). Row is the sheet's row
// it comes from (0: none).
type UnitChange struct {
	Row      int        `json:"-"`
	Date     Date       `json:"date"`
	Kind     ChangeKind `json:"kind"`
	Unit     string     `json:"unit"`
	Target   string     `json:"target,omitempty"`   // parent (thanh_lap, chuyen), merged into (sap_nhap), new code (doi_ten)
	NewName  string     `json:"new_name,omitempty"` // thanh_lap, doi_ten
	UnitKind UnitKind   `json:"unit_kind,omitempty"`
	Decision string     `json:"decision,omitempty"`
}

// Same reports whether c and d are the same change (rows aside).
func (c UnitChange) Same(d UnitChange) bool {
	c.Row, d.Row = 0, 0
	return c == d
}

// TreeUnit is a unit in a TreeModel: its identity (the code it was first
// known by, the key facts are stored under), its present code, name,
// parent and kind, the day it began (zero: before any history), the day
// of its latest change and, once dissolved, the day it ceased.
type TreeUnit struct {
	ID, Code, Name, Parent string
	Kind                   UnitKind
	Born, Last, Gone       Date
	Members                bool
}

// TreeModel is the unit tree as the changes see it, to check and apply
// them in order. Codes maps every code a unit ever had to its identity.
type TreeModel struct {
	Units map[string]*TreeUnit
	Codes map[string]string
}

// Resolve returns the identity of code ("" when unknown).
func (m *TreeModel) Resolve(code string) string { return m.Codes[NormalizeUnitCode(code)] }

// childrenOf lists the living children of id.
func (m *TreeModel) childrenOf(id string) []string {
	var out []string
	for _, u := range m.Units {
		if u.Parent == id && u.Gone.IsZero() {
			out = append(out, u.ID)
		}
	}
	slices.Sort(out)
	return out
}

// within reports whether id is top or below it.
func (m *TreeModel) within(id, top string) bool {
	for n := 0; id != "" && n < 64; n++ {
		if id == top {
			return true
		}
		id = m.Units[id].Parent
	}
	return false
}

// living returns the unit code names when it exists on c's date, or the
// error that refuses c.
func (m *TreeModel) living(code string, c UnitChange) (*TreeUnit, *Error) {
	id := m.Resolve(code)
	u := m.Units[id]
	switch {
	case u == nil:
		return nil, Errorf(EINVALID, "tree.unknown", code)
	case !u.Gone.IsZero():
		return nil, Errorf(EINVALID, "tree.gone", code, u.Gone.String())
	case c.Date.Before(u.Born):
		return nil, Errorf(EINVALID, "tree.before_born", code, u.Born.String())
	case c.Date.Before(u.Last):
		return nil, Errorf(EINVALID, "tree.before_last", code, u.Last.String())
	}
	return u, nil
}

// Apply checks c against the model and, when it is sound, applies it.
// On a refusal the model is unchanged. The second result is the identity
// of the target (merged into, new parent), "" for none.
func (m *TreeModel) Apply(c UnitChange) (string, *Error) {
	if !c.Kind.Valid() {
		return "", Errorf(EINVALID, "tree.kind", string(c.Kind))
	}
	code := NormalizeUnitCode(c.Unit)
	if c.Kind == ChangeFound {
		return m.found(code, c)
	}
	u, err := m.living(code, c)
	if err != nil {
		return "", err
	}
	switch c.Kind {
	case ChangeRename:
		return "", m.rename(u, c)
	case ChangeMove:
		p, err := m.parent(c)
		if err != nil {
			return "", err
		}
		if m.within(p.ID, u.ID) {
			return "", Errorf(EINVALID, "tree.cycle", code, c.Target)
		}
		m.Replay(c, u.ID, p.ID)
		return p.ID, nil
	case ChangeMerge:
		return m.merge(u, c)
	default: // ChangeDissolve
		if kids := m.childrenOf(u.ID); len(kids) > 0 {
			return "", Errorf(EINVALID, "tree.has_children", code, len(kids))
		}
		if u.Members {
			return "", Errorf(EINVALID, "tree.has_members", code)
		}
		m.Replay(c, u.ID, "")
		return "", nil
	}
}

// Replay makes c the model's without checking it, as Apply does once it
// checked it: id is the unit c changes and target the unit Apply returned
// (a founding's parent, a move's, a merger's). Changes checked when they
// were recorded replay so (the waiting ones, under later rows).
func (m *TreeModel) Replay(c UnitChange, id, target string) {
	if c.Kind == ChangeFound {
		m.Units[id] = &TreeUnit{ID: id, Code: id, Name: c.NewName, Parent: target, Kind: c.UnitKind, Born: c.Date, Last: c.Date}
		m.Codes[id] = id
		return
	}
	u := m.Units[id]
	if u == nil {
		return
	}
	u.Last = c.Date
	switch c.Kind {
	case ChangeRename:
		if c.NewName != "" {
			u.Name = c.NewName
		}
		if code := NormalizeUnitCode(c.Target); code != "" {
			u.Code, m.Codes[code] = code, u.ID
		}
	case ChangeMove:
		u.Parent = target
	case ChangeMerge:
		for _, k := range m.childrenOf(u.ID) {
			m.Units[k].Parent, m.Units[k].Last = target, c.Date
		}
		if into := m.Units[target]; into != nil && u.Members {
			into.Members = true
		}
		u.Members, u.Gone = false, c.Date
	case ChangeDissolve:
		u.Members, u.Gone = false, c.Date
	}
}

// parent returns the living parent c.Target names, never a branch.
func (m *TreeModel) parent(c UnitChange) (*TreeUnit, *Error) {
	if c.Target == "" {
		return nil, Errorf(EINVALID, "tree.no_target", string(c.Kind))
	}
	p, err := m.living(c.Target, UnitChange{Date: c.Date})
	if err != nil {
		return nil, err
	}
	if p.Kind == KindBranch {
		return nil, Errorf(EINVALID, "tree.under_branch", c.Target)
	}
	return p, nil
}

func (m *TreeModel) found(code string, c UnitChange) (string, *Error) {
	if !ValidUnitCode(code) {
		return "", Errorf(EINVALID, "err.unit_code", code)
	}
	if m.Resolve(code) != "" {
		return "", Errorf(EINVALID, "tree.code_taken", code)
	}
	nu := Unit{Code: code, Name: c.NewName, Kind: c.UnitKind}
	if err := nu.Validate(); err != nil {
		return "", err.(*Error)
	}
	parentID := ""
	if c.Target != "" {
		p, err := m.parent(c)
		if err != nil {
			return "", err
		}
		parentID = p.ID
	}
	m.Replay(c, code, parentID)
	return parentID, nil
}

func (m *TreeModel) rename(u *TreeUnit, c UnitChange) *Error {
	name := u.Name
	if c.NewName != "" {
		name = c.NewName
	}
	newCode := u.Code
	if c.Target != "" {
		newCode = NormalizeUnitCode(c.Target)
		if id := m.Resolve(newCode); id != "" && id != u.ID {
			return Errorf(EINVALID, "tree.code_taken", newCode)
		}
	}
	check := Unit{Code: newCode, Name: name, Kind: u.Kind}
	if err := check.Validate(); err != nil {
		return err.(*Error)
	}
	if c.NewName == "" && c.Target == "" {
		return Errorf(EINVALID, "tree.rename_nothing", u.Code)
	}
	m.Replay(c, u.ID, "")
	return nil
}

func (m *TreeModel) merge(u *TreeUnit, c UnitChange) (string, *Error) {
	if c.Target == "" {
		return "", Errorf(EINVALID, "tree.no_target", string(c.Kind))
	}
	into, err := m.living(c.Target, UnitChange{Date: c.Date})
	if err != nil {
		return "", err
	}
	if m.within(into.ID, u.ID) {
		return "", Errorf(EINVALID, "tree.merge_into_own", u.Code, c.Target)
	}
	kids := m.childrenOf(u.ID)
	if len(kids) > 0 && into.Kind == KindBranch {
		return "", Errorf(EINVALID, "tree.under_branch", c.Target)
	}
	if u.Members && into.Kind != KindBranch {
		return "", Errorf(EINVALID, "tree.members_need_branch", u.Code, c.Target)
	}
	m.Replay(c, u.ID, into.ID)
	return into.ID, nil
}

// SortChanges orders changes as they apply: by effective date, then by row.
func SortChanges(cs []UnitChange) {
	slices.SortStableFunc(cs, func(a, b UnitChange) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.Row, b.Row)
	})
}
