// Package storage persists youthbot's domain in one bbolt file: units,
// members, secretaries, invites, users, dialogs, the update log and the
// outbox. DB owns the *bolt.DB; public methods open transactions, Tx carries
// the typed operations used inside one.
//
// Tx is assembled from parts in internal packages, each a struct over the
// *bolt.Tx embedded in it so that their methods are Tx's: the message log
// (msglog), the unit tree (tree), the figures (figures), the yearly plans
// (plan), the erasure (erasure) and the broadcasts (broadcast). The
// entities stay here; what every part shares (bucket names, key
// encodings) is in kv, the file below the transactions in boltfile.
//
// Keys are chosen so hot queries are range scans: a unit's members are the
// keys prefixed by the unit code in unit_members, a secretary's units the
// keys prefixed by the user id in secretaries, and so on.
package storage
