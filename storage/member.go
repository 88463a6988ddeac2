package storage

import (
	"encoding/binary"
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Member returns the member record of a Telegram user, or ENOTFOUND.
func (t *Tx) Member(userID int64) (youthbot.Member, error) {
	var m youthbot.Member
	ok, err := kv.GetJSON(t.tx, kv.Members, kv.IDKey(userID), &m)
	if err != nil {
		return m, err
	}
	if !ok {
		return m, youthbot.Errorf(youthbot.ENOTFOUND, "err.not_member")
	}
	return m, nil
}

// PutMember creates or updates a member and keeps the unit index right.
func (t *Tx) PutMember(m youthbot.Member) error {
	var old youthbot.Member
	found, err := kv.GetJSON(t.tx, kv.Members, kv.IDKey(m.UserID), &old)
	if err != nil {
		return err
	}
	idx, pending := t.tx.Bucket(kv.UnitMembers), t.tx.Bucket(kv.PendingMembers)
	if found && old.Unit != m.Unit {
		if err := idx.Delete(kv.Join([]byte(old.Unit), kv.IDKey(m.UserID))); err != nil {
			return fmt.Errorf("unindex member: %w", err)
		}
		if err := pending.Delete(kv.Join([]byte(old.Unit), kv.IDKey(m.UserID))); err != nil {
			return fmt.Errorf("unindex member: %w", err)
		}
	}
	key := kv.Join([]byte(m.Unit), kv.IDKey(m.UserID))
	if err := idx.Put(key, []byte(m.Status)); err != nil {
		return fmt.Errorf("index member: %w", err)
	}
	if m.Status == youthbot.StatusPending {
		err = pending.Put(key, nil)
	} else {
		err = pending.Delete(key)
	}
	if err != nil {
		return fmt.Errorf("index pending member: %w", err)
	}
	return kv.PutJSON(t.tx, kv.Members, kv.IDKey(m.UserID), m)
}

// DeleteMember removes a member record and its index entry.
func (t *Tx) DeleteMember(userID int64) error {
	m, err := t.Member(userID)
	if err != nil {
		return err
	}
	key := kv.Join([]byte(m.Unit), kv.IDKey(userID))
	if err := t.tx.Bucket(kv.UnitMembers).Delete(key); err != nil {
		return fmt.Errorf("unindex member: %w", err)
	}
	if err := t.tx.Bucket(kv.PendingMembers).Delete(key); err != nil {
		return fmt.Errorf("unindex member: %w", err)
	}
	return t.tx.Bucket(kv.Members).Delete(kv.IDKey(userID))
}

// MembersOf returns the members of one unit whose status is one of statuses
// (all when none is given), ordered by id.
//
// Pending registrations alone come from their own small index, so the
// secretaries' waiting lists and the daily digest do not read every
// member's entry.
func (t *Tx) MembersOf(unit string, statuses ...youthbot.MemberStatus) ([]youthbot.Member, error) {
	var out []youthbot.Member
	prefix := kv.Join([]byte(unit), nil)
	bucket, onlyPending := kv.UnitMembers, len(statuses) == 1 && statuses[0] == youthbot.StatusPending
	if onlyPending {
		bucket = kv.PendingMembers
	}
	err := kv.PrefixScan(t.tx, bucket, prefix, func(k, v []byte) error {
		if onlyPending {
			v = []byte(youthbot.StatusPending)
		}
		if len(statuses) > 0 && !hasStatus(statuses, youthbot.MemberStatus(v)) {
			return nil
		}
		m, err := t.Member(kv.KeyID(k[len(prefix):]))
		if err != nil {
			return fmt.Errorf("member of %s: %w", unit, err)
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

// CountMembers counts the members of one unit by status.
func (t *Tx) CountMembers(unit string) map[youthbot.MemberStatus]int {
	counts := map[youthbot.MemberStatus]int{}
	kv.PrefixScan(t.tx, kv.UnitMembers, kv.Join([]byte(unit), nil), func(_, v []byte) error {
		counts[youthbot.MemberStatus(v)]++
		return nil
	})
	return counts
}

func hasStatus(list []youthbot.MemberStatus, s youthbot.MemberStatus) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ForgetMember erases a member's personal data: the record moves to a new
// negative anonymous id, keeping unit, status dates and counts, so figures of
// the past stay right while nothing links it to the person. Their
// activities and membership stints move to the anonymous id too, without
// descriptions or photos. It returns the anonymous id.
func (t *Tx) ForgetMember(userID int64, now time.Time) (int64, error) {
	m, err := t.Member(userID)
	if err != nil {
		return 0, err
	}
	if err := t.DeleteMember(userID); err != nil {
		return 0, err
	}
	anon, err := t.NewAnonID()
	if err != nil {
		return 0, err
	}
	wasMember := m.Status == youthbot.StatusApproved
	if wasMember {
		if err := t.CloseStint(userID, m.Unit, now); err != nil {
			return 0, err
		}
	}
	for _, unit := range append([]string{m.Unit}, m.Past...) {
		if err := t.rekeyStints(unit, userID, anon); err != nil {
			return 0, fmt.Errorf("forget stints: %w", err)
		}
	}
	if err := t.rekeyActivities(userID, anon); err != nil {
		return 0, fmt.Errorf("forget activities: %w", err)
	}
	if err := t.forgetTransfers(userID, anon, now); err != nil {
		return 0, fmt.Errorf("forget transfers: %w", err)
	}
	if err := t.forgetImportKey(userID, m.Phone); err != nil {
		return 0, err
	}
	if !wasMember {
		// Never counted as a member: nothing to keep.
		return anon, nil
	}
	return anon, t.PutMember(youthbot.Member{
		UserID:       anon,
		Unit:         m.Unit,
		Status:       youthbot.StatusForgotten,
		RegisteredAt: m.RegisteredAt,
		DecidedAt:    m.DecidedAt,
		LeftAt:       now,
	})
}

// NewAnonID allocates the next anonymous id (negative) for a forgotten
// person.
func (t *Tx) NewAnonID() (int64, error) {
	meta := t.tx.Bucket(kv.Meta)
	var seq uint64
	if b := meta.Get(kv.KeyAnonSequence); b != nil {
		seq = binary.BigEndian.Uint64(b)
	}
	seq++
	if err := meta.Put(kv.KeyAnonSequence, kv.U64Key(seq)); err != nil {
		return 0, fmt.Errorf("anon sequence: %w", err)
	}
	return -int64(seq), nil
}
