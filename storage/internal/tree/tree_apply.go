package tree

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// ChangeProblem is a change refused, at its row.
type ChangeProblem struct {
	Row int
	Err *youthbot.Error
}

// ChangeError lists the refused changes; nothing was written. It unwraps
// to an EINVALID error.
type ChangeError struct{ Problems []ChangeProblem }

func (e *ChangeError) Error() string {
	return fmt.Sprintf("%d change(s) of the unit tree refused, first at row %d: %s", len(e.Problems), e.Problems[0].Row, e.Problems[0].Err.Key)
}

// Unwrap makes the refusal bad input.
func (e *ChangeError) Unwrap() error { return e.Problems[0].Err }

// treeOp is a checked change with the identities it names.
type treeOp struct {
	C          youthbot.UnitChange `json:"c"`
	ID, Target string
	// Written: the change's history was written when it was recorded, by
	// a build before history waited for the date (MarkWaitingWritten): on
	// its date only today's tree is changed.
	Written bool `json:"w,omitempty"`
}

// ChangeCounts is what ApplyUnitChanges did.
type ChangeCounts struct {
	Applied, Waiting, Unchanged int // Waiting: recorded, history and today's tree on their date
}

// treeModel reads the tree's history into a model.
func (t *Tree) treeModel() (*youthbot.TreeModel, error) {
	m := &youthbot.TreeModel{Units: map[string]*youthbot.TreeUnit{}, Codes: map[string]string{}}
	var err error
	t.treeScan(func(rest []string, data []byte) bool {
		var v treeVersion
		if err = json.Unmarshal(data, &v); err != nil {
			err = fmt.Errorf("decode version of %s: %w", rest[0], err)
			return false
		}
		id, from := rest[0], dayOf(rest[1])
		u := m.Units[id]
		if u == nil {
			u = &youthbot.TreeUnit{ID: id, Born: from}
			m.Units[id] = u
		}
		u.Code, u.Name, u.Parent, u.Kind, u.Last = v.Code, v.Name, v.Parent, v.Kind, from
		u.Gone = dayOf(v.To)
		if v.To != "" {
			u.Last = u.Gone
		}
		return true
	}, "v")
	if err != nil {
		return nil, err
	}
	t.treeScan(func(rest []string, id []byte) bool {
		m.Codes[rest[0]] = string(id)
		return true
	}, "k")
	for id, u := range m.Units {
		u.Members = u.Gone.IsZero() && t.HasMembers(id)
	}
	if err := t.replayWaiting(m); err != nil {
		return nil, err
	}
	return m, nil
}

// ApplyUnitChanges checks changes against the tree's history in their
// order (youthbot.SortChanges) and applies them: all or nothing, a
// *ChangeError naming the rows refused. A change recorded already (same
// day, kind and unit) is left alone; a different one under that key is
// refused. Changes dated after today wait for their date: they are
// written to the history, today's tree and the members they move on that
// day, by ApplyDueChanges, if they still hold (tree_wait.go says why).
func (t *Tree) ApplyUnitChanges(changes []youthbot.UnitChange, today youthbot.Date, loc *time.Location) (ChangeCounts, error) {
	var n ChangeCounts
	b, err := t.seedTree()
	if err != nil {
		return n, err
	}
	model, err := t.treeModel()
	if err != nil {
		return n, err
	}
	cs := append([]youthbot.UnitChange(nil), changes...)
	youthbot.SortChanges(cs)
	var ops []treeOp
	var problems []ChangeProblem
	for _, c := range cs {
		c.Unit, c.Target = youthbot.NormalizeUnitCode(c.Unit), youthbot.NormalizeUnitCode(c.Target)
		id := model.Resolve(c.Unit)
		if c.Kind == youthbot.ChangeFound && id == "" {
			id = c.Unit
		}
		if id != "" {
			rec, ok, err := t.recordedChange(id, c)
			if err != nil {
				return ChangeCounts{}, err
			}
			if ok {
				if rec.Same(c) {
					n.Unchanged++
					continue
				}
				problems = append(problems, ChangeProblem{c.Row, youthbot.Errorf(youthbot.EINVALID, "tree.conflict", c.Unit, c.Date.String())})
				continue
			}
		}
		target, perr := model.Apply(c)
		if perr != nil {
			problems = append(problems, ChangeProblem{c.Row, perr})
			continue
		}
		ops = append(ops, treeOp{C: c, ID: id, Target: target})
	}
	if len(problems) > 0 {
		return ChangeCounts{}, &ChangeError{problems}
	}
	for _, op := range ops {
		if op.C.Date.After(today) {
			n.Waiting++
			if err := t.putPending(b, op); err != nil {
				return n, err
			}
			continue
		}
		n.Applied++
		if err := t.takeEffect(b, op, loc); err != nil {
			return n, err
		}
	}
	return n, nil
}

// takeEffect writes op to the history and applies it to today's tree.
func (t *Tree) takeEffect(b *bolt.Bucket, op treeOp, loc *time.Location) error {
	if !op.Written {
		if err := t.writeHistory(b, op); err != nil {
			return err
		}
	}
	return t.applyToday(op, loc)
}

