package service

import (
	"time"

	"youthbot"
)

// BranchStore is what LogBranch reads: the member's stints.
type BranchStore interface {
	BranchDuring(m youthbot.Member, from, to time.Time) string
}

// LogBranch is the branch a participation on day d is credited to: the one
// the member belonged to that day (a back-dated /log after a transfer
// counts where it happened), or their branch today when no stint covers
// the day.
func LogBranch(tx BranchStore, m youthbot.Member, d youthbot.Date, loc *time.Location) string {
	if b := tx.BranchDuring(m, d.Time(loc), d.AddDays(1).Time(loc)); b != "" {
		return b
	}
	return m.Unit
}
