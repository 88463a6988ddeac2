// Package storage persists youthbot's domain in one bbolt file: units,
// members, secretaries, invites, users, dialogs, the update log and the
// outbox. DB owns the *bolt.DB; public methods open transactions, Tx carries
// the typed operations used inside one.
//
// Keys are chosen so hot queries are range scans: a unit's members are the
// keys prefixed by the unit code in unitMembers, a secretary's units the keys
// prefixed by the user id in secretaries, and so on.
package storage
