package storage

import (
	"encoding/binary"
	"fmt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

var statusCode = map[youthbot.ActivityStatus]byte{
	youthbot.ActivityPending:   'p',
	youthbot.ActivityConfirmed: 'c',
	youthbot.ActivityRejected:  'r',
	youthbot.ActivityUndone:    'u',
}

func actIndexKey(a *youthbot.Activity) []byte {
	return kv.Join([]byte(a.Unit), kv.MonthKey(a.Date), kv.U64Key(a.ID))
}

func actEntry(a *youthbot.Activity) []byte {
	v := make([]byte, kv.ActEntryLen)
	v[0] = statusCode[a.Status]
	binary.BigEndian.PutUint32(v[1:5], uint32(a.Tenths))
	copy(v[5:13], kv.IDKey(a.Member))
	v[13] = byte(a.Date.Day)
	return v
}

// AddActivity stores a new activity, giving it an id, and indexes it by
// (unit, month), by member and, while pending, in its unit's waiting list.
func (t *Tx) AddActivity(a *youthbot.Activity) error {
	id, err := t.tx.Bucket(kv.Activities).NextSequence()
	if err != nil {
		return fmt.Errorf("activity sequence: %w", err)
	}
	a.ID = id
	return t.putActivity(a, nil)
}

// Activity returns the activity with id, or ENOTFOUND.
func (t *Tx) Activity(id uint64) (youthbot.Activity, error) {
	var a youthbot.Activity
	ok, err := kv.GetJSON(t.tx, kv.Activities, kv.U64Key(id), &a)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, youthbot.Errorf(youthbot.ENOTFOUND, "err.activity_unknown")
	}
	return a, nil
}

// PutActivity rewrites an activity (its status, decision) and its indexes.
// Unit, member and date are fixed once added.
func (t *Tx) PutActivity(a *youthbot.Activity) error {
	old, err := t.Activity(a.ID)
	if err != nil {
		return err
	}
	if old.Unit != a.Unit || old.Member != a.Member || old.Date != a.Date {
		return fmt.Errorf("activity %d: unit, member and date cannot change", a.ID)
	}
	return t.putActivity(a, &old)
}

func (t *Tx) putActivity(a *youthbot.Activity, old *youthbot.Activity) error {
	if _, ok := statusCode[a.Status]; !ok {
		return fmt.Errorf("activity %d: unknown status %q", a.ID, a.Status)
	}
	if err := kv.PutJSON(t.tx, kv.Activities, kv.U64Key(a.ID), a); err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.ActIndex).Put(actIndexKey(a), actEntry(a)); err != nil {
		return fmt.Errorf("index activity: %w", err)
	}
	if old == nil {
		if err := t.tx.Bucket(kv.MemberActs).Put(append(kv.IDKey(a.Member), kv.U64Key(a.ID)...), nil); err != nil {
			return fmt.Errorf("index activity: %w", err)
		}
	}
	pk := kv.Join([]byte(a.Unit), kv.U64Key(a.ID))
	if a.Status == youthbot.ActivityPending {
		return t.tx.Bucket(kv.PendingActs).Put(pk, nil)
	}
	return t.tx.Bucket(kv.PendingActs).Delete(pk)
}

// MemberActivities calls fn for the member's activities, newest first,
// until fn returns false.
func (t *Tx) MemberActivities(member int64, fn func(youthbot.Activity) bool) error {
	prefix := kv.IDKey(member)
	c := t.tx.Bucket(kv.MemberActs).Cursor()
	// Seek past the member's last key, then walk back.
	k, _ := c.Seek(append(kv.IDKey(member), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && kv.HasPrefix(k, prefix); k, _ = c.Prev() {
		a, err := t.Activity(binary.BigEndian.Uint64(k[len(prefix):]))
		if err != nil {
			return err
		}
		if !fn(a) {
			return nil
		}
	}
	return nil
}

// PendingActivities returns the activities of unit waiting for a decision,
// oldest first.
func (t *Tx) PendingActivities(unit string) ([]youthbot.Activity, error) {
	var out []youthbot.Activity
	prefix := kv.Join([]byte(unit), nil)
	err := kv.PrefixScan(t.tx, kv.PendingActs, prefix, func(k, _ []byte) error {
		a, err := t.Activity(binary.BigEndian.Uint64(k[len(prefix):]))
		if err != nil {
			return err
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// rekeyActivities moves a member's activities to another member id (the
// anonymous id of a forgotten member), keeping every figure.
func (t *Tx) rekeyActivities(from, to int64) error {
	var ids []uint64
	prefix := kv.IDKey(from)
	kv.PrefixScan(t.tx, kv.MemberActs, prefix, func(k, _ []byte) error {
		ids = append(ids, binary.BigEndian.Uint64(k[len(prefix):]))
		return nil
	})
	for _, id := range ids {
		a, err := t.Activity(id)
		if err != nil {
			return err
		}
		if err := t.tx.Bucket(kv.MemberActs).Delete(append(kv.IDKey(from), kv.U64Key(id)...)); err != nil {
			return err
		}
		a.Member = to
		a.Description, a.Photo, a.Reason = "", "", "" // a reason in the secretary's words may name them
		if err := t.putActivity(&a, nil); err != nil {
			return err
		}
	}
	return nil
}
