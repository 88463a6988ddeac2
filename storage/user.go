package storage

import (
	"youthbot"
)

// User returns the stored user; found is false for someone never seen.
func (t *Tx) User(id int64) (u youthbot.User, found bool, err error) {
	found, err = t.getJSON(bUsers, idKey(id), &u)
	return u, found, err
}

// PutUser stores a user.
func (t *Tx) PutUser(u youthbot.User) error { return t.putJSON(bUsers, idKey(u.ID), u) }

// DeleteUser forgets a user's settings.
func (t *Tx) DeleteUser(id int64) error { return t.bucket(bUsers).Delete(idKey(id)) }

// Dialog returns the user's dialog in progress, if any.
func (t *Tx) Dialog(userID int64) (d youthbot.Dialog, found bool, err error) {
	found, err = t.getJSON(bDialogs, idKey(userID), &d)
	return d, found, err
}

// PutDialog stores the user's dialog state.
func (t *Tx) PutDialog(userID int64, d youthbot.Dialog) error {
	return t.putJSON(bDialogs, idKey(userID), d)
}

// DeleteDialog ends the user's dialog.
func (t *Tx) DeleteDialog(userID int64) error { return t.bucket(bDialogs).Delete(idKey(userID)) }
