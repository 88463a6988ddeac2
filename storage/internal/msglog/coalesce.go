package msglog

import (
	"encoding/binary"
	"fmt"

	"youthbot/storage/internal/kv"
)

// Coalesced messages (youthbot.Outgoing.Coalesce): the sequence of the
// last message queued under each name, so that a newer one replaces it
// while it is still in the outbox. The bucket is made when first written
// (no migration: an older file simply has nothing coalesced).

var bOutboxCoalesce = []byte("outbox_coalesce") // name → sequence (8)

// replaceCoalesced removes the message still queued under name, if any,
// and records seq as the name's latest.
func (t *Log) replaceCoalesced(name string, seq uint64) error {
	b, err := t.tx.CreateBucketIfNotExists(bOutboxCoalesce)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bOutboxCoalesce, err)
	}
	if v := b.Get([]byte(name)); len(v) == 8 {
		if err := t.DeleteOutgoing(binary.BigEndian.Uint64(v)); err != nil {
			return fmt.Errorf("replace coalesced: %w", err)
		}
	}
	if err := b.Put([]byte(name), kv.U64Key(seq)); err != nil {
		return fmt.Errorf("put coalesced: %w", err)
	}
	return nil
}

// PruneCoalesced forgets the names whose message is no longer queued, at
// most limit of them; it returns how many.
func (t *Log) PruneCoalesced(limit int) (int, error) {
	b := t.tx.Bucket(bOutboxCoalesce)
	if b == nil {
		return 0, nil
	}
	var gone [][]byte
	out := t.tx.Bucket(kv.Outbox)
	err := b.ForEach(func(k, v []byte) error {
		if len(gone) < limit && out.Get(v) == nil {
			gone = append(gone, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, k := range gone {
		if err := b.Delete(k); err != nil {
			return 0, fmt.Errorf("prune coalesced: %w", err)
		}
	}
	return len(gone), nil
}
