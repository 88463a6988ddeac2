package storage

import (
	"encoding/binary"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// MemberTally is one member's participations in a period.
type MemberTally struct {
	Participations int // confirmed
	Tenths         int // confirmed hours × 10
	Pending        int // waiting for a secretary
}

// ConfirmedByMember counts, per member, the confirmed participations and
// hours credited to any of units in period p. It reads only the (unit,
// month) index, like Figures: its cost is those units' entries in p.
func (t *Tx) ConfirmedByMember(units []string, p youthbot.Period) map[int64]MemberTally {
	out := map[int64]MemberTally{}
	seen := map[string]bool{}
	for _, unit := range units {
		if seen[unit] {
			continue
		}
		seen[unit] = true
		for _, month := range kv.Months(p) {
			kv.PrefixScan(t.tx, kv.ActIndex, kv.Join([]byte(unit), month, nil), func(_, v []byte) error {
				if v[0] == 'c' {
					id := kv.KeyID(v[5:13])
					mt := out[id]
					mt.Participations++
					mt.Tenths += int(binary.BigEndian.Uint32(v[1:5]))
					out[id] = mt
				}
				return nil
			})
		}
	}
	return out
}

// MemberTallyOf counts one member's own participations dated in period p,
// whatever branch they were credited to.
func (t *Tx) MemberTallyOf(member int64, p youthbot.Period) (MemberTally, error) {
	var mt MemberTally
	err := t.MemberActivities(member, func(a youthbot.Activity) bool {
		if !p.Contains(a.Date) {
			return true
		}
		switch a.Status {
		case youthbot.ActivityConfirmed:
			mt.Participations++
			mt.Tenths += a.Tenths
		case youthbot.ActivityPending:
			mt.Pending++
		}
		return true
	})
	return mt, err
}
