// Package erasure is storage's part for /forgetme: erasing a person's
// personal data from every record and queued message, the redaction of
// what stays, and the erasure log that `youthbot restore` applies again.
// Erasure is embedded in storage.Tx, which promotes its methods.
package erasure

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/msglog"
)

// Erasure is the erasure's part of a transaction.
type Erasure struct {
	tx  *bolt.Tx
	log msglog.Log
	s   Entities
}

// Entities is what an erasure reads and removes of the rest of the
// database: storage.Tx implements it.
type Entities interface {
	Member(userID int64) (youthbot.Member, error)
	MemberActivities(member int64, fn func(youthbot.Activity) bool) error
	ForgetMember(userID int64, now time.Time) (int64, error)
	NewAnonID() (int64, error)
	SeatProjects(member int64) []string
	DeleteSeat(project string, member int64) error
	SecretaryUnits(userID int64) []string
	RemoveSecretary(userID int64, unit string) error
	DeleteDialog(userID int64) error
	DeleteUser(id int64) error
}

// New returns the erasure of tx, which removes from log's outbox, sent
// messages and summaries, and reads the rest through s.
func New(tx *bolt.Tx, log msglog.Log, s Entities) Erasure { return Erasure{tx: tx, log: log, s: s} }
