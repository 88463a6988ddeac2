package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"youthbot"
)

// Enqueue adds a message to the outbox in this transaction. A message whose
// Key was queued before is skipped: added is false. It sets o.Seq.
func (t *Tx) Enqueue(o *youthbot.Outgoing) (added bool, err error) {
	if o.Key != "" {
		keys := t.bucket(bOutboxKeys)
		if keys.Get([]byte(o.Key)) != nil {
			return false, nil
		}
		if err := keys.Put([]byte(o.Key), u64Key(uint64(o.Queued.Unix()))); err != nil {
			return false, fmt.Errorf("outbox key: %w", err)
		}
	}
	b := t.bucket(bOutbox)
	seq, err := b.NextSequence()
	if err != nil {
		return false, fmt.Errorf("outbox sequence: %w", err)
	}
	o.Seq = seq
	return true, t.putJSON(bOutbox, u64Key(seq), o)
}

// OutboxKeySeen reports whether a message with key was ever queued.
func (t *Tx) OutboxKeySeen(key string) bool {
	return t.bucket(bOutboxKeys).Get([]byte(key)) != nil
}

// PutOutgoing rewrites a queued message (tries, a migrated chat id).
func (t *Tx) PutOutgoing(o *youthbot.Outgoing) error {
	return t.putJSON(bOutbox, u64Key(o.Seq), o)
}

// DeleteOutgoing removes a delivered (or undeliverable) message.
func (t *Tx) DeleteOutgoing(seq uint64) error {
	return t.bucket(bOutbox).Delete(u64Key(seq))
}

// Outbox returns every queued message in queue order.
func (t *Tx) Outbox() ([]*youthbot.Outgoing, error) {
	var out []*youthbot.Outgoing
	err := t.bucket(bOutbox).ForEach(func(k, v []byte) error {
		o := new(youthbot.Outgoing)
		if err := json.Unmarshal(v, o); err != nil {
			return fmt.Errorf("decode outbox %d: %w", binary.BigEndian.Uint64(k), err)
		}
		o.Seq = binary.BigEndian.Uint64(k)
		out = append(out, o)
		return nil
	})
	return out, err
}

// OutboxStats returns how many messages wait and when the oldest was queued.
func (t *Tx) OutboxStats() (n int, oldest time.Time) {
	c := t.bucket(bOutbox).Cursor()
	k, v := c.First()
	if k == nil {
		return 0, time.Time{}
	}
	var o youthbot.Outgoing
	if json.Unmarshal(v, &o) == nil {
		oldest = o.Queued
	}
	return t.bucket(bOutbox).Stats().KeyN, oldest
}
