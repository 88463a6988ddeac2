package tree

import (
	"encoding/json"

	"youthbot"
)

// Version is one version of a unit in its history: from From (zero:
// before any history) until the day before To (zero: still).
type Version struct {
	Code, Name, Parent string // Parent: the parent's code then
	Kind               youthbot.UnitKind
	From, To           youthbot.Date
}

// History is a unit's versions, oldest first, and the changes that made
// them and those of the units merged into it, in date order; then the
// changes that name it (as the unit changed or their target) recorded
// for a date to come, and those refused on their date.
type History struct {
	ID       string
	Versions []Version
	Changes  []youthbot.UnitChange
	Waiting  []youthbot.UnitChange // not in Versions: they wait for their date
	Refused  []RefusedChange       // never applied (Err nil: reason not kept)
}

// UnitHistory returns the history of the unit that has or had code, or,
// for a code no unit had, the founding of it that waits or was refused.
func (t *Tree) UnitHistory(code string) (History, error) {
	id, err := t.ResolveUnit(code)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		h := History{ID: youthbot.NormalizeUnitCode(code)}
		var qerr error
		if h.Waiting, h.Refused, qerr = t.queuedFor(h.ID); qerr != nil {
			return h, qerr
		}
		if len(h.Waiting)+len(h.Refused) > 0 {
			return h, nil
		}
	}
	if err != nil {
		return History{}, err
	}
	h := History{ID: id}
	if h.Waiting, h.Refused, err = t.queuedFor(id); err != nil {
		return h, err
	}
	t.treeScan(func(rest []string, data []byte) bool {
		var v treeVersion
		if json.Unmarshal(data, &v) == nil {
			from := dayOf(rest[0])
			parent := v.Parent
			if parent != "" {
				parent = t.UnitCode(parent, from)
			}
			h.Versions = append(h.Versions, Version{Code: v.Code, Name: v.Name, Parent: parent, Kind: v.Kind, From: from, To: dayOf(v.To)})
		}
		return true
	}, "v", id)
	if len(h.Versions) == 0 {
		u, err := t.Unit(id)
		if err != nil {
			return h, err
		}
		h.Versions = []Version{{Code: u.Code, Name: u.Name, Parent: u.Parent, Kind: u.Kind}}
	}
	ids := []string{id}
	t.treeScan(func(rest []string, _ []byte) bool {
		ids = append(ids, rest[0])
		return true
	}, "a", id)
	for i, who := range ids {
		t.treeScan(func(_ []string, data []byte) bool {
			var c youthbot.UnitChange
			if json.Unmarshal(data, &c) == nil && (i == 0 || c.Kind == youthbot.ChangeMerge) {
				h.Changes = append(h.Changes, c)
			}
			return true
		}, "e", who)
	}
	youthbot.SortChanges(h.Changes)
	return h, nil
}
