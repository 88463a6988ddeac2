package bot

import (
	"context"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// TestPrepareMembersBuildsTheListOutsideTheTransaction: the pre-phase
// builds a secretary's /members list (sorted, searched) and nothing for
// anyone else; the handler's list is the same either way.
func TestPrepareMembersBuildsTheListOutsideTheTransaction(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(800, "VT-CDCD")
	for i, name := range []string{"Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ân"} {
		id := int64(810 + i)
		h.db.Update(func(tx *storage.Tx) error {
			return tx.PutMember(youthbot.Member{UserID: id, Unit: "VT-CDCD-CNTT", FullName: name, Status: youthbot.StatusApproved, RegisteredAt: h.now, DecidedAt: h.now})
		})
	}
	tests := []struct {
		name string
		from int64
		text string
		want []int64 // nil: the pre-phase must build nothing
	}{
		{"SecretaryAll", 800, "/members", []int64{811, 812, 810}},
		{"SecretarySearchWithoutDiacritics", 800, "/members van", []int64{812, 810}},
		{"MemberGetsNothing", 811, "/members", nil},
		{"StrangerGetsNothing", 999, "/members", nil},
		{"OtherCommandsAreNotClaimed", 800, "/help", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := msgUpdate(user(tt.from, "vi"), tt.text)
			work := h.bot.prepareMembers(&u)
			var got any
			if work != nil {
				got = work(context.Background())
			}
			if tt.want == nil {
				if got != nil {
					t.Fatalf("prepared %v for %d", got, tt.from)
				}
				return
			}
			p, ok := got.(membersPrep)
			if !ok {
				t.Fatalf("got %T, want membersPrep", got)
			}
			var ids []int64
			for _, m := range p.list {
				ids = append(ids, m.UserID)
			}
			if len(ids) != len(tt.want) {
				t.Fatalf("got %v, want %v", ids, tt.want)
			}
			for i := range ids {
				if ids[i] != tt.want[i] {
					t.Fatalf("got %v, want %v (Vietnamese order: An, Ân, Bình)", ids, tt.want)
				}
			}
		})
	}
}
