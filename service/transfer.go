package service

import (
	"slices"
	"strings"
	"time"

	"youthbot"
)

// TransferStore is what the transfer decisions read and write: the
// transfer, the member who moves, the seats they may have to give up, the
// branches' names and secretaries.
type TransferStore interface {
	SeatStore
	Transfer(id uint64) (youthbot.Transfer, error)
	PutTransfer(t *youthbot.Transfer) error
	MoveMember(userID int64, to string, at time.Time) (youthbot.Member, error)
	Unit(code string) (youthbot.Unit, error)
	Secretaries(unit string) []int64
}

// DecideTransfer accepts (accept) or rejects the pending transfer id. A
// transfer whose member is no longer an approved member of its origin is
// cancelled instead, telling nobody. It returns the transfer as decided.
// Errors: ENOTFOUND, ECONFLICT "transfer.already" (decided before).
func DecideTransfer(st TransferStore, actor Actor, id uint64, accept bool, at When) (youthbot.Transfer, []Notice, error) {
	t, err := st.Transfer(id)
	if err != nil {
		return t, nil, err
	}
	if !t.Pending() {
		return t, nil, youthbot.Errorf(youthbot.ECONFLICT, "transfer.already")
	}
	m, err := st.Member(t.Member)
	if err != nil && youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
		return t, nil, err
	}
	t.DecidedAt, t.DecidedBy = at.Now, actor.ID
	if err != nil || m.Status != youthbot.StatusApproved || m.Unit != t.From {
		t.Status = youthbot.TransferCancelled
		return t, nil, st.PutTransfer(&t)
	}
	if accept {
		notices, err := AcceptTransfer(st, actor, &t, m, at)
		return t, notices, err
	}
	t.Status = youthbot.TransferRejected
	if err := st.PutTransfer(&t); err != nil {
		return t, nil, err
	}
	to := unitName(st, t.To)
	var notices []Notice
	for _, id := range uniqueIDs(t.Member, t.RequestedBy) {
		if id != actor.ID {
			notices = append(notices, notice(id, "transfer", "transfer.rejected", m.FullName, to))
		}
	}
	return t, notices, nil
}

// AcceptTransfer moves m as t asks: the old branch's stint ends, the new
// one's begins, the member leaves the open projects the new branch does not
// see (their seats go to the waiting lists), and the member, the requester
// and the old branch's secretaries are told (the member and the old branch
// which projects the member left); the actor is told nothing. t is
// recorded as accepted.
func AcceptTransfer(st TransferStore, actor Actor, t *youthbot.Transfer, m youthbot.Member, at When) ([]Notice, error) {
	moved, err := st.MoveMember(m.UserID, t.To, at.Now)
	if err != nil {
		return nil, err
	}
	left, notices, err := DropSeatsOutside(st, moved, at.Today)
	if err != nil {
		return nil, err
	}
	t.Status, t.DecidedAt, t.DecidedBy = youthbot.TransferAccepted, at.Now, actor.ID
	if err := st.PutTransfer(t); err != nil {
		return nil, err
	}
	from, to := unitName(st, t.From), unitName(st, t.To)
	tell := func(id int64, key string, withLeft bool) {
		n := notice(id, "transfer", key, m.FullName, from, to)
		if withLeft && len(left) > 0 {
			n.Lines = append(n.Lines, Text{Key: "transfer.projects_left", Args: []any{strings.Join(left, ", ")}})
		}
		notices = append(notices, n)
	}
	told := map[int64]bool{actor.ID: true}
	for _, id := range uniqueIDs(t.Member, t.RequestedBy) {
		if !told[id] {
			told[id] = true
			tell(id, "transfer.accepted", id == t.Member)
		}
	}
	for _, id := range st.Secretaries(t.From) {
		if !told[id] {
			told[id] = true
			tell(id, "transfer.left", true)
		}
	}
	return notices, nil
}

// unitName is a unit's name, or its code if it is gone.
func unitName(st TransferStore, code string) string {
	if u, err := st.Unit(code); err == nil {
		return u.Name
	}
	return code
}

// uniqueIDs returns ids without repeats or zeros, in order.
func uniqueIDs(ids ...int64) []int64 {
	var out []int64
	for _, id := range ids {
		if id != 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}
