// Package service holds youthbot's decisions: approving a registration,
// confirming an activity, accepting a transfer, the waiting lists of
// projects. Each is a function of a store (a small interface declared here,
// implemented by *storage.Tx), the actor who decides and the time, returning
// what happened and the notices to send as data. The bot turns notices into
// messages; the scheduler uses the same rules. Nothing here knows bbolt or
// Telegram.
package service
