package storage

import (
	"encoding/binary"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// PendingActivitiesLatest counts the activities waiting in unit that are
// not member's own, and returns the latest n of them, newest first. It
// reads the pending index and member's own index and decodes only the n
// it returns (and member's among them): a summary of thousands waiting
// costs a key scan, not thousands of decodes.
func (t *Tx) PendingActivitiesLatest(unit string, n int, member int64) (count int, latest []youthbot.Activity, err error) {
	prefix := kv.Join([]byte(unit), nil)
	var ids []uint64
	kv.PrefixScan(t.tx, kv.PendingActs, prefix, func(k, _ []byte) error {
		ids = append(ids, binary.BigEndian.Uint64(k[len(prefix):]))
		return nil
	})
	count = len(ids)
	pending := t.tx.Bucket(kv.PendingActs)
	own := kv.IDKey(member)
	kv.PrefixScan(t.tx, kv.MemberActs, own, func(k, _ []byte) error {
		if pending.Get(append(append([]byte(nil), prefix...), k[len(own):]...)) != nil {
			count--
		}
		return nil
	})
	for i := len(ids) - 1; i >= 0 && len(latest) < n; i-- {
		a, err := t.Activity(ids[i])
		if err != nil {
			return 0, nil, err
		}
		if a.Member != member {
			latest = append(latest, a)
		}
	}
	return count, latest, nil
}
