package service

import (
	"strings"

	"youthbot"
)

// ActivityStore is what DecideActivity reads and writes.
type ActivityStore interface {
	Activity(id uint64) (youthbot.Activity, error)
	PutActivity(a *youthbot.Activity) error
}

// DecideActivity confirms (confirm) or rejects the waiting activity id and
// tells the member who logged it (nobody if they were forgotten since). It
// returns the activity as decided. Errors: ENOTFOUND, ECONFLICT
// "activity.already" (decided or withdrawn before), EINVALID (a reason
// that is not one of RejectReasons).
func DecideActivity(st ActivityStore, actor Actor, id uint64, confirm bool, why string, at When) (youthbot.Activity, []Notice, error) {
	if err := checkReason(confirm, why); err != nil {
		return youthbot.Activity{}, nil, err
	}
	a, err := st.Activity(id)
	if err != nil {
		return a, nil, err
	}
	if a.Status != youthbot.ActivityPending {
		return a, nil, youthbot.Errorf(youthbot.ECONFLICT, "activity.already")
	}
	a.Status = youthbot.ActivityRejected
	if confirm {
		a.Status = youthbot.ActivityConfirmed
	}
	a.DecidedAt, a.DecidedBy, a.Reason = at.Now, actor.ID, ""
	if !confirm {
		a.Reason = why
	}
	if err := st.PutActivity(&a); err != nil {
		return a, nil, err
	}
	if a.Member <= 0 {
		return a, nil, nil // forgotten (/forgetme): nobody to tell
	}
	key := "activity.rejected"
	if confirm {
		key = "activity.confirmed"
	}
	return a, []Notice{withReason(notice(a.Member, "activity_decision", key, a.Date.String(), Clip(a.Description, 100)), why)}, nil
}

// Clip shortens user text to n characters for a line that quotes it: the
// text trimmed, its end replaced by "…" when it is longer.
func Clip(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
