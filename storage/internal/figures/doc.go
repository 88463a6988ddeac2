// Package figures is storage's part for the figures (F7, F8): the one
// computation of every tally, target and report (Figures, FiguresTree),
// the unit activities it counts with their index, and the readers of a
// period's entries for the daily report. Store is embedded in storage.Tx,
// which promotes its methods.
package figures

import (
	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/plan"
	"youthbot/storage/internal/tree"
)

// Store is the figures' part of a transaction. It reads the buckets of
// the rest directly (no interface in its loops), and the tree and the
// targets through their parts.
type Store struct {
	tx    *bolt.Tx
	plan  *plan.Plan
	views *tree.Views

	kinds map[string]youthbot.UnitKind // units' kinds read by figures (kindOf)
	f7    *f7presence                  // whether F7's index buckets hold anything (f7Present)
}

// New returns the figures of tx, reading targets from p and the tree
// from v.
func New(tx *bolt.Tx, p *plan.Plan, v *tree.Views) *Store {
	return &Store{tx: tx, plan: p, views: v}
}

// UnitsChanged tells s that a unit was written: the kinds it read may be
// stale.
func UnitsChanged(s *Store) { s.kinds = nil }

// PlanChanged tells s that a breakthrough task or a model was written.
func PlanChanged(s *Store) { s.f7 = nil }

// UseTree sets the tree the figures of this transaction read: the
// period's (the default) or today's.
func (t *Store) UseTree(mode youthbot.TreeMode) { t.views.UseTree(mode) }
