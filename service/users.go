package service

import (
	"youthbot"
	"youthbot/i18n"
)

// UserStore reads and writes the users the bot talks to.
type UserStore interface {
	User(id int64) (youthbot.User, bool, error)
	PutUser(u youthbot.User) error
}

// Lang is the language to write to a user in: their /lang choice, else
// their Telegram app's language if the bot speaks it, else def (also for a
// user the bot never saw: found is false).
func Lang(u youthbot.User, found bool, def string) string {
	if !found {
		return def
	}
	if youthbot.ValidLang(u.Lang) {
		return u.Lang
	}
	return i18n.Lang(u.AppLang, def)
}

// Recipient returns the language to write to user id in; ok is false for a
// user who blocked the bot (nothing is sent to them).
func Recipient(st UserStore, id int64, def string) (lang string, ok bool, err error) {
	u, found, err := st.User(id)
	if err != nil {
		return "", false, err
	}
	if u.Unreachable {
		return "", false, nil
	}
	return Lang(u, found, def), true, nil
}

// SetBlocked records that user id blocked the bot (blocked) or talks to it
// again: a blocked user gets no notices until they come back.
func SetBlocked(st UserStore, id int64, blocked bool) error {
	u, found, err := st.User(id)
	if err != nil || u.Unreachable == blocked {
		return err
	}
	if !found {
		u = youthbot.User{ID: id}
	}
	u.Unreachable = blocked
	return st.PutUser(u)
}
