package msglog

import (
	"encoding/binary"
	"fmt"
	"time"

	"youthbot/storage/internal/kv"
)

// UpdateSeen reports whether the update was already applied.
func (t *Log) UpdateSeen(updateID int) bool {
	return t.tx.Bucket(kv.Updates).Get(kv.U64Key(uint64(updateID))) != nil
}

// MarkUpdate records the update as applied (in the transaction that applies
// it) and advances the stored offset past it.
func (t *Log) MarkUpdate(updateID int, at time.Time) error {
	if err := t.tx.Bucket(kv.Updates).Put(kv.U64Key(uint64(updateID)), kv.U64Key(uint64(at.Unix()))); err != nil {
		return fmt.Errorf("mark update %d: %w", updateID, err)
	}
	if int64(updateID) > t.Offset() {
		return t.SetOffset(int64(updateID))
	}
	return nil
}

// Offset returns the highest update id applied (0 if none).
func (t *Log) Offset() int64 {
	b := t.tx.Bucket(kv.Meta).Get(kv.KeyOffset)
	if b == nil {
		return 0
	}
	return int64(binary.BigEndian.Uint64(b))
}

// SetOffset stores the highest update id applied.
func (t *Log) SetOffset(id int64) error {
	return t.tx.Bucket(kv.Meta).Put(kv.KeyOffset, kv.U64Key(uint64(id)))
}

// PruneUpdates forgets applied updates handled before cutoff. Telegram keeps
// an update at most 24 hours, so records older than that cannot be
// redelivered; pruning them also keeps a later random restart of update ids
// from colliding with old records.
func (t *Log) PruneUpdates(cutoff time.Time) (int, error) {
	b := t.tx.Bucket(kv.Updates)
	var old [][]byte
	b.ForEach(func(k, v []byte) error {
		if int64(binary.BigEndian.Uint64(v)) < cutoff.Unix() {
			old = append(old, append([]byte(nil), k...))
		}
		return nil
	})
	// Deleted after the scan: deleting under a cursor can skip keys.
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return 0, fmt.Errorf("prune updates: %w", err)
		}
	}
	return len(old), nil
}

// Touch writes the time of a health check, proving the database writable.
func (t *Log) Touch(now time.Time) error {
	return t.tx.Bucket(kv.Meta).Put([]byte("health"), kv.U64Key(uint64(now.Unix())))
}
