package service_test

import (
	"slices"
	"testing"

	"youthbot/service"
)

// rights is a RightsStore over a fixed tree: A (A1, A2), B.
type rights map[int64][]string

func (r rights) CurrentSecretaryUnits(id int64) []string { return r[id] }
func (rights) ChildCodes(code string) []string {
	return map[string][]string{"": {"A", "B"}, "A": {"A1", "A2"}}[code]
}
func (rights) Subtree(code string) []string {
	return map[string][]string{"A": {"A", "A1", "A2"}, "A1": {"A1"}, "A2": {"A2"}, "B": {"B"}}[code]
}

func TestManagedUnits(t *testing.T) {
	st := rights{1: {"A1", "A", "A2"}, 2: {"A2"}}
	for _, tc := range []struct {
		name          string
		user          int64
		admin         bool
		acting, whole []string
	}{
		{"AdminAllRoots", 9, true, []string{"A", "B"}, []string{"A", "A1", "A2", "B"}},
		{"SecretaryEachOnce", 1, false, []string{"A1", "A", "A2"}, []string{"A1", "A", "A2"}},
		{"SecretaryOfALeaf", 2, false, []string{"A2"}, []string{"A2"}},
		{"Nobody", 3, false, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := service.ActingUnits(st, tc.user, tc.admin); !slices.Equal(got, tc.acting) {
				t.Errorf("ActingUnits = %v, want %v", got, tc.acting)
			}
			if got := service.ManagedUnits(st, tc.user, tc.admin); !slices.Equal(got, tc.whole) {
				t.Errorf("ManagedUnits = %v, want %v", got, tc.whole)
			}
		})
	}
}
