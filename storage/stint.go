package storage

import (
	"encoding/binary"
	"fmt"
	"time"

	"youthbot/storage/internal/kv"
)

// A stint is a member's approved membership of one branch from a time until
// a time (0: still). Approval opens one (new), a transfer closes the old
// branch's and opens one in the new branch (not new), leaving or /forgetme
// closes it. Figures count members at a moment from stints, so past months
// keep their numbers.

func stintKey(unit string, member int64, from time.Time) []byte {
	return kv.Join([]byte(unit), append(kv.IDKey(member), kv.U64Key(uint64(from.Unix()))...))
}

// OpenStint records that member belongs to unit from from on; isNew marks a
// newly admitted member (not one transferred in).
func (t *Tx) OpenStint(member int64, unit string, from time.Time, isNew bool) error {
	v := make([]byte, 9)
	if isNew {
		v[8] = 1
	}
	if err := t.tx.Bucket(kv.Stints).Put(stintKey(unit, member, from), v); err != nil {
		return fmt.Errorf("open stint: %w", err)
	}
	return nil
}

// CloseStint ends member's open stint in unit at to. No open stint is no
// error (a member never approved).
func (t *Tx) CloseStint(member int64, unit string, to time.Time) error {
	prefix := kv.Join([]byte(unit), kv.IDKey(member))
	var keys [][]byte
	kv.PrefixScan(t.tx, kv.Stints, prefix, func(k, v []byte) error {
		if binary.BigEndian.Uint64(v[:8]) == 0 {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range keys {
		v := make([]byte, 9)
		copy(v, t.tx.Bucket(kv.Stints).Get(k))
		binary.BigEndian.PutUint64(v[:8], uint64(to.Unix()))
		if err := t.tx.Bucket(kv.Stints).Put(k, v); err != nil {
			return fmt.Errorf("close stint: %w", err)
		}
	}
	return nil
}

// rekeyStints moves member's stints in unit to another member id.
func (t *Tx) rekeyStints(unit string, from, to int64) error {
	prefix := kv.Join([]byte(unit), kv.IDKey(from))
	type pair struct{ k, v []byte }
	var moves []pair
	kv.PrefixScan(t.tx, kv.Stints, prefix, func(k, v []byte) error {
		moves = append(moves, pair{append([]byte(nil), k...), append([]byte(nil), v...)})
		return nil
	})
	b := t.tx.Bucket(kv.Stints)
	for _, m := range moves {
		if err := b.Delete(m.k); err != nil {
			return err
		}
		nk := append(kv.Join([]byte(unit), kv.IDKey(to)), m.k[len(prefix):]...)
		if err := b.Put(nk, m.v); err != nil {
			return err
		}
	}
	return nil
}
