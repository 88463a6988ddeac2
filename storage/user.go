package storage

import (
	"youthbot"
	"youthbot/storage/internal/kv"
)

// User returns the stored user; found is false for someone never seen.
func (t *Tx) User(id int64) (u youthbot.User, found bool, err error) {
	found, err = kv.GetJSON(t.tx, kv.Users, kv.IDKey(id), &u)
	return u, found, err
}

// PutUser stores a user.
func (t *Tx) PutUser(u youthbot.User) error { return kv.PutJSON(t.tx, kv.Users, kv.IDKey(u.ID), u) }

// DeleteUser forgets a user's settings.
func (t *Tx) DeleteUser(id int64) error { return t.tx.Bucket(kv.Users).Delete(kv.IDKey(id)) }

// Dialog returns the user's dialog in progress, if any.
func (t *Tx) Dialog(userID int64) (d youthbot.Dialog, found bool, err error) {
	found, err = kv.GetJSON(t.tx, kv.Dialogs, kv.IDKey(userID), &d)
	return d, found, err
}

// PutDialog stores the user's dialog state.
func (t *Tx) PutDialog(userID int64, d youthbot.Dialog) error {
	return kv.PutJSON(t.tx, kv.Dialogs, kv.IDKey(userID), d)
}

// DeleteDialog ends the user's dialog.
func (t *Tx) DeleteDialog(userID int64) error {
	return t.tx.Bucket(kv.Dialogs).Delete(kv.IDKey(userID))
}
