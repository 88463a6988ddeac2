package storage

import (
	"youthbot"
)

// Invite returns the invite with code, or ENOTFOUND.
func (t *Tx) Invite(code string) (youthbot.Invite, error) {
	var inv youthbot.Invite
	ok, err := t.getJSON(bInvites, []byte(code), &inv)
	if err != nil {
		return inv, err
	}
	if !ok {
		return inv, youthbot.Errorf(youthbot.ENOTFOUND, "err.invite_unknown")
	}
	return inv, nil
}

// PutInvite stores an invite. A member invite becomes its unit's standing
// member link.
func (t *Tx) PutInvite(inv youthbot.Invite) error {
	if err := t.putJSON(bInvites, []byte(inv.Code), inv); err != nil {
		return err
	}
	if inv.Kind == youthbot.InviteMember {
		return t.bucket(bUnitInvites).Put(join([]byte(inv.Unit), []byte(inv.Kind)), []byte(inv.Code))
	}
	return nil
}

// MemberInvite returns the standing member invite of unit, if it has one.
func (t *Tx) MemberInvite(unit string) (youthbot.Invite, bool, error) {
	code := t.bucket(bUnitInvites).Get(join([]byte(unit), []byte(youthbot.InviteMember)))
	if code == nil {
		return youthbot.Invite{}, false, nil
	}
	inv, err := t.Invite(string(code))
	return inv, err == nil, err
}
