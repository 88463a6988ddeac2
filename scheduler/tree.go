package scheduler

import (
	"fmt"
	"html"
	"time"

	"youthbot"
	"youthbot/i18n"
	"youthbot/storage"
)

// applyDueTreeChanges applies to today's tree the changes of the unit
// tree (F8) whose effective date has come: run daily with the pruning,
// and before the monthly tally so that it reads the tree of its day.
func (s *Scheduler) applyDueTreeChanges(now time.Time) error {
	var n storage.DueCounts
	err := s.db.Update(func(tx *storage.Tx) error {
		var err error
		n, err = tx.ApplyDueChanges(youthbot.DateOf(now, s.loc), s.loc)
		return err
	})
	if err != nil {
		return fmt.Errorf("apply due changes of the unit tree: %w", err)
	}
	for _, r := range n.Refused {
		// Units, dates and a decision number: no personal data. The
		// refusal stays listed by `youthbot units history UNIT`.
		s.log.Warn("unit tree change refused on its date, not applied (listed by youthbot units history UNIT)",
			"date", r.Change.Date.String(), "kind", string(r.Change.Kind), "unit", r.Change.Unit,
			"target", r.Change.Target, "decision", r.Change.Decision, "reason", r.Err.Key, "args", fmt.Sprint(r.Err.Args...),
			"why", html.UnescapeString(i18n.T("en", r.Err.Key, r.Err.Args...)))
	}
	if n.Applied > 0 {
		s.log.Info("unit tree changes applied", "changes", n.Applied)
	}
	return nil
}
