package service

import (
	"time"

	"youthbot"
)

// ForgetStore is what Forget reads and writes: the seats the person gives
// up, then the erasure of what is left.
type ForgetStore interface {
	SeatStore
	Erase(userID int64, now time.Time, placeholder string, known ...string) (int64, error)
}

// Forget erases the actor's personal data (/forgetme): first their places
// in projects and waiting lists go, as if they had left each (a freed seat
// in an open project goes to the first in line, whose notices it returns);
// then the store erases everything else (storage.Tx.Erase: the member
// record stays as an anonymous count so past figures do not change, and
// queued messages naming them are dropped or rewritten with placeholder;
// known are other names they go by, such as their Telegram name).
func Forget(st ForgetStore, actor Actor, placeholder string, known []string, at When) ([]Notice, error) {
	_, notices, err := DropSeatsWhere(st, actor.ID, at.Today, func(youthbot.Project) (bool, error) { return true, nil })
	if err != nil {
		return nil, err
	}
	if _, err := st.Erase(actor.ID, at.Now, placeholder, known...); err != nil {
		return nil, err
	}
	return notices, nil
}
