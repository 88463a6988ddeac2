package msglog

import (
	"encoding/json"
	"fmt"
	"time"

	"youthbot/storage/internal/kv"
)

// Summaries: the state of the live summaries of the requests sent to a
// secretary (bot/requests), one per chat, kind of request and unit: the
// window of coalescing it is in. What the summary shows is read from the
// pending items each time, never stored here. The bucket is made when
// first written (no migration: an older file has no summary open).

var bSummaries = []byte("summaries") // kind 0 unit 0 kv.IDKey(chat) → JSON Summary

// Summary is one chat's window of requests of a kind about a unit.
type Summary struct {
	Chat  int64     `json:"-"`
	Kind  string    `json:"-"`
	Unit  string    `json:"-"`
	Since time.Time `json:"since"` // the first request of the window (sent alone)
	Count int       `json:"count"` // requests in the window
	Open  bool      `json:"open"`  // a summary message was queued in this window
}

func summaryKey(kind, unit string, chat int64) []byte {
	return kv.Join([]byte(kind), []byte(unit), kv.IDKey(chat))
}

// Summary is chat's window of requests of kind about unit.
func (t *Log) Summary(kind, unit string, chat int64) (Summary, bool, error) {
	s := Summary{Chat: chat, Kind: kind, Unit: unit}
	b := t.tx.Bucket(bSummaries)
	if b == nil {
		return s, false, nil
	}
	v := b.Get(summaryKey(kind, unit, chat))
	if v == nil {
		return s, false, nil
	}
	if err := json.Unmarshal(v, &s); err != nil {
		return s, true, fmt.Errorf("decode summary %s/%s/%d: %w", kind, unit, chat, err)
	}
	return s, true, nil
}

// PutSummary records a chat's window.
func (t *Log) PutSummary(s Summary) error {
	b, err := t.tx.CreateBucketIfNotExists(bSummaries)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bSummaries, err)
	}
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	if err := b.Put(summaryKey(s.Kind, s.Unit, s.Chat), data); err != nil {
		return fmt.Errorf("put summary: %w", err)
	}
	return nil
}

// SummariesOf lists the windows of every chat about kind in unit.
func (t *Log) SummariesOf(kind, unit string) ([]Summary, error) {
	b := t.tx.Bucket(bSummaries)
	if b == nil {
		return nil, nil
	}
	var out []Summary
	prefix := kv.Join([]byte(kind), []byte(unit), nil)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && kv.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) != len(prefix)+8 {
			continue
		}
		s := Summary{Chat: kv.KeyID(k[len(prefix):]), Kind: kind, Unit: unit}
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, fmt.Errorf("decode summary %s/%s: %w", kind, unit, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// DropSummaries forgets the windows of chat (/forgetme).
func (t *Log) DropSummaries(chat int64) error {
	b := t.tx.Bucket(bSummaries)
	if b == nil {
		return nil
	}
	var drop [][]byte
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) > 8 && kv.KeyID(k[len(k)-8:]) == chat {
			drop = append(drop, append([]byte(nil), k...))
		}
	}
	for _, k := range drop {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("drop summaries: %w", err)
		}
	}
	return nil
}
