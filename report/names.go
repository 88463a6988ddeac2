package report

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// nameOrder sorts member rows in the order of youthbot.SortByName (given
// name first, then family and middle names, each by the Vietnamese
// collation; ids break ties), keeping each name part's collation key:
// a province's 100,000 members share a few thousand given names.
type nameOrder struct {
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string][]byte
}

func newNameOrder() *nameOrder {
	return &nameOrder{c: collate.New(language.Vietnamese), keys: map[string][]byte{}}
}

func (o *nameOrder) key(s string) []byte {
	if k, ok := o.keys[s]; ok {
		return k
	}
	k := slices.Clone(o.c.KeyFromString(&o.buf, s))
	o.buf.Reset()
	o.keys[s] = k
	return k
}

// sort sorts rows by name.
func (o *nameOrder) sort(rows []MemberRow) {
	type keyed struct{ given, rest []byte }
	keys := make([]keyed, len(rows))
	idx := make([]int, len(rows))
	for i, r := range rows {
		given, rest := splitName(r.Name)
		keys[i] = keyed{o.key(given), o.key(rest)}
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := bytes.Compare(keys[a].given, keys[b].given); c != 0 {
			return c
		}
		if c := bytes.Compare(keys[a].rest, keys[b].rest); c != 0 {
			return c
		}
		return cmp.Compare(rows[a].ID, rows[b].ID)
	})
	sorted := make([]MemberRow, len(rows))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

// splitName splits "Nguyễn Văn An" into "An" and "Nguyễn Văn".
func splitName(name string) (given, rest string) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexByte(name, ' '); i >= 0 {
		return name[i+1:], name[:i]
	}
	return name, ""
}
