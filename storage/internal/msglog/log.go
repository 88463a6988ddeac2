// Package msglog is storage's message log: the updates applied, the outbox
// and its idempotency keys, coalesced messages, the windows of the live
// summaries of requests, the ids of sent messages and the scheduler's job
// state. Log is embedded in storage.Tx, which
// promotes its methods.
package msglog

import bolt "go.etcd.io/bbolt"

// Log is the message log's part of a transaction.
type Log struct {
	tx *bolt.Tx
}

// New returns the message log of tx.
func New(tx *bolt.Tx) Log { return Log{tx: tx} }
