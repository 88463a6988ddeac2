package youthbot

import (
	"strings"
	"unicode/utf8"
)

// UnitKind is the level of a unit in the union's tree.
type UnitKind string

// Unit kinds, from the top of the tree down.
const (
	KindProvince   UnitKind = "province"
	KindDistrict   UnitKind = "district"
	KindGrassroots UnitKind = "grassroots"
	KindBranch     UnitKind = "branch"
)

// Valid reports whether k is one of the known kinds.
func (k UnitKind) Valid() bool {
	switch k {
	case KindProvince, KindDistrict, KindGrassroots, KindBranch:
		return true
	}
	return false
}

// Rank orders unit kinds from the top of the tree down: a province 0, a
// district 1, a grassroots union 2, a branch (or anything else) 3.
func (k UnitKind) Rank() int {
	switch k {
	case KindProvince:
		return 0
	case KindDistrict:
		return 1
	case KindGrassroots:
		return 2
	}
	return 3
}

// Unit is a node of the union's tree: a provincial committee, a district
// committee, a grassroots union or a branch (chi đoàn). Members belong to
// branches; figures roll up the tree.
type Unit struct {
	Code   string   `json:"code"`
	Name   string   `json:"name"`
	Parent string   `json:"parent,omitempty"` // empty for a root
	Kind   UnitKind `json:"kind"`
}

// Unit limits.
const (
	MaxUnitCodeLen = 24
	MaxUnitNameLen = 120
)

// NormalizeUnitCode returns code trimmed and upper-cased, the form codes are
// stored and looked up in.
func NormalizeUnitCode(code string) string {
	return strings.ToUpper(strings.TrimSpace(code))
}

// ValidUnitCode reports whether code (normalised) is 1-24 characters of
// A-Z, 0-9, '_' and '-'.
func ValidUnitCode(code string) bool {
	if code == "" || len(code) > MaxUnitCodeLen {
		return false
	}
	for _, r := range code {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
		default:
			return false
		}
	}
	return true
}

// Validate checks the unit's own fields (not its place in the tree).
// It returns EINVALID errors.
func (u *Unit) Validate() error {
	if !ValidUnitCode(u.Code) {
		return Errorf(EINVALID, "err.unit_code", u.Code)
	}
	name := strings.TrimSpace(u.Name)
	if name == "" || utf8.RuneCountInString(name) > MaxUnitNameLen || !utf8.ValidString(name) {
		return Errorf(EINVALID, "err.unit_name", u.Code)
	}
	if !u.Kind.Valid() {
		return Errorf(EINVALID, "err.unit_kind", string(u.Kind))
	}
	if u.Parent != "" && !ValidUnitCode(u.Parent) {
		return Errorf(EINVALID, "err.unit_code", u.Parent)
	}
	if u.Parent == u.Code {
		return Errorf(EINVALID, "err.unit_cycle", u.Code)
	}
	return nil
}
