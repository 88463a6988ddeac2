package msglog

import (
	"fmt"
	"time"

	"youthbot/storage/internal/kv"
)

// JobState is what the scheduler remembers of a job between runs and
// restarts, in the jobs bucket under the job's name ("tally",
// "campaign/C3", ...).
type JobState struct {
	LastRun time.Time `json:"last_run"`         // when a run last finished
	Done    time.Time `json:"done,omitzero"`    // the latest firing whose messages are all queued
	Period  string    `json:"period,omitempty"` // what the last run covered ("2026-02" for a tally)
	Queued  int       `json:"queued,omitempty"` // messages the last run queued
	Error   string    `json:"error,omitempty"`  // the last run's failure, if any
}

// Job returns a job's state; found is false for a job that never ran.
func (t *Log) Job(name string) (s JobState, found bool, err error) {
	found, err = kv.GetJSON(t.tx, kv.Jobs, []byte(name), &s)
	return s, found, err
}

// PutJob stores a job's state.
func (t *Log) PutJob(name string, s JobState) error {
	if name == "" {
		return fmt.Errorf("job without a name")
	}
	return kv.PutJSON(t.tx, kv.Jobs, []byte(name), s)
}

// ForgetOutboxKey forgets that a message with key was queued, so that a
// later run may queue it again: the sender does it for messages it drops
// because their chat refused the bot (403), so that a secretary who
// unblocks the bot, or a group linked again, still gets last month's tally.
func (t *Log) ForgetOutboxKey(key string) error {
	if key == "" {
		return nil
	}
	return t.tx.Bucket(kv.OutboxKeys).Delete([]byte(key))
}
