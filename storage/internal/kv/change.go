package kv

// Change is what an upsert by key did to the database: the import's
// created / updated / unchanged.
type Change int

// Changes of an upsert.
const (
	Unchanged Change = iota
	Created
	Updated
)

// String is "unchanged", "created" or "updated".
func (c Change) String() string {
	switch c {
	case Created:
		return "created"
	case Updated:
		return "updated"
	}
	return "unchanged"
}
