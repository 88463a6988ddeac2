package msglog

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Enqueue adds a message to the outbox in this transaction. A message whose
// Key was queued before is skipped: added is false; so is one to an
// imported member, who has no Telegram account to send to. A message with
// a Coalesce name replaces the one of that name still queued. It sets
// o.Seq.
func (t *Log) Enqueue(o *youthbot.Outgoing) (added bool, err error) {
	if youthbot.IsImportedID(o.Chat) {
		return false, nil
	}
	if o.Key != "" {
		keys := t.tx.Bucket(kv.OutboxKeys)
		if keys.Get([]byte(o.Key)) != nil {
			return false, nil
		}
		if err := keys.Put([]byte(o.Key), kv.U64Key(uint64(o.Queued.Unix()))); err != nil {
			return false, fmt.Errorf("outbox key: %w", err)
		}
	}
	b := t.tx.Bucket(kv.Outbox)
	seq, err := b.NextSequence()
	if err != nil {
		return false, fmt.Errorf("outbox sequence: %w", err)
	}
	o.Seq = seq
	if o.Coalesce != "" {
		if err := t.replaceCoalesced(o.Coalesce, seq); err != nil {
			return false, err
		}
	}
	return true, kv.PutJSON(t.tx, kv.Outbox, kv.U64Key(seq), o)
}

// OutboxKeySeen reports whether a message with key was ever queued.
func (t *Log) OutboxKeySeen(key string) bool {
	return t.tx.Bucket(kv.OutboxKeys).Get([]byte(key)) != nil
}

// PutOutgoing rewrites a queued message (tries, a migrated chat id).
func (t *Log) PutOutgoing(o *youthbot.Outgoing) error {
	return kv.PutJSON(t.tx, kv.Outbox, kv.U64Key(o.Seq), o)
}

// DeleteOutgoing removes a delivered (or undeliverable) message.
func (t *Log) DeleteOutgoing(seq uint64) error {
	return t.tx.Bucket(kv.Outbox).Delete(kv.U64Key(seq))
}

// Outbox returns every queued message in queue order.
func (t *Log) Outbox() ([]*youthbot.Outgoing, error) {
	var out []*youthbot.Outgoing
	err := t.tx.Bucket(kv.Outbox).ForEach(func(k, v []byte) error {
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
func (t *Log) OutboxStats() (n int, oldest time.Time) {
	c := t.tx.Bucket(kv.Outbox).Cursor()
	k, v := c.First()
	if k == nil {
		return 0, time.Time{}
	}
	var o youthbot.Outgoing
	if json.Unmarshal(v, &o) == nil {
		oldest = o.Queued
	}
	return t.tx.Bucket(kv.Outbox).Stats().KeyN, oldest
}

// OutboxHeads calls fn with the sequence, chat and lane of each queued
// message from sequence from on, in queue order, until fn returns false. It
// decodes only the start of each message, so that the sender can page the
// outbox without holding it.
func (t *Log) OutboxHeads(from uint64, fn func(seq uint64, chat int64, lane youthbot.Lane) bool) error {
	c := t.tx.Bucket(kv.Outbox).Cursor()
	for k, v := c.Seek(kv.U64Key(from)); k != nil; k, v = c.Next() {
		seq := binary.BigEndian.Uint64(k)
		chat, lane, err := outboxHead(v)
		if err != nil {
			return fmt.Errorf("decode outbox %d: %w", seq, err)
		}
		if !fn(seq, chat, lane) {
			return nil
		}
	}
	return nil
}

// outboxHead reads the chat and lane of a stored message: the start of the
// JSON encoding/json writes for youthbot.Outgoing ({"chat":N,"lane":N,...}),
// or, for any other layout, the whole value.
func outboxHead(v []byte) (int64, youthbot.Lane, error) {
	if rest, ok := bytes.CutPrefix(v, []byte(`{"chat":`)); ok {
		if i := bytes.IndexByte(rest, ','); i > 0 {
			chat, err := strconv.ParseInt(string(rest[:i]), 10, 64)
			if lane, ok := bytes.CutPrefix(rest[i+1:], []byte(`"lane":`)); ok && err == nil && len(lane) > 1 &&
				lane[0] >= '0' && lane[0] <= '9' && (lane[1] == ',' || lane[1] == '}') {
				return chat, youthbot.Lane(lane[0] - '0'), nil
			}
		}
	}
	var h struct {
		Chat int64         `json:"chat"`
		Lane youthbot.Lane `json:"lane"`
	}
	err := json.Unmarshal(v, &h)
	return h.Chat, h.Lane, err
}

// Outgoing returns the queued message seq; found is false once it was
// delivered or removed.
func (t *Log) Outgoing(seq uint64) (o *youthbot.Outgoing, found bool, err error) {
	v := t.tx.Bucket(kv.Outbox).Get(kv.U64Key(seq))
	if v == nil {
		return nil, false, nil
	}
	o = new(youthbot.Outgoing)
	if err := json.Unmarshal(v, o); err != nil {
		return nil, false, fmt.Errorf("decode outbox %d: %w", seq, err)
	}
	o.Seq = seq
	return o, true, nil
}

// PruneOutboxKeys forgets, in this transaction, the keys of queued messages
// that start with prefix and for which due (given the key and when its
// message was queued) is true, so that outbox_keys does not grow for ever.
// It looks at the keys after after (nil: from the first) and at most limit
// of them, which bounds the transaction; next is the last key it looked at,
// to continue from in the next transaction, or nil when the prefix is done.
func (t *Log) PruneOutboxKeys(prefix string, after []byte, limit int, due func(key string, queued time.Time) bool) (deleted int, next []byte, err error) {
	b := t.tx.Bucket(kv.OutboxKeys)
	c := b.Cursor()
	var k, v []byte
	if after == nil {
		k, v = c.Seek([]byte(prefix))
	} else if k, v = c.Seek(after); k != nil && string(k) == string(after) {
		k, v = c.Next()
	}
	var old [][]byte
	seen := 0
	for ; k != nil && kv.HasPrefix(k, []byte(prefix)); k, v = c.Next() {
		if seen == limit {
			break
		}
		seen++
		next = append(next[:0], k...)
		var queued time.Time
		if len(v) == 8 {
			queued = time.Unix(int64(binary.BigEndian.Uint64(v)), 0)
		}
		if due(string(k), queued) {
			old = append(old, append([]byte(nil), k...))
		}
	}
	if k == nil || !kv.HasPrefix(k, []byte(prefix)) {
		next = nil // nothing more under prefix
	}
	// Deleted after the scan: deleting under a cursor can skip keys.
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return 0, nil, fmt.Errorf("prune outbox keys: %w", err)
		}
	}
	return len(old), next, nil
}
