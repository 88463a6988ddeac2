package service

import (
	"time"

	"youthbot"
)

// UndoWindow is how long after rejecting a registration or an activity
// the secretary may undo the rejection.
const UndoWindow = 24 * time.Hour

// undoable refuses to undo a rejection by someone else than who decided
// it (EUNAUTHORIZED "reject.undo_not_yours"), or later than UndoWindow
// after it (ECONFLICT "reject.undo_late").
func undoable(by int64, decided time.Time, actor Actor, at When) error {
	if by != actor.ID {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "reject.undo_not_yours")
	}
	if decided.IsZero() || at.Now.Sub(decided) > UndoWindow || at.Now.Before(decided) {
		return youthbot.Errorf(youthbot.ECONFLICT, "reject.undo_late")
	}
	return nil
}

// UndoMemberRejection puts the rejected registration of user id back to
// pending, by the secretary who rejected it within UndoWindow, and tells
// the member; the secretaries decide it again. Nothing else changed when it was rejected
// (a rejected registration has no stint), so the figures are as before.
// The caller checks the actor's rights over the member's branch. Errors:
// ENOTFOUND, ECONFLICT "reject.undo_not_rejected" (no longer rejected: it
// registered again, or was erased) or "reject.undo_late", EUNAUTHORIZED
// "reject.undo_not_yours".
func UndoMemberRejection(st MemberStore, actor Actor, id int64, at When) (youthbot.Member, []Notice, error) {
	m, err := st.Member(id)
	if err != nil {
		return m, nil, err
	}
	if m.Status != youthbot.StatusRejected {
		return m, nil, youthbot.Errorf(youthbot.ECONFLICT, "reject.undo_not_rejected")
	}
	if err := undoable(m.DecidedBy, m.DecidedAt, actor, at); err != nil {
		return m, nil, err
	}
	unit, err := st.Unit(m.Unit)
	if err != nil {
		return m, nil, err
	}
	m.Status, m.DecidedAt, m.DecidedBy, m.Reason = youthbot.StatusPending, time.Time{}, 0, ""
	if err := st.PutMember(m); err != nil {
		return m, nil, err
	}
	return m, []Notice{notice(m.UserID, "decision", "member.reject_undone", unit.Name)}, nil
}

// UndoActivityRejection puts the rejected activity id back to waiting for
// confirmation, by the secretary who rejected it within UndoWindow, and
// tells the member
// who logged it (nobody if they were forgotten since). A rejected activity
// counts nowhere, a waiting one only as waiting: the figures are as before
// the rejection. The caller checks the actor's rights over its branch.
// Errors: ENOTFOUND, ECONFLICT "reject.undo_not_rejected" or
// "reject.undo_late", EUNAUTHORIZED "reject.undo_not_yours".
func UndoActivityRejection(st ActivityStore, actor Actor, id uint64, at When) (youthbot.Activity, []Notice, error) {
	a, err := st.Activity(id)
	if err != nil {
		return a, nil, err
	}
	if a.Status != youthbot.ActivityRejected {
		return a, nil, youthbot.Errorf(youthbot.ECONFLICT, "reject.undo_not_rejected")
	}
	if err := undoable(a.DecidedBy, a.DecidedAt, actor, at); err != nil {
		return a, nil, err
	}
	a.Status, a.DecidedAt, a.DecidedBy, a.Reason = youthbot.ActivityPending, time.Time{}, 0, ""
	if err := st.PutActivity(&a); err != nil {
		return a, nil, err
	}
	if a.Member <= 0 {
		return a, nil, nil
	}
	return a, []Notice{notice(a.Member, "activity_decision", "activity.reject_undone", a.Date.String(), Clip(a.Description, 100))}, nil
}
