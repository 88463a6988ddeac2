package scheduler

import (
	"fmt"
	"time"

	"youthbot"
	"youthbot/storage"
)

// applyDueTreeChanges applies to today's tree the changes of the unit
// tree (F8) whose effective date has come: run daily with the pruning,
// and before the monthly tally so that it reads the tree of its day.
func (s *Scheduler) applyDueTreeChanges(now time.Time) error {
	var n int
	err := s.db.Update(func(tx *storage.Tx) error {
		var err error
		n, err = tx.ApplyDueChanges(youthbot.DateOf(now, s.loc), s.loc)
		return err
	})
	if err != nil {
		return fmt.Errorf("apply due changes of the unit tree: %w", err)
	}
	if n > 0 {
		s.log.Info("unit tree changes applied", "changes", n)
	}
	return nil
}
