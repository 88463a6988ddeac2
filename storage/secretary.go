package storage

import (
	"fmt"

	"youthbot"
)

// AddSecretary makes user a secretary of unit. It is idempotent.
func (t *Tx) AddSecretary(userID int64, unit string) error {
	if err := t.bucket(bSecretaries).Put(append(idKey(userID), unit...), nil); err != nil {
		return fmt.Errorf("add secretary: %w", err)
	}
	if err := t.bucket(bUnitSecretary).Put(join([]byte(unit), idKey(userID)), nil); err != nil {
		return fmt.Errorf("index secretary: %w", err)
	}
	return nil
}

// RemoveSecretary takes unit's secretary role from user.
func (t *Tx) RemoveSecretary(userID int64, unit string) error {
	if err := t.bucket(bSecretaries).Delete(append(idKey(userID), unit...)); err != nil {
		return fmt.Errorf("remove secretary: %w", err)
	}
	if err := t.bucket(bUnitSecretary).Delete(join([]byte(unit), idKey(userID))); err != nil {
		return fmt.Errorf("unindex secretary: %w", err)
	}
	return nil
}

// SecretaryUnits returns the units user is secretary of, ordered by code.
func (t *Tx) SecretaryUnits(userID int64) []string {
	var units []string
	prefix := idKey(userID)
	t.prefixScan(bSecretaries, prefix, func(k, _ []byte) error {
		units = append(units, string(k[len(prefix):]))
		return nil
	})
	return units
}

// Secretaries returns the user ids of unit's own secretaries.
func (t *Tx) Secretaries(unit string) []int64 {
	var ids []int64
	prefix := join([]byte(unit), nil)
	t.prefixScan(bUnitSecretary, prefix, func(k, _ []byte) error {
		ids = append(ids, keyID(k[len(prefix):]))
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
