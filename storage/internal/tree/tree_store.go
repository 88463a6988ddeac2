package tree

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// The unit tree's history (F8) lives in one bucket, created by the first
// change of the tree (a database without it has no history: its tree is
// today's, for every date). A unit's identity is the code it was first
// known by: the key of its record in units and of every fact stored
// under it; its versions say which code, name, parent and kind it had
// from which day. Keys, 0-separated, dates as YYYYMMDD:
//
//	v id from         → treeVersion (To "" while it holds)
//	c parent id from  → to: the dated children index, read by figures
//	k code            → id: every code a unit ever had
//	a successor id    → the day id ceased: units whose facts roll into
//	                    successor in today's tree (merged into it, or
//	                    dissolved under it)
//	e id date kind    → the UnitChange that took effect (history, idempotency)
//	p date seq        → a treeOp waiting for its date: in the history
//	                    and today's tree from then (tree_wait.go)
//	r date seq        → a refusedOp: a waiting change refused on its date
//	s                 → set once every unit has its first version

// treeVersion is a unit as it was from its key's day until To.
type treeVersion struct {
	Code   string            `json:"code"`
	Name   string            `json:"name"`
	Parent string            `json:"parent,omitempty"`
	Kind   youthbot.UnitKind `json:"kind"`
	To     string            `json:"to,omitempty"`
}

const (
	dayNever = "00000000" // the first version of a unit known before any history
	dayOpen  = "99999999"
)

func dayKey(d youthbot.Date) string {
	if d.IsZero() {
		return dayNever
	}
	return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day)
}

func dayOf(s string) youthbot.Date {
	if s == "" || s == dayNever || s == dayOpen {
		return youthbot.Date{}
	}
	var d youthbot.Date
	var m int
	fmt.Sscanf(s, "%04d%02d%02d", &d.Year, &m, &d.Day)
	d.Month = time.Month(m)
	return d
}

func tkey(parts ...string) []byte {
	return []byte(strings.Join(parts, "\x00"))
}

// treeBucket returns the history's bucket, nil when there is none yet.
func (t *Tree) treeBucket() *bolt.Bucket { return t.tx.Bucket(kv.Tree) }

// treeScan calls fn for every entry under the prefix parts (plus a
// trailing separator), keys split at the separators after the prefix.
func (t *Tree) treeScan(fn func(rest []string, v []byte) bool, parts ...string) {
	b := t.treeBucket()
	if b == nil {
		return
	}
	prefix := append(tkey(parts...), 0)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && kv.HasPrefix(k, prefix); k, v = c.Next() {
		if !fn(strings.Split(string(k[len(prefix):]), "\x00"), v) {
			return
		}
	}
}

// seedTree gives every unit its first version once, so that the history
// covers the tree as it stood before the first change.
func (t *Tree) seedTree() (*bolt.Bucket, error) {
	b, err := t.tx.CreateBucketIfNotExists(kv.Tree)
	if err != nil {
		return nil, fmt.Errorf("create unit history: %w", err)
	}
	if b.Get([]byte("s")) != nil {
		return b, nil
	}
	units, err := t.Units()
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		if err := t.putVersion(b, u.Code, dayNever, treeVersion{Code: u.Code, Name: u.Name, Parent: u.Parent, Kind: u.Kind}); err != nil {
			return nil, err
		}
		if err := b.Put(tkey("k", u.Code), []byte(u.Code)); err != nil {
			return nil, err
		}
	}
	return b, b.Put([]byte("s"), []byte{1})
}

// putVersion writes a version and its entry in the dated children index.
func (t *Tree) putVersion(b *bolt.Bucket, id, from string, v treeVersion) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode version of %s: %w", id, err)
	}
	if err := b.Put(tkey("v", id, from), data); err != nil {
		return fmt.Errorf("put version of %s: %w", id, err)
	}
	if err := b.Put(tkey("c", v.Parent, id, from), []byte(v.To)); err != nil {
		return fmt.Errorf("index version of %s: %w", id, err)
	}
	return nil
}

// lastVersion returns a unit's latest version and its first day.
func (t *Tree) lastVersion(id string) (treeVersion, string, bool) {
	var v treeVersion
	from, ok := "", false
	b := t.treeBucket()
	if b == nil {
		return v, "", false
	}
	prefix := append(tkey("v", id), 0)
	c := b.Cursor()
	var data []byte
	k, _ := c.Seek(append(append([]byte(nil), prefix...), 0xff))
	if k == nil {
		k, data = c.Last()
	} else {
		k, data = c.Prev()
	}
	if k != nil && kv.HasPrefix(k, prefix) && json.Unmarshal(data, &v) == nil {
		from, ok = string(k[len(prefix):]), true
	}
	return v, from, ok
}

// versionAt returns the version of id that holds on day (YYYYMMDD).
func (t *Tree) versionAt(id, day string) (treeVersion, bool) {
	var best treeVersion
	found := false
	t.treeScan(func(rest []string, v []byte) bool {
		if rest[0] > day {
			return false
		}
		var tv treeVersion
		if json.Unmarshal(v, &tv) == nil && (tv.To == "" || tv.To > day) {
			best, found = tv, true
		} else {
			found = false
		}
		return true
	}, "v", id)
	return best, found
}

// newVersion changes id from day on: its open version ends that day
// (or, begun that day, is changed in place) and change makes the next;
// a nil change ends the unit (dissolved).
func (t *Tree) newVersion(b *bolt.Bucket, id, day string, change func(*treeVersion)) error {
	v, from, ok := t.lastVersion(id)
	if !ok {
		return fmt.Errorf("unit %s has no version", id)
	}
	if err := b.Delete(tkey("c", v.Parent, id, from)); err != nil {
		return fmt.Errorf("unindex version of %s: %w", id, err)
	}
	if from != day || change == nil {
		old := v
		old.To = day
		if err := t.putVersion(b, id, from, old); err != nil {
			return err
		}
	}
	if change == nil {
		return nil
	}
	change(&v)
	v.To = ""
	return t.putVersion(b, id, day, v)
}

