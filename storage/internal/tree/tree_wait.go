package tree

import (
	"encoding/json"
	"fmt"
	"math"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// A change dated after today waits under "p" and is written to the dated
// history (versions, codes, successors, its record) only on its date, by
// ApplyDueChanges, once checked again against today's tree. So the history
// only ever tells what happened, and a change its date refuses leaves
// nothing behind. Writing it at once and undoing it on a refusal would have
// to restore every entry it wrote exactly, under the changes recorded after
// it and the units written meanwhile (treeHook edits a unit's latest
// version, which would be the waiting one's): nothing would show a missed
// entry until a report of a later period read a tree that never was.
//
// What must still see a waiting change reads it from "p": treeModel
// replays the waiting changes, so that later rows are checked against the
// tree they will make (as when they were in the history), and
// recordedChange finds them, and the refused ones under "r", so that a
// second import of the same workbook changes nothing, before or after the
// date, and a different change under the same key is refused.

// refusedOp is a change refused on its date, with the reason, under "r".
type refusedOp struct {
	treeOp
	Reason string `json:"reason,omitempty"` // the i18n key of the refusal
	Args   []any  `json:"args,omitempty"`
}

// putRefused moves the waiting change under key to the refused list.
func (t *Tree) putRefused(b *bolt.Bucket, key []byte, op treeOp, why *youthbot.Error) error {
	data, err := json.Marshal(refusedOp{treeOp: op, Reason: why.Key, Args: why.Args})
	if err == nil {
		err = b.Put(append([]byte{'r'}, key[1:]...), data)
	}
	if err != nil {
		return fmt.Errorf("keep refused change of %s: %w", op.ID, err)
	}
	return nil
}

// queuedOps calls fn for the changes waiting ("p") or refused ("r") under
// list, in date order: those of the day given (a dayKey), or all ("").
func (t *Tree) queuedOps(list, from string, fn func(refusedOp) bool) error {
	var err error
	parts := []string{list}
	if from != "" {
		parts = append(parts, from)
	}
	t.treeScan(func(_ []string, data []byte) bool {
		var op refusedOp
		if err = json.Unmarshal(data, &op); err != nil {
			err = fmt.Errorf("decode a %s change of the unit tree: %w", map[string]string{"p": "waiting", "r": "refused"}[list], err)
			return false
		}
		return fn(op)
	}, parts...)
	return err
}

// queuedChange returns the change waiting for or refused on c's day for id
// of c's kind, the key the history records it under once it took effect.
func (t *Tree) queuedChange(id string, c youthbot.UnitChange) (youthbot.UnitChange, bool, error) {
	var rec youthbot.UnitChange
	found := false
	for _, list := range []string{"p", "r"} {
		err := t.queuedOps(list, dayKey(c.Date), func(op refusedOp) bool {
			if op.ID == id && op.C.Kind == c.Kind {
				rec, found = op.C, true
			}
			return !found
		})
		if err != nil || found {
			return rec, found, err
		}
	}
	return rec, false, nil
}

// replayWaiting applies the waiting changes to m in date order, unchecked:
// each was checked when recorded, against the model with the ones before
// it, and is checked again on its date against today's tree (recheck);
// what happened since (a member who joined a unit to dissolve) refuses it
// then, not the rows recorded after it now.
func (t *Tree) replayWaiting(m *youthbot.TreeModel) error {
	return t.queuedOps("p", "", func(op refusedOp) bool {
		if !op.Written { // else in the versions already
			m.Replay(op.C, op.ID, op.Target)
		}
		return true
	})
}

// queuedFor returns the changes waiting for their date and those refused
// on it that name id, as the unit changed or as their target.
func (t *Tree) queuedFor(id string) (waiting []youthbot.UnitChange, refused []RefusedChange, err error) {
	err = t.queuedOps("p", "", func(op refusedOp) bool {
		if op.ID == id || op.Target == id {
			waiting = append(waiting, op.C)
		}
		return true
	})
	if err != nil {
		return nil, nil, err
	}
	err = t.queuedOps("r", "", func(op refusedOp) bool {
		if op.ID == id || op.Target == id {
			r := RefusedChange{Change: op.C}
			if op.Reason != "" { // kept before reasons were
				r.Err = youthbot.Errorf(youthbot.EINVALID, op.Reason, wholeArgs(op.Args)...)
			}
			refused = append(refused, r)
		}
		return true
	})
	return waiting, refused, err
}

// wholeArgs gives back the integers of a refusal's arguments, which JSON
// decodes as float64 (a %d of the catalog needs an int).
func wholeArgs(args []any) []any {
	for i, a := range args {
		if f, ok := a.(float64); ok && f == math.Trunc(f) {
			args[i] = int(f)
		}
	}
	return args
}

// MarkWaitingWritten marks every change waiting for its date as Written: a
// build before history waited for the date wrote a waiting change's
// history when it recorded it (a migration, run once).
func MarkWaitingWritten(tx *bolt.Tx) error {
	b := tx.Bucket(kv.Tree)
	if b == nil {
		return nil
	}
	type entry struct{ k, v []byte }
	var marked []entry
	err := kv.Scan(b, tkey("p", ""), func(k, v []byte) error {
		var op treeOp
		if err := json.Unmarshal(v, &op); err != nil {
			return fmt.Errorf("decode a waiting change of the unit tree: %w", err)
		}
		op.Written = true
		data, err := json.Marshal(op)
		if err != nil {
			return fmt.Errorf("encode a waiting change of the unit tree: %w", err)
		}
		marked = append(marked, entry{append([]byte(nil), k...), data})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range marked {
		if err := b.Put(e.k, e.v); err != nil {
			return fmt.Errorf("mark a waiting change of the unit tree: %w", err)
		}
	}
	return nil
}
