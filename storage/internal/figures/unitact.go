package figures

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"reflect"
	"slices"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Unit activities (hoạt động of a unit, F7) live in unit_acts by id and are
// indexed in unit_act_index by (unit, month, id) with what figures need
// (day and contribution), so figures and listings never decode them. An
// office code (ma) of an imported activity or project is in office_codes.

func unitActKey(a *youthbot.UnitActivity) []byte {
	return kv.Join([]byte(a.Unit), kv.MonthKey(a.Date), kv.U64Key(a.ID))
}

func unitActEntry(a *youthbot.UnitActivity) []byte {
	return kv.AppendContribution([]byte{byte(a.Date.Day)}, a.ValueVND, &a.Contribution)
}

// checkUnitActivity refuses what the index cannot hold: no unit, no date,
// a contribution out of range (the service checks the rest, with the
// user's words).
func checkUnitActivity(a *youthbot.UnitActivity) error {
	if a.Unit == "" || a.Date.IsZero() {
		return fmt.Errorf("unit activity %d: unit and date required", a.ID)
	}
	if a.ValueVND < 0 {
		return youthbot.Errorf(youthbot.EINVALID, "err.value_vnd")
	}
	return a.Contribution.Validate()
}

// AddUnitActivity stores a new unit activity, giving it an id, and indexes
// it (and its office code, if any: ECONFLICT when another record has it).
func (t *Store) AddUnitActivity(a *youthbot.UnitActivity) error {
	if err := checkUnitActivity(a); err != nil {
		return err
	}
	if a.OfficeCode != "" {
		if _, ok := t.OfficeCode(a.OfficeCode); ok {
			return youthbot.Errorf(youthbot.ECONFLICT, "err.office_code_taken", a.OfficeCode)
		}
	}
	id, err := t.tx.Bucket(kv.UnitActs).NextSequence()
	if err != nil {
		return fmt.Errorf("unit activity sequence: %w", err)
	}
	a.ID = id
	return t.putUnitActivity(a, nil)
}

// UnitActivity returns the unit activity with id, or ENOTFOUND.
func (t *Store) UnitActivity(id uint64) (youthbot.UnitActivity, error) {
	var a youthbot.UnitActivity
	ok, err := kv.GetJSON(t.tx, kv.UnitActs, kv.U64Key(id), &a)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, youthbot.Errorf(youthbot.ENOTFOUND, "err.unit_activity_unknown")
	}
	return a, nil
}

// PutUnitActivity rewrites an existing unit activity (an edit: its date,
// unit and figures may change) and its index entries. Its office code
// cannot change.
func (t *Store) PutUnitActivity(a *youthbot.UnitActivity) error {
	old, err := t.UnitActivity(a.ID)
	if err != nil {
		return err
	}
	if old.OfficeCode != a.OfficeCode {
		return fmt.Errorf("unit activity %d: office code cannot change", a.ID)
	}
	if err := checkUnitActivity(a); err != nil {
		return err
	}
	return t.putUnitActivity(a, &old)
}

func (t *Store) putUnitActivity(a, old *youthbot.UnitActivity) error {
	t.f7 = nil
	if old != nil {
		if err := t.tx.Bucket(kv.UnitActIndex).Delete(unitActKey(old)); err != nil {
			return fmt.Errorf("unindex unit activity: %w", err)
		}
	}
	if err := kv.PutJSON(t.tx, kv.UnitActs, kv.U64Key(a.ID), a); err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitActIndex).Put(unitActKey(a), unitActEntry(a)); err != nil {
		return fmt.Errorf("index unit activity: %w", err)
	}
	if a.OfficeCode != "" {
		if err := t.tx.Bucket(kv.OfficeCodes).Put([]byte(a.OfficeCode), append([]byte{'a'}, kv.U64Key(a.ID)...)); err != nil {
			return fmt.Errorf("index office code: %w", err)
		}
	}
	return nil
}

// DeleteUnitActivity removes a unit activity and its index entries.
func (t *Store) DeleteUnitActivity(id uint64) error {
	a, err := t.UnitActivity(id)
	if err != nil {
		return err
	}
	if err := t.tx.Bucket(kv.UnitActIndex).Delete(unitActKey(&a)); err != nil {
		return fmt.Errorf("unindex unit activity: %w", err)
	}
	if a.OfficeCode != "" {
		if err := t.tx.Bucket(kv.OfficeCodes).Delete([]byte(a.OfficeCode)); err != nil {
			return fmt.Errorf("unindex office code: %w", err)
		}
	}
	return t.tx.Bucket(kv.UnitActs).Delete(kv.U64Key(id))
}

