// Package broadcast is storage's part for /broadcast: the broadcasts
// confirmed and not yet fanned out, and the scan of their recipients in
// the order the fan-out's cursor follows. Fanout is embedded in
// storage.Tx, which promotes its methods.
package broadcast

import (
	bolt "go.etcd.io/bbolt"

	"youthbot/storage/internal/tree"
)

// Fanout is the broadcasts' part of a transaction.
type Fanout struct {
	tx   *bolt.Tx
	tree *tree.Tree
}

// New returns the broadcasts of tx, whose scopes are subtrees of t.
func New(tx *bolt.Tx, t *tree.Tree) Fanout { return Fanout{tx: tx, tree: t} }
