package service

// RightsStore reads who has rights over which units (of today's tree: a
// merged or dissolved unit gives no rights any more).
type RightsStore interface {
	CurrentSecretaryUnits(userID int64) []string
	ChildCodes(code string) []string
	Subtree(code string) []string
}

// ActingUnits are the units a user acts for: an admin's are the roots, a
// secretary's those they are secretary of.
func ActingUnits(st RightsStore, user int64, admin bool) []string {
	if admin {
		return st.ChildCodes("")
	}
	return st.CurrentSecretaryUnits(user)
}

// ManagedUnits lists every unit a user has rights over (the subtrees of
// their ActingUnits), each once.
func ManagedUnits(st RightsStore, user int64, admin bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, top := range ActingUnits(st, user, admin) {
		for _, u := range st.Subtree(top) {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}