// treeHook keeps the history in step with a unit written outside the
// changes (the units CSV, an import's DonVi): its latest version takes the
// new name, parent and kind; a new unit gets a first version.
func (t *Tree) treeHook(u youthbot.Unit) error {
	b := t.treeBucket()
	if b == nil || b.Get([]byte("s")) == nil {
		return nil
	}
	v, from, ok := t.lastVersion(u.Code)
	if !ok {
		if err := b.Put(tkey("k", u.Code), []byte(u.Code)); err != nil {
			return err
		}
		return t.putVersion(b, u.Code, dayNever, treeVersion{Code: u.Code, Name: u.Name, Parent: u.Parent, Kind: u.Kind})
	}
	if v.To != "" {
		return nil // a dissolved unit's history stays
	}
	if err := b.Delete(tkey("c", v.Parent, u.Code, from)); err != nil {
		return err
	}
	v.Name, v.Parent, v.Kind = u.Name, u.Parent, u.Kind
	return t.putVersion(b, u.Code, from, v)
}

// ResolveUnit returns the identity of a unit's code, present or past
// (ENOTFOUND when no unit ever had it).
func (t *Tree) ResolveUnit(code string) (string, error) {
	code = youthbot.NormalizeUnitCode(code)
	if b := t.treeBucket(); b != nil {
		if id := b.Get(tkey("k", code)); id != nil {
			return string(id), nil
		}
	}
	if _, err := t.Unit(code); err != nil {
		return "", err
	}
	return code, nil
}

// UnitGone returns the day a unit ceased (merged or dissolved), if it did.
func (t *Tree) UnitGone(id string) (youthbot.Date, bool) {
	v, _, ok := t.lastVersion(id)
	if !ok || v.To == "" {
		return youthbot.Date{}, false
	}
	return dayOf(v.To), true
}

// ExistedDuring reports whether a unit existed on some day of p: founded
// by its last day and not ceased by its first (a unit without history
// always existed).
func (t *Tree) ExistedDuring(id string, p youthbot.Period) bool {
	first, last := dayKey(p.First()), dayKey(p.Last())
	born, end := "", ""
	t.treeScan(func(rest []string, data []byte) bool {
		if born == "" {
			born = rest[0]
		}
		var v treeVersion
		if json.Unmarshal(data, &v) == nil {
			end = v.To
		}
		return true
	}, "v", id)
	if born == "" {
		return true
	}
	return born <= last && (end == "" || end > first)
}

// UnitSuccessor returns the unit a ceased unit's facts roll into today:
// the one it merged into, or its parent on its last day ("" for none).
func (t *Tree) UnitSuccessor(id string) string {
	succ := ""
	t.treeScan(func(rest []string, _ []byte) bool {
		if rest[1] == id {
			succ = rest[0]
			return false
		}
		return true
	}, "a")
	return succ
}

// UnitCode returns the code a unit goes by on day (its latest when it
// has no history).
func (t *Tree) UnitCode(id string, day youthbot.Date) string {
	if v, ok := t.versionAt(id, dayKey(day)); ok {
		return v.Code
	}
	if v, _, ok := t.lastVersion(id); ok {
		return v.Code
	}
	return id
}

// CurrentCode returns the code a unit goes by today (its latest
// version's; the identity when it has no history), for the bot's texts.
func (t *Tree) CurrentCode(id string) string {
	if v, _, ok := t.lastVersion(id); ok && v.Code != "" {
		return v.Code
	}
	return id
}

// FirstVersion returns a unit as it stood before its first change, and
// whether it has changed since.
func (t *Tree) FirstVersion(id string) (youthbot.Unit, bool) {
	var u youthbot.Unit
	n := 0
	t.treeScan(func(rest []string, data []byte) bool {
		n++
		if n == 1 {
			var v treeVersion
			if json.Unmarshal(data, &v) == nil {
				u = youthbot.Unit{Code: id, Name: v.Name, Parent: v.Parent, Kind: v.Kind}
				if v.To != "" {
					n++
				}
			}
		}
		return n < 2
	}, "v", id)
	return u, n > 1
}

// ceasedToday reports whether u has left today's tree: merged or
// dissolved, and unlinked from its parent. The history tells a change once
// it took effect, in the transaction that unlinks the unit; but a change
// recorded before history waited for the date (treeOp.Written) is in the
// history already while the unit is still in today's tree.
func (t *Tree) ceasedToday(u youthbot.Unit) bool {
	if _, gone := t.UnitGone(u.Code); !gone {
		return false
	}
	return t.tx.Bucket(kv.UnitChildren).Get(kv.Join([]byte(u.Parent), []byte(u.Code))) == nil
}

// CurrentUnits returns the units that exist today: Units without those
// that ceased (merged or dissolved), for pickers, invites and schedules.
func (t *Tree) CurrentUnits() ([]youthbot.Unit, error) {
	all, err := t.Units()
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, u := range all {
		if !t.ceasedToday(u) {
			out = append(out, u)
		}
	}
	return out, nil
}

// CurrentSecretaryUnits returns the units a user is secretary of that
// exist today. A ceased unit's secretaries keep it in SecretaryUnits, for
// the tallies of its past periods.
func (t *Tree) CurrentSecretaryUnits(userID int64) []string {
	var out []string
	for _, code := range t.s.SecretaryUnits(userID) {
		if u, err := t.Unit(code); err == nil && !t.ceasedToday(u) {
			out = append(out, code)
		}
	}
	return out
}