func changeKey(id string, c youthbot.UnitChange) []byte {
	return tkey("e", id, dayKey(c.Date), string(c.Kind))
}

// recordedChange returns the change recorded for id on c's day of c's
// kind: in the history, waiting for its date or refused on it.
func (t *Tree) recordedChange(id string, c youthbot.UnitChange) (youthbot.UnitChange, bool, error) {
	var rec youthbot.UnitChange
	b := t.treeBucket()
	if b == nil {
		return rec, false, nil
	}
	if data := b.Get(changeKey(id, c)); data != nil {
		if err := json.Unmarshal(data, &rec); err != nil {
			return rec, false, fmt.Errorf("decode the recorded change of %s: %w", id, err)
		}
		return rec, true, nil
	}
	return t.queuedChange(id, c)
}

// writeHistory writes op's versions, codes, successor and record.
func (t *Tree) writeHistory(b *bolt.Bucket, op treeOp) error {
	c, day := op.C, dayKey(op.C.Date)
	var err error
	switch c.Kind {
	case youthbot.ChangeFound:
		err = t.putVersion(b, op.ID, day, treeVersion{Code: op.ID, Name: c.NewName, Parent: op.Target, Kind: c.UnitKind})
		if err == nil {
			err = b.Put(tkey("k", op.ID), []byte(op.ID))
		}
	case youthbot.ChangeRename:
		err = t.newVersion(b, op.ID, day, func(v *treeVersion) {
			if c.NewName != "" {
				v.Name = c.NewName
			}
			if c.Target != "" {
				v.Code = c.Target
			}
		})
		if err == nil && c.Target != "" {
			err = b.Put(tkey("k", c.Target), []byte(op.ID))
		}
	case youthbot.ChangeMove:
		err = t.newVersion(b, op.ID, day, func(v *treeVersion) { v.Parent = op.Target })
	case youthbot.ChangeMerge:
		var kids []string
		t.treeScan(func(rest []string, to []byte) bool {
			if len(to) == 0 {
				kids = append(kids, rest[0])
			}
			return true
		}, "c", op.ID)
		for _, k := range kids {
			if err = t.newVersion(b, k, day, func(v *treeVersion) { v.Parent = op.Target }); err != nil {
				return err
			}
		}
		if err = t.newVersion(b, op.ID, day, nil); err == nil {
			err = b.Put(tkey("a", op.Target, op.ID), []byte(day))
		}
	case youthbot.ChangeDissolve:
		v, _, _ := t.lastVersion(op.ID)
		if err = t.newVersion(b, op.ID, day, nil); err == nil && v.Parent != "" {
			err = b.Put(tkey("a", v.Parent, op.ID), []byte(day))
		}
	}
	if err != nil {
		return fmt.Errorf("unit history of %s: %w", op.ID, err)
	}
	data, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode change: %w", err)
	}
	return b.Put(changeKey(op.ID, c), data)
}

// applyToday applies op to today's tree and moves the members it moves.
func (t *Tree) applyToday(op treeOp, loc *time.Location) error {
	c := op.C
	if c.Kind == youthbot.ChangeFound {
		return t.putUnitRecord(youthbot.Unit{Code: op.ID, Name: c.NewName, Parent: op.Target, Kind: c.UnitKind})
	}
	u, err := t.Unit(op.ID)
	if err != nil {
		return err
	}
	switch c.Kind {
	case youthbot.ChangeRename:
		if c.NewName != "" {
			u.Name = c.NewName
		}
		return t.putUnitRecord(u)
	case youthbot.ChangeMove:
		u.Parent = op.Target
		return t.putUnitRecord(u)
	case youthbot.ChangeMerge:
		for _, k := range t.ChildCodes(op.ID) {
			ku, err := t.Unit(k)
			if err != nil {
				return err
			}
			ku.Parent = op.Target
			if err := t.putUnitRecord(ku); err != nil {
				return err
			}
		}
		members, err := t.s.MembersOf(op.ID)
		if err != nil {
			return err
		}
		at := c.Date.Time(loc)
		for _, m := range members {
			if m.Status == youthbot.StatusApproved {
				_, err = t.s.MoveMember(m.UserID, op.Target, at)
			} else {
				m.Unit = op.Target
				err = t.s.PutMember(m)
			}
			if err != nil {
				return fmt.Errorf("merge %s: %w", op.ID, err)
			}
		}
	}
	t.unitsChanged()
	if err := t.tx.Bucket(kv.UnitChildren).Delete(kv.Join([]byte(u.Parent), []byte(u.Code))); err != nil {
		return fmt.Errorf("unlink unit %s: %w", u.Code, err)
	}
	return nil
}

func (t *Tree) putPending(b *bolt.Bucket, op treeOp) error {
	data, err := json.Marshal(op)
	if err != nil {
		return fmt.Errorf("encode change: %w", err)
	}
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("queue change: %w", err)
	}
	return b.Put(tkey("p", dayKey(op.C.Date), fmt.Sprintf("%016x", seq)), data)
}
