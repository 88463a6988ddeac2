package membership_test

import (
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestSecretaryOfAMergedBranchPicksNothing: once a branch is merged into
// another (F8), its secretary is no longer a secretary for /invite, and the
// secretary of a unit that still exists keeps theirs.
func TestSecretaryOfAMergedBranchPicksNothing(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(771, "PH-TB-MH")
	h.MakeSecretary(772, "PH-TB-TLA")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		today := youthbot.DateOf(h.Now, h.Bot.Location())
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Date: today, Kind: youthbot.ChangeMerge, Unit: "PH-TB-MH", Target: "PH-TB-TLA"}}, today, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		user int64
		want string
	}{
		{"merged branch", 771, "chỉ dành cho bí thư"},
		{"surviving branch", 772, "t.me/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := h.Say(harness.User(tc.user, "vi"), "/invite"); !harness.Has(got, tc.want) {
				t.Errorf("/invite: got %q, want %q", got, tc.want)
			}
		})
	}
	h.DB.View(func(tx *storage.Tx) error {
		if got := tx.SecretaryUnits(771); len(got) != 1 {
			t.Errorf("the merged branch's secretary lost its past: %v", got)
		}
		return nil
	})
}
