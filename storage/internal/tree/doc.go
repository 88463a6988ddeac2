// Package tree is storage's part for the unit tree: today's units and
// their children, and the tree's history (F8): dated versions, changes
// applied on their date or waiting for it, and the views of a period's
// tree that figures read. Tree is embedded in storage.Tx, which promotes
// its methods.
package tree

import (
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
)

// Tree is the unit tree's part of a transaction.
type Tree struct {
	tx           *bolt.Tx
	s            Members
	unitsChanged func() // called on every write of a unit: figures cache the units' kinds
}

// Members is what the tree reads and writes of the members and
// secretaries (a merger moves a unit's members): storage.Tx implements it.
type Members interface {
	MembersOf(unit string, statuses ...youthbot.MemberStatus) ([]youthbot.Member, error)
	MoveMember(userID int64, to string, at time.Time) (youthbot.Member, error)
	PutMember(m youthbot.Member) error
	SecretaryUnits(userID int64) []string
}

// New returns the tree of tx; it moves members through s and calls
// unitsChanged on every write of a unit.
func New(tx *bolt.Tx, s Members, unitsChanged func()) Tree {
	return Tree{tx: tx, s: s, unitsChanged: unitsChanged}
}
