package figures

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// Reads for tallies and reports that need more detail than Figures: per
// member, per day, who is a member at the end of a period, who blocked the
// bot. Like Figures they read the indexes, never the activity records.

// ActivityEntry is one activity as act_index holds it.
type ActivityEntry struct {
	ID     uint64
	Member int64 // Telegram user id; negative once the member is forgotten
	Date   youthbot.Date
	Tenths int
	Status youthbot.ActivityStatus
}

var statusOfCode = map[byte]youthbot.ActivityStatus{
	'p': youthbot.ActivityPending,
	'c': youthbot.ActivityConfirmed,
	'r': youthbot.ActivityRejected,
	'u': youthbot.ActivityUndone,
}

// ActivityEntries calls fn for every activity credited to unit itself (not
// its subtree) dated in p, whatever its status, in month then id order. The
// cost is the unit's entries in p.
func (t *Store) ActivityEntries(unit string, p youthbot.Period, fn func(ActivityEntry)) {
	for _, month := range kv.Months(p) {
		prefix := kv.Join([]byte(unit), month, nil)
		year, mon := p.Year, time.Month((int(month[4]-'0'))*10+int(month[5]-'0'))
		kv.PrefixScan(t.tx, kv.ActIndex, prefix, func(k, v []byte) error {
			if len(v) < kv.ActEntryLen || len(k) != len(prefix)+8 {
				return nil
			}
			fn(ActivityEntry{
				ID:     binary.BigEndian.Uint64(k[len(prefix):]),
				Member: kv.KeyID(v[5:13]),
				Date:   youthbot.Date{Year: year, Month: mon, Day: int(v[13])},
				Tenths: int(binary.BigEndian.Uint32(v[1:5])),
				Status: statusOfCode[v[0]],
			})
			return nil
		})
	}
}

// MemberAt is a member of a unit at the end of a period.
type MemberAt struct {
	ID  int64 // Telegram user id; negative for a forgotten member
	New bool  // admitted during the period (not transferred in)
}

// MembersAt returns the members of unit itself (not its subtree) at the end
// of p, by the rule members_total counts them with: a membership stint begun
// before the end of p and not ended by then. A member with two such stints
// (transferred away and back) is listed once. Ordered by id.
func (t *Store) MembersAt(unit string, p youthbot.Period, loc *time.Location) []MemberAt {
	start, end := p.Start(loc).Unix(), p.End(loc).Unix()
	var out []MemberAt
	prefix := kv.Join([]byte(unit), nil)
	kv.PrefixScan(t.tx, kv.Stints, prefix, func(k, v []byte) error {
		if len(k) != len(prefix)+16 || len(v) < 9 {
			return nil
		}
		from := int64(binary.BigEndian.Uint64(k[len(k)-8:]))
		to := int64(binary.BigEndian.Uint64(v[:8]))
		if from >= end || to != 0 && to < end {
			return nil
		}
		m := MemberAt{ID: kv.KeyID(k[len(prefix) : len(prefix)+8]), New: v[8] == 1 && from >= start}
		if n := len(out); n > 0 && out[n-1].ID == m.ID {
			out[n-1].New = out[n-1].New || m.New
			return nil
		}
		out = append(out, m)
		return nil
	})
	return out
}

// UnreachableUsers returns the ids of the users who blocked the bot. It
// scans the users bucket and decodes only the records that say so.
func (t *Store) UnreachableUsers() (map[int64]bool, error) {
	out := map[int64]bool{}
	marker := []byte(`"unreachable":true`)
	err := t.tx.Bucket(kv.Users).ForEach(func(k, v []byte) error {
		if !bytes.Contains(v, marker) {
			return nil
		}
		var u youthbot.User
		if err := json.Unmarshal(v, &u); err != nil {
			return err
		}
		if u.Unreachable {
			out[kv.KeyID(k)] = true
		}
		return nil
	})
	return out, err
}

// MemberNames returns the full names of the members with ids ("" for an
// unknown id or a member whose data was erased). Tallies list every member
// of a province, so it reads only the name field, and walks the members in
// key order, stepping to the next wanted id when it is near and seeking it
// when it is far: the cost is that of a scan for a province, of a few
// lookups for a branch.
func (t *Store) MemberNames(ids []int64) (map[int64]string, error) {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	out := make(map[int64]string, len(sorted))
	c := t.tx.Bucket(kv.Members).Cursor()
	var k, v []byte
	for i, id := range sorted {
		want := kv.IDKey(id)
		if i == 0 {
			k, v = c.Seek(want)
		}
		for steps := 0; k != nil && bytes.Compare(k, want) < 0; steps++ {
			if steps == 32 {
				k, v = c.Seek(want)
				break
			}
			k, v = c.Next()
		}
		if k == nil || !bytes.Equal(k, want) {
			out[id] = ""
			continue
		}
		name, err := memberName(id, v)
		if err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, nil
}

func memberName(id int64, v []byte) (string, error) {
	if name, ok := jsonStringField(v, `"full_name":"`); ok {
		return name, nil
	}
	if !bytes.Contains(v, []byte(`"full_name"`)) {
		return "", nil // omitted: erased
	}
	var m youthbot.Member // written some other way: decode it all
	if err := json.Unmarshal(v, &m); err != nil {
		return "", fmt.Errorf("decode member %d: %w", id, err)
	}
	return m.FullName, nil
}

// jsonStringField finds key (written `"name":"`) in a JSON object as
// encoding/json writes it and decodes its string value. A '"' inside any
// string is escaped, so the key's bytes cannot occur inside a value.
func jsonStringField(v []byte, key string) (string, bool) {
	i := bytes.Index(v, []byte(key))
	if i < 0 {
		return "", false
	}
	start := i + len(key) - 1 // the opening quote
	for j := start + 1; j < len(v); j++ {
		switch v[j] {
		case '\\':
			j++
		case '"':
			var s string
			if err := json.Unmarshal(v[start:j+1], &s); err != nil {
				return "", false
			}
			return s, true
		}
	}
	return "", false
}
