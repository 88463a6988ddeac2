package storage

import (
	"youthbot"
	"youthbot/storage/internal/kv"
)

// MemberCounts counts every member by status, in one scan of the unit
// index (no record is decoded): for monitoring.
func (t *Tx) MemberCounts() map[youthbot.MemberStatus]int {
	counts := map[youthbot.MemberStatus]int{}
	t.tx.Bucket(kv.UnitMembers).ForEach(func(_, v []byte) error {
		counts[youthbot.MemberStatus(v)]++
		return nil
	})
	return counts
}

// Size returns the size of the database file in bytes as this transaction
// sees it.
func (t *Tx) Size() int64 { return t.tx.Size() }
