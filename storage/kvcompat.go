package storage

import (
	bolt "go.etcd.io/bbolt"

	"youthbot/storage/internal/kv"
)

// The names tree_*.go and figures_tree.go use, until the unit tree moves
// into its own package (it is being changed for issue 12 meanwhile).
var (
	bUnits        = kv.Units
	bUnitChildren = kv.UnitChildren
	bMembers      = kv.Members
	bStints       = kv.Stints
)

func join(parts ...[]byte) []byte { return kv.Join(parts...) }

func keyID(b []byte) int64 { return kv.KeyID(b) }

func hasPrefix(k, p []byte) bool { return kv.HasPrefix(k, p) }

func (t *Tx) bucket(name []byte) *bolt.Bucket { return t.tx.Bucket(name) }

func (t *Tx) prefixScan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	return kv.PrefixScan(t.tx, bucket, prefix, fn)
}
