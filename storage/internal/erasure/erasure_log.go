package erasure

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"time"

	"youthbot/storage/internal/kv"
)

// logErasure records the person in the erasure log and marks the file's
// freed pages for wiping.
func (t *Erasure) logErasure(userID int64, now time.Time) error {
	b := t.tx.Bucket(kv.Erasures)
	salt := b.Get(keyErasureSalt)
	if len(salt) != saltLen {
		return errors.New("erasure log without its salt")
	}
	if err := b.Put(erasureKey(salt, userID), kv.U64Key(uint64(now.Unix()))); err != nil {
		return fmt.Errorf("erasure log: %w", err)
	}
	if err := b.Put(keyErasureN, kv.U64Key(t.Erasures()+1)); err != nil {
		return fmt.Errorf("erasure log: %w", err)
	}
	due := uint64(now.UnixNano())
	if v := b.Get(kv.KeyWipeDue); len(v) == 8 {
		due = max(due, binary.BigEndian.Uint64(v))
	}
	return b.Put(kv.KeyWipeDue, kv.U64Key(due))
}

// Erasures counts the erasures made in this database: anything built from
// it before the count changed (a cached tally's workbook) may name someone
// erased since.
func (t *Erasure) Erasures() uint64 {
	if b := t.tx.Bucket(kv.Erasures); b != nil {
		if v := b.Get(keyErasureN); len(v) == 8 {
			return binary.BigEndian.Uint64(v)
		}
	}
	return 0
}

// ErasureLog returns the erasure log's entries (opaque keys and when each
// was made), for MergeErasureLog into another copy of the database.
func (t *Erasure) ErasureLog() map[string]uint64 {
	out := map[string]uint64{}
	b := t.tx.Bucket(kv.Erasures)
	if b == nil {
		return out
	}
	b.ForEach(func(k, v []byte) error {
		if len(k) == 1+saltLen+macLen && k[0] == erasureMark && len(v) == 8 {
			out[string(k)] = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return out
}

// MergeErasureLog adds entries (from ErasureLog of another copy) to the log.
func (t *Erasure) MergeErasureLog(entries map[string]uint64) error {
	b := t.tx.Bucket(kv.Erasures)
	for k, at := range entries {
		if len(k) != 1+saltLen+macLen || k[0] != erasureMark {
			return fmt.Errorf("erasure log: malformed entry")
		}
		if b.Get([]byte(k)) != nil {
			continue
		}
		if err := b.Put([]byte(k), kv.U64Key(at)); err != nil {
			return fmt.Errorf("erasure log: %w", err)
		}
	}
	return nil
}

// ReapplyErasures erases again everyone the erasure log names whose data
// this copy of the database holds (an older backup being restored). It
// returns how many it erased.
func (t *Erasure) ReapplyErasures(now time.Time, placeholder string) (int, error) {
	log := t.ErasureLog()
	salts := map[string]bool{}
	for k := range log {
		salts[k[1:1+saltLen]] = true
	}
	if len(salts) == 0 {
		return 0, nil
	}
	candidates := map[int64]bool{}
	for _, name := range [][]byte{kv.Users, kv.Members, kv.Secretaries} {
		t.tx.Bucket(name).ForEach(func(k, _ []byte) error {
			if len(k) >= 8 {
				if id := kv.KeyID(k[:8]); id > 0 {
					candidates[id] = true
				}
			}
			return nil
		})
	}
	ids := make([]int64, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	n := 0
	for _, id := range ids {
		for salt := range salts {
			if _, ok := log[string(erasureKey([]byte(salt), id))]; !ok {
				continue
			}
			if _, err := t.Erase(id, now, placeholder); err != nil {
				return n, err
			}
			n++
			break
		}
	}
	return n, nil
}
