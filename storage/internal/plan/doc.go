// Package plan is storage's part for a unit's yearly plan: its targets
// (set on a metric alone, or with a code), breakthrough tasks and models.
// Plan is embedded in storage.Tx, which promotes its methods.
package plan

import bolt "go.etcd.io/bbolt"

// Plan is the yearly plans' part of a transaction.
type Plan struct {
	tx      *bolt.Tx
	changed func() // called on a write to breakthroughs or models, which figures cache whether any exist
}

// New returns the plans of tx; changed is called on every write to the
// breakthrough tasks or models.
func New(tx *bolt.Tx, changed func()) Plan { return Plan{tx: tx, changed: changed} }
