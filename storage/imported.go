package storage

import (
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
	"youthbot/vn"
)

// Members imported from a workbook (DoanVien) have no Telegram account:
// their ids are ImportedIDBase and up (imported_keys' sequence). They are keyed
// for the import by (branch, folded name, date of birth) in imported_keys,
// whose entry imported_ids points back to so that erasing the person
// erases the key too; while unclaimed, their phone is in member_phones.

func importedKey(branch, name string, birth youthbot.Date) []byte {
	return kv.Join([]byte(branch), []byte(vn.FoldName(name)), []byte(birth.ISO()))
}

// UpsertImportedMember creates or updates the imported member keyed by
// m.Unit (a branch), m.FullName and m.Birth, as of now: an approved member
// without a Telegram account, whose membership dates from m.Joined (the
// day of now in loc when zero) and counts as newly admitted then. An
// existing one keeps its id (set in m) and changes its phone, gender and
// joining day (its membership moves with it); one its person has taken
// over in the bot (TakeOverMember) is theirs and stays unchanged.
func (t *Tx) UpsertImportedMember(m *youthbot.Member, now time.Time, loc *time.Location) (Change, error) {
	if m.Unit == "" || m.FullName == "" || m.Birth.IsZero() {
		return Unchanged, fmt.Errorf("imported member: branch, name and birth required")
	}
	if m.Joined.IsZero() {
		m.Joined = youthbot.DateOf(now, loc)
	}
	m.Phone = canonicalPhone(m.Phone)
	key := importedKey(m.Unit, m.FullName, m.Birth)
	if v := t.tx.Bucket(kv.ImportedKeys).Get(key); v != nil {
		return t.updateImported(kv.KeyID(v), m, loc)
	}
	seq, err := t.tx.Bucket(kv.ImportedKeys).NextSequence()
	if err != nil {
		return Unchanged, fmt.Errorf("imported member sequence: %w", err)
	}
	m.UserID = youthbot.ImportedIDBase + int64(seq)
	from := m.Joined.Time(loc)
	m.Status, m.RegisteredAt, m.DecidedAt, m.DecidedBy, m.LeftAt, m.Past = youthbot.StatusApproved, now, from, 0, time.Time{}, nil
	if err := t.PutMember(*m); err != nil {
		return Unchanged, err
	}
	if err := t.OpenStint(m.UserID, m.Unit, from, true); err != nil {
		return Unchanged, err
	}
	if err := t.tx.Bucket(kv.ImportedKeys).Put(key, kv.IDKey(m.UserID)); err != nil {
		return Unchanged, fmt.Errorf("index imported member: %w", err)
	}
	if err := t.tx.Bucket(kv.ImportedIDs).Put(kv.IDKey(m.UserID), key); err != nil {
		return Unchanged, fmt.Errorf("index imported member: %w", err)
	}
	return Created, t.indexPhone(m.UserID, "", m.Phone)
}

func (t *Tx) updateImported(id int64, m *youthbot.Member, loc *time.Location) (Change, error) {
	old, err := t.Member(id)
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		m.UserID = id // removed in the bot since: not brought back
		return Unchanged, nil
	}
	if err != nil {
		return Unchanged, fmt.Errorf("imported member: %w", err)
	}
	if !youthbot.IsImportedID(id) || old.Status != youthbot.StatusApproved || old.Unit != m.Unit {
		*m = old // taken over, left or transferred: the bot's record now
		return Unchanged, nil
	}
	if old.FullName == m.FullName && old.Phone == m.Phone && old.Joined == m.Joined && old.Gender == m.Gender {
		*m = old
		return Unchanged, nil
	}
	nm := old
	nm.FullName, nm.Phone, nm.Gender = m.FullName, m.Phone, m.Gender
	if old.Joined != m.Joined {
		from := m.Joined.Time(loc)
		if err := t.tx.Bucket(kv.Stints).Delete(stintKey(old.Unit, id, old.DecidedAt)); err != nil {
			return Unchanged, fmt.Errorf("move imported stint: %w", err)
		}
		if err := t.OpenStint(id, old.Unit, from, true); err != nil {
			return Unchanged, err
		}
		nm.Joined, nm.DecidedAt = m.Joined, from
	}
	if err := t.PutMember(nm); err != nil {
		return Unchanged, err
	}
	if err := t.indexPhone(id, old.Phone, nm.Phone); err != nil {
		return Unchanged, err
	}
	*m = nm
	return Updated, nil
}

// indexPhone moves an imported member's phone entry from old to phone.
func (t *Tx) indexPhone(id int64, old, phone string) error {
	b := t.tx.Bucket(kv.MemberPhones)
	if old != "" && old != phone {
		if v := b.Get([]byte(old)); v != nil && kv.KeyID(v) == id {
			if err := b.Delete([]byte(old)); err != nil {
				return fmt.Errorf("unindex phone: %w", err)
			}
		}
	}
	if phone == "" {
		return nil
	}
	if err := b.Put([]byte(phone), kv.IDKey(id)); err != nil {
		return fmt.Errorf("index phone: %w", err)
	}
	return nil
}

