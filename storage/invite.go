package storage

import (
	"encoding/json"
	"fmt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Invite returns the invite with code, or ENOTFOUND.
func (t *Tx) Invite(code string) (youthbot.Invite, error) {
	var inv youthbot.Invite
	ok, err := kv.GetJSON(t.tx, kv.Invites, []byte(code), &inv)
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
	if err := kv.PutJSON(t.tx, kv.Invites, []byte(inv.Code), inv); err != nil {
		return err
	}
	if inv.Kind == youthbot.InviteMember {
		return t.tx.Bucket(kv.UnitInvites).Put(kv.Join([]byte(inv.Unit), []byte(inv.Kind)), []byte(inv.Code))
	}
	return nil
}

// MemberInvite returns the standing member invite of unit, if it has one.
func (t *Tx) MemberInvite(unit string) (youthbot.Invite, bool, error) {
	code := t.tx.Bucket(kv.UnitInvites).Get(kv.Join([]byte(unit), []byte(youthbot.InviteMember)))
	if code == nil {
		return youthbot.Invite{}, false, nil
	}
	inv, err := t.Invite(string(code))
	return inv, err == nil, err
}

// revokeInvites deletes the unused secretary invites made by user for
// units user is no longer secretary of or below (RemoveSecretary). It reads
// every invite: roles are lost rarely, and invites are few (one member link
// per branch, single-use secretary links).
func (t *Tx) revokeInvites(user int64) error {
	units := t.SecretaryUnits(user)
	var revoke [][]byte
	err := t.tx.Bucket(kv.Invites).ForEach(func(k, v []byte) error {
		var inv youthbot.Invite
		if err := json.Unmarshal(v, &inv); err != nil {
			return fmt.Errorf("decode invite %q: %w", k, err)
		}
		if inv.Kind != youthbot.InviteSecretary || inv.CreatedBy != user || inv.UsedBy != 0 {
			return nil
		}
		if ok, err := t.Manages(units, inv.Unit); err != nil || ok {
			return err
		}
		revoke = append(revoke, append([]byte(nil), k...))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range revoke {
		if err := t.tx.Bucket(kv.Invites).Delete(k); err != nil {
			return fmt.Errorf("revoke invite: %w", err)
		}
	}
	return nil
}
