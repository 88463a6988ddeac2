package storage

import (
	"youthbot/storage/internal/broadcast"
	"youthbot/storage/internal/figures"
	"youthbot/storage/internal/kv"
	"youthbot/storage/internal/msglog"
	unittree "youthbot/storage/internal/tree"
)

// The types of the parts of a transaction that live in internal packages,
// under the names callers know.
type (
	// Change is what an upsert by key did to the database: the import's
	// created / updated / unchanged.
	Change = kv.Change
	// SentMessage is a delivered message that can be edited.
	SentMessage = msglog.SentMessage
	// ChangeProblem is a change of the tree refused, at its row.
	ChangeProblem = unittree.ChangeProblem
	// ChangeError lists the refused changes; nothing was written. It
	// unwraps to an EINVALID error.
	ChangeError = unittree.ChangeError
	// ChangeCounts is what ApplyUnitChanges did.
	ChangeCounts = unittree.ChangeCounts
	// RefusedChange is a waiting change that no longer held on its date.
	RefusedChange = unittree.RefusedChange
	// DueCounts is what ApplyDueChanges did.
	DueCounts = unittree.DueCounts
	// Version is one version of a unit in its history.
	Version = unittree.Version
	// History is a unit's history (UnitHistory).
	History = unittree.History

	// ActivityEntry is one activity as act_index holds it.
	ActivityEntry = figures.ActivityEntry
	// MemberAt is a member of a unit at the end of a period.
	MemberAt = figures.MemberAt

	// Summary is one chat's window of requests of a kind about a unit.
	Summary = msglog.Summary

	// Broadcast is an announcement being fanned out into the outbox.
	Broadcast = broadcast.Broadcast
	// RecipientCursor is a position in ScanRecipients' order.
	RecipientCursor = broadcast.RecipientCursor

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
