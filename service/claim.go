package service

import "youthbot"

// ClaimStore is what ClaimImported reads and writes.
type ClaimStore interface {
	ImportedByPhone(phone string) (youthbot.Member, bool, error)
	ImportedByName(branch, name string, birth youthbot.Date) (youthbot.Member, bool, error)
	TakeOverMember(from, to int64) (youthbot.Member, error)
	PutMember(m youthbot.Member) error
}

// How a registration was recognised as an imported member.
const (
	ClaimByPhone = "phone" // the phone of their Telegram contact is the record's
	ClaimByName  = "name"  // the same name and date of birth in the same branch
)

// Claim is what ClaimImported did: the member record the user took over
// and how they were recognised.
type Claim struct {
	Member youthbot.Member
	By     string // ClaimByPhone or ClaimByName
}

// ClaimImported lets user, who registers with reg (the branch, name, date
// of birth and phone — the Telegram contact's, or "" — as given in the
// registration), take over the record of a member imported from the
// workbook (no Telegram account) instead of becoming a second member: the
// record of the same branch with the same phone, or else with the same
// name (compared folded) and date of birth. The record keeps its history
// (membership since it was imported, counted in the figures as before),
// stays approved and moves to user's id; a phone or date of birth it
// lacked is filled in from reg. A record whose phone differs from reg's is
// not taken by name: two people may share a name and a birthday. ok is
// false when no record matches (register as usual). Errors: the store's
// (ECONFLICT "err.take_over_member" when user is an approved member
// already).
func ClaimImported(st ClaimStore, user int64, reg youthbot.Member) (c Claim, ok bool, err error) {
	m, by, found, err := findImported(st, reg)
	if err != nil || !found {
		return Claim{}, false, err
	}
	taken, err := st.TakeOverMember(m.UserID, user)
	if err != nil {
		return Claim{}, false, err
	}
	changed := false
	if taken.Phone == "" && reg.Phone != "" {
		taken.Phone, changed = reg.Phone, true
	}
	if taken.Birth.IsZero() && !reg.Birth.IsZero() {
		taken.Birth, changed = reg.Birth, true
	}
	if changed {
		if err := st.PutMember(taken); err != nil {
			return Claim{}, false, err
		}
	}
	return Claim{Member: taken, By: by}, true, nil
}

// ClaimImportedByPhone is ClaimImported by the phone only: for a phone
// Telegram vouches for (the registering user's own contact), which needs
// no secretary's approval; a match by name and date of birth, which
// anyone could type, is left to the secretary (ClaimImported when they
// approve).
func ClaimImportedByPhone(st ClaimStore, user int64, reg youthbot.Member) (c Claim, ok bool, err error) {
	byPhone := reg
	byPhone.FullName = "" // no match by name
	return ClaimImported(st, user, byPhone)
}

// findImported finds the imported record reg names (ClaimImported's rule).
func findImported(st ClaimStore, reg youthbot.Member) (youthbot.Member, string, bool, error) {
	for _, phone := range phoneForms(reg.Phone) {
		m, found, err := st.ImportedByPhone(phone)
		if err != nil {
			return m, "", false, err
		}
		if found && m.Unit == reg.Unit {
			return m, ClaimByPhone, true, nil
		}
	}
	if reg.Birth.IsZero() || reg.FullName == "" {
		return youthbot.Member{}, "", false, nil
	}
	m, found, err := st.ImportedByName(reg.Unit, reg.FullName, reg.Birth)
	if err != nil || !found {
		return m, "", false, err
	}
	if m.Phone != "" && reg.Phone != "" && !samePhone(m.Phone, reg.Phone) {
		return youthbot.Member{}, "", false, nil
	}
	return m, ClaimByName, true, nil
}

// phoneForms are the ways phone may be written in a workbook: as Telegram
// sends it (+84…) and the Vietnamese way (0…).
func phoneForms(phone string) []string {
	p := youthbot.NormalizePhone(phone)
	if p == "" {
		return nil
	}
	if len(p) > 3 && p[:3] == "+84" {
		return []string{p, "0" + p[3:]}
	}
	return []string{p}
}

// samePhone reports whether two phones are one number written the
// Vietnamese way (0…) and the international way (+84…).
func samePhone(a, b string) bool {
	local := func(p string) string {
		p = youthbot.NormalizePhone(p)
		if len(p) > 3 && p[:3] == "+84" {
			return "0" + p[3:]
		}
		if len(p) > 1 {
			return p[1:]
		}
		return p
	}
	return local(a) == local(b)
}
