package broadcast

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// bBroadcasts holds the broadcasts confirmed and not yet fanned out into
// the outbox: id → Broadcast.
var bBroadcasts = []byte("broadcasts")

// CreateBucket is the migration adding the broadcasts bucket.
func CreateBucket(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bBroadcasts); err != nil {
		return fmt.Errorf("create bucket %s: %w", bBroadcasts, err)
	}
	return nil
}

// Broadcast is an announcement a secretary or an admin confirmed: the
// update that confirmed it records it, and the scheduler's broadcast job
// fans it out into the outbox, a chunk of recipients per transaction,
// moving Cursor in the same transaction; the last chunk deletes it.
type Broadcast struct {
	ID      string          `json:"id"`
	Author  int64           `json:"author"`
	Units   []string        `json:"units"` // the scope: the approved members of these units' subtrees
	From    string          `json:"from"`  // the units' names, as the message's header shows them
	Text    string          `json:"text"`
	At      time.Time       `json:"at"`               // when it was confirmed
	Counted int             `json:"counted"`          // the recipients the author was told of
	Cursor  RecipientCursor `json:"cursor"`           // where the fan-out is
	Queued  int             `json:"queued,omitempty"` // messages queued so far
}

// RecipientCursor is a position in ScanRecipients' order: after member
// After of unit Unit. The zero cursor is the start.
type RecipientCursor struct {
	Unit  string `json:"unit,omitempty"`
	After int64  `json:"after,omitempty"`
	Began bool   `json:"began,omitempty"` // After is a member id (false: from the unit's first)
}

// PutBroadcast stores a broadcast.
func (t *Fanout) PutBroadcast(b Broadcast) error {
	if b.ID == "" {
		return fmt.Errorf("broadcast without an id")
	}
	return kv.PutJSON(t.tx, bBroadcasts, []byte(b.ID), b)
}

// Broadcast returns a broadcast still being fanned out.
func (t *Fanout) Broadcast(id string) (b Broadcast, found bool, err error) {
	found, err = kv.GetJSON(t.tx, bBroadcasts, []byte(id), &b)
	return b, found, err
}

// Broadcasts returns the broadcasts still being fanned out, by id.
func (t *Fanout) Broadcasts() ([]Broadcast, error) {
	var out []Broadcast
	err := t.tx.Bucket(bBroadcasts).ForEach(func(k, v []byte) error {
		var b Broadcast
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("decode broadcast %s: %w", k, err)
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// DeleteBroadcast removes a broadcast fanned out completely.
func (t *Fanout) DeleteBroadcast(id string) error {
	return t.tx.Bucket(bBroadcasts).Delete([]byte(id))
}

// RecipientScope returns the units whose members a broadcast to the
// subtrees of tops reaches: each unit once, sorted by code (the order of
// ScanRecipients, so that a cursor stays valid if the tree changes).
func (t *Fanout) RecipientScope(tops []string) []string {
	var units []string
	for _, top := range tops {
		units = append(units, t.tree.Subtree(top)...)
	}
	slices.Sort(units)
	return slices.Compact(units)
}

// ScanRecipients calls fn with each approved member of the units of scope
// (sorted, as RecipientScope returns them) who can be reached, with their
// user record (found false: never seen, reachable), from just after cur, in
// unit then id order: each member once, as a member is in one unit. It
// stops after limit approved members (reachable or not; 0: no limit) and
// returns the cursor after the last one examined, and whether the scan
// reached the end of the scope. The unit index gives the status, so only
// approved members' user records are read. Imported members (no Telegram
// account) are not recipients.
func (t *Fanout) ScanRecipients(scope []string, cur RecipientCursor, limit int, fn func(u youthbot.User, found bool) error) (RecipientCursor, bool, error) {
	seen := 0
	start, _ := slices.BinarySearch(scope, cur.Unit)
	for _, unit := range scope[start:] {
		prefix := kv.Join([]byte(unit), nil)
		from := prefix
		if unit == cur.Unit && cur.Began {
			if cur.After == math.MaxInt64 {
				continue
			}
			from = kv.Join([]byte(unit), kv.IDKey(cur.After+1))
		}
		c := t.tx.Bucket(kv.UnitMembers).Cursor()
		for k, v := c.Seek(from); k != nil && kv.HasPrefix(k, prefix); k, v = c.Next() {
			if youthbot.MemberStatus(v) != youthbot.StatusApproved || youthbot.IsImportedID(kv.KeyID(k[len(prefix):])) {
				continue
			}
			if limit > 0 && seen == limit {
				return cur, false, nil
			}
			id := kv.KeyID(k[len(prefix):])
			cur, seen = RecipientCursor{Unit: unit, After: id, Began: true}, seen+1
			var u youthbot.User
			found, err := kv.GetJSON(t.tx, kv.Users, kv.IDKey(id), &u)
			if err != nil {
				return cur, false, err
			}
			if u.Unreachable {
				continue
			}
			if !found {
				u.ID = id
			}
			if err := fn(u, found); err != nil {
				return cur, false, err
			}
		}
	}
	return cur, true, nil
}

// CountRecipients counts the members ScanRecipients reaches in the
// subtrees of tops.
func (t *Fanout) CountRecipients(tops []string) (int, error) {
	n := 0
	_, _, err := t.ScanRecipients(t.RecipientScope(tops), RecipientCursor{}, 0, func(youthbot.User, bool) error {
		n++
		return nil
	})
	return n, err
}
