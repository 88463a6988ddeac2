package tree

import (
	"encoding/json"
	"fmt"
	"time"

	"youthbot"
)

// RefusedChange is a waiting change that no longer held on its date.
type RefusedChange struct {
	Change youthbot.UnitChange
	Err    *youthbot.Error
}

// DueCounts is what ApplyDueChanges did.
type DueCounts struct {
	Applied int
	Refused []RefusedChange // kept under "r" with their reason, never applied
}

// ApplyDueChanges applies to today's tree the changes that waited for a
// day up to today, in order. Each is checked again against today's tree
// first (what happened since it was recorded: a unit founded under the
// one to dissolve, a member joined, a target merged away or moved under
// the unit): one that no longer holds is not applied and is returned as
// refused; it leaves the waiting list for the refused list, and the
// history never tells it. One that holds is written to the history then.
func (t *Tree) ApplyDueChanges(today youthbot.Date, loc *time.Location) (DueCounts, error) {
	var n DueCounts
	b := t.treeBucket()
	if b == nil {
		return n, nil
	}
	var keys [][]byte
	var ops []treeOp
	var err error
	t.treeScan(func(rest []string, data []byte) bool {
		if rest[0] > dayKey(today) {
			return false
		}
		var op treeOp
		if err = json.Unmarshal(data, &op); err != nil {
			return false
		}
		ops = append(ops, op)
		keys = append(keys, tkey(append([]string{"p"}, rest...)...))
		return true
	}, "p")
	if err != nil {
		return n, fmt.Errorf("decode a waiting change of the unit tree: %w", err)
	}
	for i, op := range ops {
		if perr := t.recheck(op); perr != nil {
			n.Refused = append(n.Refused, RefusedChange{Change: op.C, Err: perr})
			if err := t.putRefused(b, keys[i], op, perr); err != nil {
				return n, err
			}
		} else {
			if err := t.takeEffect(b, op, loc); err != nil {
				return n, err
			}
			n.Applied++
		}
		if err := b.Delete(keys[i]); err != nil {
			return n, fmt.Errorf("unqueue change of %s: %w", op.ID, err)
		}
	}
	return n, nil
}

// recheck checks a waiting change against today's tree on its date.
func (t *Tree) recheck(op treeOp) *youthbot.Error {
	c := op.C
	if c.Kind == youthbot.ChangeFound {
		id, err := t.ResolveUnit(op.ID)
		taken := err == nil
		if op.Written && id == op.ID {
			// Its own code, in the history since it was recorded: taken
			// only by a unit written in today's tree meanwhile.
			_, err := t.Unit(op.ID)
			taken = err == nil
		}
		if taken {
			return youthbot.Errorf(youthbot.EINVALID, "tree.code_taken", c.Unit)
		}
		return t.liveParent(op)
	}
	u, err := t.Unit(op.ID)
	if err != nil || t.ceasedToday(u) {
		return youthbot.Errorf(youthbot.EINVALID, "tree.unknown", c.Unit)
	}
	switch c.Kind {
	case youthbot.ChangeRename:
		// A unit written meanwhile (units CSV, DonVi) may have the new code.
		if code := youthbot.NormalizeUnitCode(c.Target); code != "" {
			if id, err := t.ResolveUnit(code); err == nil && id != op.ID {
				return youthbot.Errorf(youthbot.EINVALID, "tree.code_taken", code)
			}
		}
	case youthbot.ChangeMove, youthbot.ChangeMerge:
		if perr := t.liveParent(op); perr != nil {
			return perr
		}
		if c.Kind == youthbot.ChangeMerge {
			if perr := t.liveMerge(op); perr != nil {
				return perr
			}
		}
		for p, seen := op.Target, 0; p != "" && seen < 64; seen++ {
			if p == op.ID {
				return youthbot.Errorf(youthbot.EINVALID, "tree.cycle", c.Unit, c.Target)
			}
			pu, err := t.Unit(p)
			if err != nil {
				break
			}
			p = pu.Parent
		}
	case youthbot.ChangeDissolve:
		if kids := t.ChildCodes(op.ID); len(kids) > 0 {
			return youthbot.Errorf(youthbot.EINVALID, "tree.has_children", c.Unit, len(kids))
		}
		if t.HasMembers(op.ID) {
			return youthbot.Errorf(youthbot.EINVALID, "tree.has_members", c.Unit)
		}
	}
	return nil
}

// liveMerge checks a merger's target takes what the unit has today:
// children only under a non-branch, members only into a branch.
func (t *Tree) liveMerge(op treeOp) *youthbot.Error {
	into, err := t.Unit(op.Target)
	if err != nil {
		return youthbot.Errorf(youthbot.EINVALID, "tree.unknown", op.C.Target)
	}
	if len(t.ChildCodes(op.ID)) > 0 && into.Kind == youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "tree.under_branch", op.C.Target)
	}
	if t.HasMembers(op.ID) && into.Kind != youthbot.KindBranch {
		return youthbot.Errorf(youthbot.EINVALID, "tree.members_need_branch", op.C.Unit, op.C.Target)
	}
	return nil
}

// liveParent checks that op's target exists today and, but for a merger,
// is no branch.
func (t *Tree) liveParent(op treeOp) *youthbot.Error {
	if op.Target == "" {
		return nil
	}
	p, err := t.Unit(op.Target)
	if err != nil || t.ceasedToday(p) {
		return youthbot.Errorf(youthbot.EINVALID, "tree.unknown", op.C.Target)
	}
	if p.Kind == youthbot.KindBranch && op.C.Kind != youthbot.ChangeMerge {
		return youthbot.Errorf(youthbot.EINVALID, "tree.under_branch", op.C.Target)
	}
	return nil
}

// DueChanges counts the waiting changes whose day has come by today, which
// ApplyDueChanges would apply (a read-only look, for the report CLI).
func (t *Tree) DueChanges(today youthbot.Date) int {
	n := 0
	t.treeScan(func(rest []string, _ []byte) bool {
		if rest[0] > dayKey(today) {
			return false
		}
		n++
		return true
	}, "p")
	return n
}
