package storage

import (
	"bytes"
	"fmt"
	"slices"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// bulkFill is how full pages are packed by bulk writes: in-order appends
// would otherwise leave every page half empty.
const bulkFill = 0.9

// ImportActivities adds many new activities at once (seed data, records
// brought over from paper), giving them ids in the order of acts and
// indexing them as AddActivity does. Each index is written in key order:
// bbolt inserts into a page by moving what follows, so random order makes
// a large import quadratic.
func (t *Tx) ImportActivities(acts []youthbot.Activity) error {
	if len(acts) == 0 {
		return nil
	}
	b := t.tx.Bucket(kv.Activities)
	seq := b.Sequence()
	if err := b.SetSequence(seq + uint64(len(acts))); err != nil {
		return fmt.Errorf("activity sequence: %w", err)
	}
	type pair struct{ k, v []byte }
	index := make([]pair, 0, len(acts))
	byMember := make([][]byte, 0, len(acts))
	var pending [][]byte
	b.FillPercent = bulkFill
	for i := range acts {
		a := &acts[i]
		a.ID = seq + uint64(i) + 1
		if _, ok := statusCode[a.Status]; !ok {
			return fmt.Errorf("activity %d: unknown status %q", a.ID, a.Status)
		}
		if err := kv.PutJSON(t.tx, kv.Activities, kv.U64Key(a.ID), a); err != nil {
			return err
		}
		index = append(index, pair{actIndexKey(a), actEntry(a)})
		byMember = append(byMember, append(kv.IDKey(a.Member), kv.U64Key(a.ID)...))
		if a.Status == youthbot.ActivityPending {
			pending = append(pending, kv.Join([]byte(a.Unit), kv.U64Key(a.ID)))
		}
	}
	slices.SortFunc(index, func(x, y pair) int { return bytes.Compare(x.k, y.k) })
	slices.SortFunc(byMember, bytes.Compare)
	slices.SortFunc(pending, bytes.Compare)
	ib, mb, pb := t.tx.Bucket(kv.ActIndex), t.tx.Bucket(kv.MemberActs), t.tx.Bucket(kv.PendingActs)
	ib.FillPercent, mb.FillPercent, pb.FillPercent = bulkFill, bulkFill, bulkFill
	for _, e := range index {
		if err := ib.Put(e.k, e.v); err != nil {
			return fmt.Errorf("index activity: %w", err)
		}
	}
	for _, k := range byMember {
		if err := mb.Put(k, nil); err != nil {
			return fmt.Errorf("index activity: %w", err)
		}
	}
	for _, k := range pending {
		if err := pb.Put(k, nil); err != nil {
			return fmt.Errorf("index activity: %w", err)
		}
	}
	return nil
}