// ImportedByPhone returns the imported member not yet taken over whose
// phone is phone, in any form (+84…, 84…, 0…, with spaces): Telegram's
// contact gives 84… or +84…, offices write 0….
func (t *Tx) ImportedByPhone(phone string) (youthbot.Member, bool, error) {
	p := canonicalPhone(phone)
	if p == "" {
		return youthbot.Member{}, false, nil
	}
	v := t.tx.Bucket(kv.MemberPhones).Get([]byte(p))
	if v == nil || !youthbot.IsImportedID(kv.KeyID(v)) {
		return youthbot.Member{}, false, nil
	}
	m, err := t.Member(kv.KeyID(v))
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return m, false, nil
	}
	return m, err == nil, err
}

// canonicalPhone is a Vietnamese phone in the one form member_phones holds:
// +84 and the number without its leading 0 (NormalizePhone's +digits for
// other numbers); "" when phone has no digits.
func canonicalPhone(phone string) string {
	p := youthbot.NormalizePhone(phone)
	if len(p) > 2 && p[1] == '0' {
		return "+84" + p[2:]
	}
	return p
}

// ImportedByName returns the imported member not yet taken over of branch
// with that name (compared folded, vn.FoldName) and date of birth.
func (t *Tx) ImportedByName(branch, name string, birth youthbot.Date) (youthbot.Member, bool, error) {
	v := t.tx.Bucket(kv.ImportedKeys).Get(importedKey(branch, name, birth))
	if v == nil || !youthbot.IsImportedID(kv.KeyID(v)) {
		return youthbot.Member{}, false, nil
	}
	m, err := t.Member(kv.KeyID(v))
	if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
		return m, false, nil
	}
	return m, err == nil, err
}

// TakeOverMember moves the imported member from to the Telegram user to,
// who registered in the bot and was recognised as that person: the record
// (kept approved, with its history), its membership stints and its import
// key now belong to to, so a later import of the same row changes nothing.
// A record to already has is replaced unless it is an approved member
// (ECONFLICT); it returns the member as stored.
func (t *Tx) TakeOverMember(from, to int64) (youthbot.Member, error) {
	if !youthbot.IsImportedID(from) || to <= 0 || youthbot.IsImportedID(to) {
		return youthbot.Member{}, fmt.Errorf("take over %d by %d: not an imported member and a user", from, to)
	}
	m, err := t.Member(from)
	if err != nil {
		return m, err
	}
	if cur, err := t.Member(to); err == nil {
		if cur.Status == youthbot.StatusApproved {
			return m, youthbot.Errorf(youthbot.ECONFLICT, "err.take_over_member")
		}
		if err := t.DeleteMember(to); err != nil {
			return m, err
		}
	} else if youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
		return m, err
	}
	if err := t.DeleteMember(from); err != nil {
		return m, err
	}
	for _, unit := range append([]string{m.Unit}, m.Past...) {
		if err := t.rekeyStints(unit, from, to); err != nil {
			return m, fmt.Errorf("take over stints: %w", err)
		}
	}
	if err := t.indexPhone(from, m.Phone, ""); err != nil {
		return m, err
	}
	if key := t.tx.Bucket(kv.ImportedIDs).Get(kv.IDKey(from)); key != nil {
		key = append([]byte(nil), key...)
		if err := t.tx.Bucket(kv.ImportedIDs).Delete(kv.IDKey(from)); err != nil {
			return m, fmt.Errorf("take over key: %w", err)
		}
		if err := t.tx.Bucket(kv.ImportedIDs).Put(kv.IDKey(to), key); err != nil {
			return m, fmt.Errorf("take over key: %w", err)
		}
		if err := t.tx.Bucket(kv.ImportedKeys).Put(key, kv.IDKey(to)); err != nil {
			return m, fmt.Errorf("take over key: %w", err)
		}
	}
	m.UserID = to
	return m, t.PutMember(m)
}

// forgetImportKey removes the import key of a member being forgotten (it
// holds their name and date of birth) and their phone entry.
func (t *Tx) forgetImportKey(id int64, phone string) error {
	if err := t.indexPhone(id, phone, ""); err != nil {
		return err
	}
	key := t.tx.Bucket(kv.ImportedIDs).Get(kv.IDKey(id))
	if key == nil {
		return nil
	}
	key = append([]byte(nil), key...)
	if v := t.tx.Bucket(kv.ImportedKeys).Get(key); v != nil && kv.KeyID(v) == id {
		if err := t.tx.Bucket(kv.ImportedKeys).Delete(key); err != nil {
			return fmt.Errorf("forget import key: %w", err)
		}
	}
	return t.tx.Bucket(kv.ImportedIDs).Delete(kv.IDKey(id))
}
