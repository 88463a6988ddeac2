// Package roster is the test double's model of a group's people: its
// members in joining order, its administrators in promotion order and its
// creator, and the ChatMember status each of them has.
package roster

import "slices"

// Roster is the people of a group, by user id. Its zero value is an empty
// group; it has no lock of its own: the double's lock guards it.
type Roster struct {
	members []int64 // in joining order
	admins  []int64 // in promotion order
	creator int64   // the first admin set; 0 if none
}

// Clone is a copy of r, for the supergroup a group migrates to.
func (r *Roster) Clone() Roster {
	return Roster{members: slices.Clone(r.members), admins: slices.Clone(r.admins), creator: r.creator}
}

// Add makes uid a member.
func (r *Roster) Add(uid int64) {
	if !r.IsMember(uid) {
		r.members = append(r.members, uid)
	}
}

// Remove makes uid leave the group: an admin loses the rights too, and
// the creator is no longer one.
func (r *Roster) Remove(uid int64) {
	r.members = slices.DeleteFunc(r.members, func(id int64) bool { return id == uid })
	r.admins = slices.DeleteFunc(r.admins, func(id int64) bool { return id == uid })
	if r.creator == uid {
		r.creator = 0
	}
}

// SetAdmin makes uid an administrator (and a member) or takes the rights
// away. The first user ever made admin is the creator, whose status stays
// "creator".
func (r *Roster) SetAdmin(uid int64, admin bool) {
	if !admin {
		r.admins = slices.DeleteFunc(r.admins, func(id int64) bool { return id == uid })
		return
	}
	r.Add(uid)
	if !slices.Contains(r.admins, uid) {
		r.admins = append(r.admins, uid)
	}
	if r.creator == 0 {
		r.creator = uid
	}
}

// IsMember reports whether uid is a member.
func (r *Roster) IsMember(uid int64) bool { return slices.Contains(r.members, uid) }

// Status is the ChatMember status of uid: "creator", "administrator",
// "member" or "left".
func (r *Roster) Status(uid int64) string {
	switch {
	case uid == r.creator && r.creator != 0:
		return "creator"
	case slices.Contains(r.admins, uid):
		return "administrator"
	case r.IsMember(uid):
		return "member"
	}
	return "left"
}

// Administrators are the ids getChatAdministrators lists: the creator
// first, then the administrators in promotion order.
func (r *Roster) Administrators() []int64 {
	var out []int64
	if r.creator != 0 {
		out = append(out, r.creator)
	}
	for _, id := range r.admins {
		if id != r.creator {
			out = append(out, id)
		}
	}
	return out
}

// Actor is who acts for the group in its service messages (a migration):
// the creator, else the first member, else 0.
func (r *Roster) Actor() int64 {
	switch {
	case r.creator != 0:
		return r.creator
	case len(r.members) > 0:
		return r.members[0]
	}
	return 0
}
