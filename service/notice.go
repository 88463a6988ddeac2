package service

import (
	"time"

	"youthbot"
)

// Actor is who takes a decision: a user id (a secretary, an admin, or the
// member themselves). Rights are checked by the caller before it asks for
// the decision.
type Actor struct {
	ID int64
}

// When is the moment of a decision: the instant and the day it falls on in
// the bot's time zone (the day decides whether a project still takes
// members).
type When struct {
	Now   time.Time
	Today youthbot.Date
}

// Text is a catalog message (i18n key) and its arguments, rendered in the
// language of whoever reads it.
type Text struct {
	Key  string
	Args []any
}

// Notice is a message a decision sends to a user on its own initiative
// (not a reply to the actor): To is the user id, Kind names it for logs and
// metrics ("decision", "transfer"), Lines are rendered in the recipient's
// language and joined by newlines.
type Notice struct {
	To    int64
	Kind  string
	Lines []Text
}

// notice is a one-line notice.
func notice(to int64, kind, key string, args ...any) Notice {
	return Notice{To: to, Kind: kind, Lines: []Text{{Key: key, Args: args}}}
}
