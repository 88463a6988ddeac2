package storage

import (
	"encoding/binary"
	"fmt"
	"time"
)

// A stint is a member's approved membership of one branch from a time until
// a time (0: still). Approval opens one (new), a transfer closes the old
// branch's and opens one in the new branch (not new), leaving or /forgetme
// closes it. Figures count members at a moment from stints, so past months
// keep their numbers.

func stintKey(unit string, member int64, from time.Time) []byte {
	return join([]byte(unit), append(idKey(member), u64Key(uint64(from.Unix()))...))
}

// OpenStint records that member belongs to unit from from on; isNew marks a
// newly admitted member (not one transferred in).
func (t *Tx) OpenStint(member int64, unit string, from time.Time, isNew bool) error {
	v := make([]byte, 9)
	if isNew {
		v[8] = 1
	}
	if err := t.bucket(bStints).Put(stintKey(unit, member, from), v); err != nil {
		return fmt.Errorf("open stint: %w", err)
	}
	return nil
}

// CloseStint ends member's open stint in unit at to. No open stint is no
// error (a member never approved).
func (t *Tx) CloseStint(member int64, unit string, to time.Time) error {
	prefix := join([]byte(unit), idKey(member))
	var keys [][]byte
	t.prefixScan(bStints, prefix, func(k, v []byte) error {
		if binary.BigEndian.Uint64(v[:8]) == 0 {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range keys {
		v := make([]byte, 9)
		copy(v, t.bucket(bStints).Get(k))
		binary.BigEndian.PutUint64(v[:8], uint64(to.Unix()))
		if err := t.bucket(bStints).Put(k, v); err != nil {
			return fmt.Errorf("close stint: %w", err)
		}
	}
	return nil
}

// rekeyStints moves member's stints in unit to another member id.
func (t *Tx) rekeyStints(unit string, from, to int64) error {
	prefix := join([]byte(unit), idKey(from))
	type kv struct{ k, v []byte }
	var moves []kv
	t.prefixScan(bStints, prefix, func(k, v []byte) error {
		moves = append(moves, kv{append([]byte(nil), k...), append([]byte(nil), v...)})
		return nil
	})
	b := t.bucket(bStints)
	for _, m := range moves {
		if err := b.Delete(m.k); err != nil {
			return err
		}
		nk := append(join([]byte(unit), idKey(to)), m.k[len(prefix):]...)
		if err := b.Put(nk, m.v); err != nil {
			return err
		}
	}
	return nil
}
