package service

import (
	"cmp"
	"slices"
	"strconv"

	"youthbot"
)

// What waits for a decider: the items of one kind about one unit that a
// secretary's live summary counts and lists (bot/requests).

// Kinds of request (bot.RequestActivity, ...).
const (
	RequestActivity     = "act"
	RequestRegistration = "reg"
	RequestTransfer     = "tr"
)

// RequestStore is what PendingRequests reads.
type RequestStore interface {
	PendingActivities(unit string) ([]youthbot.Activity, error)
	PendingTransfers(unit string) ([]youthbot.Transfer, error)
	MembersOf(unit string, statuses ...youthbot.MemberStatus) ([]youthbot.Member, error)
}

// Request is one item waiting for a decision.
type Request struct {
	ID     string // the item's id in its kind: activity, member, transfer
	Order  uint64 // grows with the time it was asked: a cutoff keeps the items listed before it
	Member int64  // whom it is about (never asked to decide it)
	// One of them, by kind.
	Activity *youthbot.Activity
	Transfer *youthbot.Transfer
	Reg      *youthbot.Member
}

// PendingRequests lists the items of kind about unit waiting for a
// decision that viewer may take (none about viewer), oldest first. An
// unknown kind has none.
func PendingRequests(st RequestStore, kind, unit string, viewer int64) ([]Request, error) {
	var out []Request
	switch kind {
	case RequestActivity:
		acts, err := st.PendingActivities(unit)
		if err != nil {
			return nil, err
		}
		for i := range acts {
			if a := &acts[i]; a.Member != viewer {
				out = append(out, Request{ID: strconv.FormatUint(a.ID, 10), Order: a.ID, Member: a.Member, Activity: a})
			}
		}
	case RequestTransfer:
		ts, err := st.PendingTransfers(unit)
		if err != nil {
			return nil, err
		}
		for i := range ts {
			if t := &ts[i]; t.Member != viewer {
				out = append(out, Request{ID: strconv.FormatUint(t.ID, 10), Order: t.ID, Member: t.Member, Transfer: t})
			}
		}
	case RequestRegistration:
		ms, err := st.MembersOf(unit, youthbot.StatusPending)
		if err != nil {
			return nil, err
		}
		for i := range ms {
			if m := &ms[i]; m.UserID != viewer {
				out = append(out, Request{ID: strconv.FormatInt(m.UserID, 10), Order: uint64(m.RegisteredAt.UnixNano()), Member: m.UserID, Reg: m})
			}
		}
		slices.SortFunc(out, func(a, b Request) int { return cmp.Compare(a.Order, b.Order) })
	}
	return out, nil
}

// Within keeps the requests ordered at or before cutoff.
func Within(rs []Request, cutoff uint64) []Request {
	var out []Request
	for _, r := range rs {
		if r.Order <= cutoff {
			out = append(out, r)
		}
	}
	return out
}