// UnitActivitiesSince returns the activities of unit itself (not its
// subtree) dated since (included) or later, newest date first (then
// newest id). Its cost is the unit's activities since that month.
func (t *Store) UnitActivitiesSince(unit string, since youthbot.Date) ([]youthbot.UnitActivity, error) {
	var out []youthbot.UnitActivity
	prefix := kv.Join([]byte(unit), nil)
	c := t.tx.Bucket(kv.UnitActIndex).Cursor()
	for k, v := c.Seek(kv.Join([]byte(unit), kv.MonthKey(since))); k != nil && kv.HasPrefix(k, prefix); k, v = c.Next() {
		if len(k) < 8 || len(v) < 1 {
			continue
		}
		a, err := t.UnitActivity(binary.BigEndian.Uint64(k[len(k)-8:]))
		if err != nil {
			return nil, err
		}
		if !a.Date.Before(since) {
			out = append(out, a)
		}
	}
	// Within a month the index is by id: order by date, newest first.
	slices.SortFunc(out, func(a, b youthbot.UnitActivity) int { return -byDateID(a, b) })
	return out, nil
}

// UnitActivitiesIn returns the activities of unit itself dated in p,
// oldest first (date, then id).
func (t *Store) UnitActivitiesIn(unit string, p youthbot.Period) ([]youthbot.UnitActivity, error) {
	var out []youthbot.UnitActivity
	for _, month := range kv.Months(p) {
		err := kv.PrefixScan(t.tx, kv.UnitActIndex, kv.Join([]byte(unit), month, nil), func(k, _ []byte) error {
			a, err := t.UnitActivity(binary.BigEndian.Uint64(k[len(k)-8:]))
			if err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, byDateID)
	return out, nil
}

// byDateID orders by date, then id.
func byDateID(a, b youthbot.UnitActivity) int {
	if c := a.Date.Compare(b.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// OfficeCode returns what an office code (HoatDong's ma) names, if any.
func (t *Store) OfficeCode(ma string) (youthbot.OfficeRef, bool) {
	v := t.tx.Bucket(kv.OfficeCodes).Get([]byte(ma))
	switch {
	case len(v) == 9 && v[0] == 'a':
		return youthbot.OfficeRef{Activity: binary.BigEndian.Uint64(v[1:])}, true
	case len(v) > 1 && v[0] == 'p':
		return youthbot.OfficeRef{Project: string(v[1:])}, true
	}
	return youthbot.OfficeRef{}, false
}

// UpsertUnitActivity creates or updates the unit activity keyed by
// a.OfficeCode (required) as of now: unchanged when every field the
// workbook gives is the same. The id, creation and creator of an existing
// record are kept (and set in a). An office code naming a project is
// ECONFLICT.
func (t *Store) UpsertUnitActivity(a *youthbot.UnitActivity, now time.Time) (kv.Change, error) {
	if a.OfficeCode == "" {
		return kv.Unchanged, fmt.Errorf("upsert unit activity: no office code")
	}
	ref, ok := t.OfficeCode(a.OfficeCode)
	if !ok {
		a.CreatedAt = now
		return kv.Created, t.AddUnitActivity(a)
	}
	if ref.Activity == 0 {
		return kv.Unchanged, youthbot.Errorf(youthbot.ECONFLICT, "err.office_code_kind", a.OfficeCode)
	}
	old, err := t.UnitActivity(ref.Activity)
	if err != nil {
		return kv.Unchanged, err
	}
	a.ID, a.CreatedAt, a.CreatedBy = old.ID, old.CreatedAt, old.CreatedBy
	a.UpdatedAt, a.UpdatedBy = old.UpdatedAt, old.UpdatedBy
	if reflect.DeepEqual(normalUnitActivity(*a), normalUnitActivity(old)) {
		return kv.Unchanged, nil
	}
	a.UpdatedAt, a.UpdatedBy = now, 0
	return kv.Updated, t.PutUnitActivity(a)
}

// normalUnitActivity makes empty and nil beneficiaries compare equal.
func normalUnitActivity(a youthbot.UnitActivity) youthbot.UnitActivity {
	if len(a.Beneficiaries) == 0 {
		a.Beneficiaries = nil
	}
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	return a
}
