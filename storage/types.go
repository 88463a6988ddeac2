package storage

import (
	"youthbot/storage/internal/kv"
	"youthbot/storage/internal/msglog"
)

// The types of the parts of a transaction that live in internal packages,
// under the names callers know.
type (
	// Change is what an upsert by key did to the database: the import's
	// created / updated / unchanged.
	Change = kv.Change
	// SentMessage is a delivered message that can be edited.
	SentMessage = msglog.SentMessage
	// JobState is what the scheduler remembers of a job between runs.
	JobState = msglog.JobState
)

// Changes of an upsert.
const (
	Unchanged = kv.Unchanged
	Created   = kv.Created
	Updated   = kv.Updated
)

// SentRetention is how long a sent message's id is kept.
const SentRetention = msglog.SentRetention
