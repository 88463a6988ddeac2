package storage

import "youthbot/storage/internal/msglog"

// The types of the parts of a transaction that live in internal packages,
// under the names callers know.
type (
	// SentMessage is a delivered message that can be edited.
	SentMessage = msglog.SentMessage
	// JobState is what the scheduler remembers of a job between runs.
	JobState = msglog.JobState
)

// SentRetention is how long a sent message's id is kept.
const SentRetention = msglog.SentRetention
