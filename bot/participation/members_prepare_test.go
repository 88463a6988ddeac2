package participation_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/participation"
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
			return tx.PutMember(youthbot.Member{UserID: id, Unit: "VT-CDCD-CNTT", FullName: name, Status: youthbot.StatusApproved, RegisteredAt: h.Now, DecidedAt: h.Now})
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
			work := h.bot.PreparerOf(&u)
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
			list, ok := participation.MembersPrepList(got)
			if !ok {
				t.Fatalf("got %T, want membersPrep", got)
			}
			var ids []int64
			for _, m := range list {
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

// TestMembersListNeverShowsWhatAnEarlierUpdateErased: /forgetme and a
// secretary's /members in one batch; the pre-phase built the list before
// the erasure, yet the reply shows neither the name nor the phone.
func TestMembersListNeverShowsWhatAnEarlierUpdateErased(t *testing.T) {
	h := newHarness(t)
	const branch = "VT-P5-KV1"
	h.makeSecretary(820, branch)
	m := h.register(821, branch, "Phạm Thị Riêng")
	h.press(user(820, "vi"), fmt.Sprintf("ma:821:%d", m.RegisteredAt.Unix()))
	if got := h.say(user(820, "vi"), "/members"); len(got) != 1 || !strings.Contains(got[0], "Phạm Thị Riêng") || !strings.Contains(got[0], "+84901234567") {
		t.Fatalf("before /forgetme the branch secretary sees %q", got)
	}
	h.say(user(821, "vi"), "/forgetme")
	var updates []tgbotapi.Update
	for _, u := range []tgbotapi.Update{cbUpdate(user(821, "vi"), "fg:yes"), msgUpdate(user(820, "vi"), "/members")} {
		h.NextID++
		u.UpdateID = h.NextID
		updates = append(updates, u)
	}
	if err := h.bot.Apply(context.Background(), updates); err != nil {
		t.Fatal(err)
	}
	got := texts(h.out.Take(), 820)
	if len(got) != 1 {
		t.Fatalf("the secretary got %q, want one reply", got)
	}
	for _, erased := range []string{"Phạm Thị Riêng", "+84901234567"} {
		if strings.Contains(got[0], erased) {
			t.Errorf("/members shows %q, erased by /forgetme earlier in the batch:\n%s", erased, got[0])
		}
	}
}
