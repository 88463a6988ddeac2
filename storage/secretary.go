package storage

import (
	"fmt"
	"slices"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// AddSecretary makes user a secretary of unit. It is idempotent.
func (t *Tx) AddSecretary(userID int64, unit string) error {
	if !t.IsSecretaryOf(userID, unit) { // keep the name of a role held already
		if err := t.tx.Bucket(kv.Secretaries).Put(append(kv.IDKey(userID), unit...), nil); err != nil {
			return fmt.Errorf("add secretary: %w", err)
		}
	}
	if err := t.tx.Bucket(kv.UnitSecretary).Put(kv.Join([]byte(unit), kv.IDKey(userID)), nil); err != nil {
		return fmt.Errorf("index secretary: %w", err)
	}
	return nil
}

// SetSecretaryName records the name a secretary of unit went by on
// Telegram when they took the role (a secretary need not be a member, so
// /secretaries has no other name to show). It goes with the role.
func (t *Tx) SetSecretaryName(userID int64, unit, name string) error {
	k := append(kv.IDKey(userID), unit...)
	if !t.IsSecretaryOf(userID, unit) {
		return fmt.Errorf("name secretary %d of %s: not a secretary", userID, unit)
	}
	if err := t.tx.Bucket(kv.Secretaries).Put(k, []byte(name)); err != nil {
		return fmt.Errorf("name secretary: %w", err)
	}
	return nil
}

// SecretaryName returns the name recorded with user's role in unit, or "".
func (t *Tx) SecretaryName(userID int64, unit string) string {
	return string(t.tx.Bucket(kv.Secretaries).Get(append(kv.IDKey(userID), unit...)))
}

// IsSecretaryOf reports whether user is one of unit's own secretaries.
// (The role's value may be empty, which bbolt's Get does not tell from a
// missing key: a cursor does.)
func (t *Tx) IsSecretaryOf(userID int64, unit string) bool {
	k := append(kv.IDKey(userID), unit...)
	found, _ := t.tx.Bucket(kv.Secretaries).Cursor().Seek(k)
	return found != nil && string(found) == string(k)
}

// RemoveSecretary takes unit's secretary role from user, and with it the
// secretary invites user made and nobody used yet for units their
// remaining roles give them no rights over: a link must not outlive the
// rights of whoever made it. (Storage does not know the admins: an admin's
// links made for a unit they also were secretary of go too; they can make
// new ones.)
func (t *Tx) RemoveSecretary(userID int64, unit string) error {
	if err := t.tx.Bucket(kv.Secretaries).Delete(append(kv.IDKey(userID), unit...)); err != nil {
		return fmt.Errorf("remove secretary: %w", err)
	}
	if err := t.tx.Bucket(kv.UnitSecretary).Delete(kv.Join([]byte(unit), kv.IDKey(userID))); err != nil {
		return fmt.Errorf("unindex secretary: %w", err)
	}
	return t.revokeInvites(userID)
}

// SecretaryUnits returns the units user is secretary of, ordered by code.
func (t *Tx) SecretaryUnits(userID int64) []string {
	var units []string
	prefix := kv.IDKey(userID)
	kv.PrefixScan(t.tx, kv.Secretaries, prefix, func(k, _ []byte) error {
		units = append(units, string(k[len(prefix):]))
		return nil
	})
	return units
}

// Secretaries returns the user ids of unit's own secretaries.
func (t *Tx) Secretaries(unit string) []int64 {
	var ids []int64
	prefix := kv.Join([]byte(unit), nil)
	kv.PrefixScan(t.tx, kv.UnitSecretary, prefix, func(k, _ []byte) error {
		ids = append(ids, kv.KeyID(k[len(prefix):]))
		return nil
	})
	return ids
}

// NearestSecretaries returns the secretaries of unit, or if it has none those
// of the closest unit above it that has some, with that unit's code.
func (t *Tx) NearestSecretaries(unit string) ([]int64, string, error) {
	path, err := t.Ancestors(unit)
	if err != nil {
		return nil, "", err
	}
	for _, c := range path {
		if ids := t.Secretaries(c); len(ids) > 0 {
			return ids, c, nil
		}
	}
	return nil, "", nil
}

// Deciders returns who is asked to decide about subject (their
// registration, hours, transfer) in unit: the secretaries of unit, or of
// the closest unit above that has some, skipping every unit subject is a
// secretary of, so that nobody is asked to decide about themselves nor
// only their peers about them; with nobody found, the admins other than
// subject. at is the unit of the secretaries found ("" for the admins).
// The bot's requests and the scheduler's digest both route by it.
func (t *Tx) Deciders(unit string, subject int64, admins []int64) (ids []int64, at string, err error) {
	path, err := t.Ancestors(unit)
	if err != nil {
		return nil, "", err
	}
	for _, c := range path {
		ids := t.Secretaries(c)
		if len(ids) > 0 && !slices.Contains(ids, subject) {
			return ids, c, nil
		}
	}
	for _, id := range admins {
		if id != subject {
			ids = append(ids, id)
		}
	}
	return ids, "", nil
}

// Manages reports whether a secretary of any unit in units has rights over
// unit (it is one of them or below one).
func (t *Tx) Manages(units []string, unit string) (bool, error) {
	if len(units) == 0 {
		return false, nil
	}
	path, err := t.Ancestors(unit)
	if err != nil {
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			return false, nil
		}
		return false, err
	}
	for _, c := range path {
		for _, s := range units {
			if c == s {
				return true, nil
			}
		}
	}
	return false, nil
}
