package figures

import (
	"cmp"
	"encoding/binary"
	"slices"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Lookups of unit activities: by the workbook's office code, for an import
// that compares before it writes, and the bot's paged listing of a unit's
// activities.

// UnitActivityByOfficeCode returns the unit activity whose office code is
// ma, if any.
func (t *Store) UnitActivityByOfficeCode(ma string) (youthbot.UnitActivity, bool, error) {
	ref, ok := t.OfficeCode(ma)
	if !ok || ref.Activity == 0 {
		return youthbot.UnitActivity{}, false, nil
	}
	a, err := t.UnitActivity(ref.Activity)
	return a, err == nil, err
}

// UnitActivitiesOf returns a page of the activities of unit itself (not
// its subtree), newest date first (then newest id): limit of them after
// skipping offset, and how many there are in all. It walks the unit's
// index entries backwards and decodes only the page.
func (t *Store) UnitActivitiesOf(unit string, offset, limit int) ([]youthbot.UnitActivity, int, error) {
	prefix := kv.Join([]byte(unit), nil)
	type entry struct {
		date youthbot.Date
		id   uint64
	}
	var all []entry
	kv.PrefixScan(t.tx, kv.UnitActIndex, prefix, func(k, v []byte) error {
		if len(k) != len(prefix)+6+1+8 || len(v) < 1 {
			return nil
		}
		m := k[len(prefix) : len(prefix)+6]
		d := youthbot.Date{Year: atoi(m[:4]), Month: monthOf(m[4:6]), Day: int(v[0])}
		all = append(all, entry{d, binary.BigEndian.Uint64(k[len(k)-8:])})
		return nil
	})
	// Newest first: by date, then id, descending.
	slices.SortFunc(all, func(a, b entry) int {
		if c := b.date.Compare(a.date); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	total := len(all)
	if offset < 0 {
		offset = 0
	}
	if offset > total {
		offset = total
	}
	end := total
	if limit >= 0 && offset+limit < total {
		end = offset + limit
	}
	out := make([]youthbot.UnitActivity, 0, end-offset)
	for _, e := range all[offset:end] {
		a, err := t.UnitActivity(e.id)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	return out, total, nil
}

// atoi reads the decimal digits of b.
func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

func monthOf(b []byte) time.Month { return time.Month(atoi(b)) }
