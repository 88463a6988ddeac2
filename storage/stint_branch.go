package storage

import (
	"encoding/binary"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// BranchDuring is the branch m belonged to during the day that starts at
// from and ends at to (as its stints say; the latest when two cover it, a
// transfer that day), or "" when no stint covers it (not yet approved).
func (t *Tx) BranchDuring(m youthbot.Member, from, to time.Time) string {
	best, bestFrom := "", int64(-1)
	units := append([]string{m.Unit}, m.Past...)
	for _, unit := range units {
		prefix := kv.Join([]byte(unit), kv.IDKey(m.UserID))
		kv.PrefixScan(t.tx, kv.Stints, prefix, func(k, v []byte) error {
			if len(k) != len(prefix)+8 || len(v) < 8 {
				return nil
			}
			start := int64(binary.BigEndian.Uint64(k[len(prefix):]))
			end := int64(binary.BigEndian.Uint64(v[:8]))
			if start < to.Unix() && (end == 0 || end > from.Unix()) && start > bestFrom {
				best, bestFrom = unit, start
			}
			return nil
		})
	}
	return best
}
