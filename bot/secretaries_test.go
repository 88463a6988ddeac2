package bot

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage"
)

// Secretary rights (issue 8, item 17): a secretary link works only while
// its creator still has rights over its unit; a secretary who loses the
// role loses their unused links; /secretaries lists a unit's secretaries
// and removes one after a confirmation.

var secretaryLink = regexp.MustCompile(`start=s_([a-z0-9]+)`)

// secretaryInvite makes a secretary link for unit as from and returns its
// code.
func (h *harness) secretaryInvite(from int64, unit string) string {
	h.t.Helper()
	for _, text := range h.say(user(from, "vi"), "/invite "+unit+" secretary") {
		if m := secretaryLink.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	h.t.Fatalf("setup: %d got no secretary link for %s", from, unit)
	return ""
}

func (h *harness) isSecretaryOf(id int64, unit string) bool {
	h.t.Helper()
	var units []string
	h.db.View(func(tx *storage.Tx) error { units = tx.SecretaryUnits(id); return nil })
	for _, u := range units {
		if u == unit {
			return true
		}
	}
	return false
}

func (h *harness) inviteExists(code string) bool {
	h.t.Helper()
	var found bool
	if err := h.db.View(func(tx *storage.Tx) error {
		_, err := tx.Invite(code)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			return nil
		}
		found = err == nil
		return err
	}); err != nil {
		h.t.Fatal(err)
	}
	return found
}

func TestSecretaryInviteNeedsItsCreatorsRightsWhenUsed(t *testing.T) {
	const branch = "VT-CDCD-CNTT"
	tests := []struct {
		name string
		// loseRights takes the creator's rights over branch away after
		// the link was made, the way it happens in the field.
		creator    int64
		setup      func(h *harness)
		loseRights func(h *harness)
	}{
		{
			name:    "AdminNoLongerAdmin", // YOUTHBOT_ADMINS changed, the bot restarted
			creator: adminID,
			loseRights: func(h *harness) {
				h.bot.admins = nil
			},
		},
		{
			name:    "RoleRemovedBeforeLinksWereRevoked", // a database from before links were revoked with the role
			creator: 601,
			setup:   func(h *harness) { h.makeSecretary(601, "VT") },
			loseRights: func(h *harness) {
				// Only 601's role is stored: empty both buckets by hand.
				err := h.db.Bolt().Update(func(tx *bolt.Tx) error {
					for _, name := range []string{"secretaries", "unit_secretaries"} {
						if err := tx.DeleteBucket([]byte(name)); err != nil {
							return err
						}
						if _, err := tx.CreateBucket([]byte(name)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					h.t.Fatal(err)
				}
			},
		},
		{
			name:    "MovedToAnotherDistrict", // secretary of PH now, not of VT
			creator: 601,
			setup:   func(h *harness) { h.makeSecretary(601, "VT") },
			loseRights: func(h *harness) {
				h.db.Update(func(tx *storage.Tx) error {
					if err := tx.AddSecretary(601, "PH"); err != nil {
						return err
					}
					return tx.RemoveSecretary(601, "VT")
				})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			if tt.setup != nil {
				tt.setup(h)
			}
			code := h.secretaryInvite(tt.creator, branch)
			tt.loseRights(h)
			before := h.snapshot()
			got := h.say(user(700, "vi"), "/start s_"+code)
			if len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
				t.Errorf("opening the link: %q, want a refusal", got)
			}
			if h.isSecretaryOf(700, branch) {
				t.Error("a stranger became secretary through the link of someone without the right")
			}
			if h.snapshot() != before {
				t.Error("the refused link changed the state")
			}
		})
	}
	t.Run("CreatorWithRightsStillWorks", func(t *testing.T) {
		h := newHarness(t)
		h.makeSecretary(601, "VT")
		code := h.secretaryInvite(601, branch)
		if got := h.say(user(700, "vi"), "/start s_"+code); !has(got, "trở thành bí thư") {
			t.Errorf("opening the link: %q", got)
		}
		if !h.isSecretaryOf(700, branch) {
			t.Error("the link of a rightful secretary did not work")
		}
	})
}

// TestLosingTheRoleRevokesUnusedSecretaryLinks: the links a secretary made
// go with the role (used ones stay as history); links for units still
// under another of their roles stay.
func TestLosingTheRoleRevokesUnusedSecretaryLinks(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(601, "VT")
	h.makeSecretary(601, "PH")
	inVT := h.secretaryInvite(601, "VT-CDCD-CNTT")
	usedInVT := h.secretaryInvite(601, "VT-P5")
	inPH := h.secretaryInvite(601, "PH-TB")
	h.say(user(702, "vi"), "/start s_"+usedInVT)
	if !h.isSecretaryOf(702, "VT-P5") {
		t.Fatal("setup: the link was not used")
	}
	if err := h.db.Update(func(tx *storage.Tx) error { return tx.RemoveSecretary(601, "VT") }); err != nil {
		t.Fatal(err)
	}
	if h.inviteExists(inVT) {
		t.Error("the unused link for a unit of the lost role was kept")
	}
	if !h.inviteExists(usedInVT) {
		t.Error("a used link (the record of who made whom secretary) was deleted")
	}
	if !h.inviteExists(inPH) {
		t.Error("a link for a unit the secretary still manages was revoked")
	}
	if got := h.say(user(700, "vi"), "/start s_"+inVT); len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
		t.Errorf("opening the revoked link: %q", got)
	}
	if h.isSecretaryOf(700, "VT-CDCD-CNTT") {
		t.Error("the revoked link made a secretary")
	}
	if got := h.say(user(701, "vi"), "/start s_"+inPH); !has(got, "trở thành bí thư") {
		t.Errorf("the link kept: %q", got)
	}
}

// TestSecretariesListAndRemove walks /secretaries: the district's
// secretary lists a branch's secretaries, removes one after confirming,
// the removed person is told and loses rights and unused links.
func TestSecretariesListAndRemove(t *testing.T) {
	h := newHarness(t)
	const branch = "VT-CDCD-CNTT"
	district := user(601, "vi")
	h.makeSecretary(601, "VT")
	h.makeSecretary(602, branch)
	h.makeSecretary(603, branch)
	h.ptMember(603, branch, "Lê Thị <Ba>")
	link := h.secretaryInvite(602, branch)

	msgs := h.apply(msgUpdate(district, "/secretaries "+branch))
	list := texts(msgs, 601)
	if len(list) != 1 || !strings.Contains(list[0], "Chi đoàn Khoa Công nghệ thông tin") ||
		!strings.Contains(list[0], "Lê Thị &lt;Ba&gt;") || !strings.Contains(list[0], `tg://user?id=602`) {
		t.Fatalf("the list: %q", list)
	}
	ask := fmt.Sprintf("sa:%s:602", branch)
	if !contains(buttons(msgs), ask) {
		t.Fatalf("no remove button %q in %v", ask, buttons(msgs))
	}

	before := h.snapshot()
	confirm := h.apply(cbUpdate(district, ask))
	if h.snapshot() != before {
		t.Error("asking to remove changed the state")
	}
	yes := fmt.Sprintf("sy:%s:602", branch)
	if b := buttons(confirm); len(b) == 0 || b[0] != yes {
		t.Fatalf("confirmation buttons %v, want %q first", b, yes)
	}

	out := h.apply(cbUpdate(district, yes))
	if h.isSecretaryOf(602, branch) {
		t.Error("602 is still secretary after the removal")
	}
	if !h.isSecretaryOf(603, branch) {
		t.Error("the other secretary was removed too")
	}
	if told := texts(out, 602); len(told) != 1 || !strings.Contains(told[0], "Chi đoàn Khoa Công nghệ thông tin") {
		t.Errorf("the removed person was told %q", told)
	}
	if h.inviteExists(link) {
		t.Error("the removed secretary's unused link was kept")
	}
	if got := texts(out, 601); !has(got, "Lê Thị &lt;Ba&gt;") || has(got, "tg://user?id=602") {
		t.Errorf("the list after removal: %q", got)
	}

	t.Run("PressedAgainIsStale", func(t *testing.T) {
		before := h.snapshot()
		msgs := h.apply(cbUpdate(district, yes))
		if !refused(msgs, 601) || h.snapshot() != before {
			t.Errorf("removing again: %v", describe(msgs))
		}
		if len(to(msgs, 602)) != 0 {
			t.Error("the removed person was told twice")
		}
	})
	t.Run("PeerCannotRemove", func(t *testing.T) {
		h.makeSecretary(604, branch)
		peer := user(604, "vi")
		if b := buttons(h.apply(msgUpdate(peer, "/secretaries"))); contains(b, fmt.Sprintf("sa:%s:603", branch)) {
			t.Errorf("a co-secretary is offered to remove a peer: %v", b)
		}
		for _, d := range []string{fmt.Sprintf("sa:%s:603", branch), fmt.Sprintf("sy:%s:603", branch)} {
			before := h.snapshot()
			msgs := h.apply(cbUpdate(peer, d))
			if !refused(msgs, 604) || h.snapshot() != before {
				t.Errorf("%s by a co-secretary: %v", d, describe(msgs))
			}
		}
	})
	t.Run("StepDown", func(t *testing.T) {
		me := user(604, "vi")
		h.press(me, fmt.Sprintf("sa:%s:604", branch))
		h.press(me, fmt.Sprintf("sy:%s:604", branch))
		if h.isSecretaryOf(604, branch) {
			t.Error("a secretary could not step down")
		}
	})
	t.Run("AdminRemovesProvinceSecretary", func(t *testing.T) {
		h.makeSecretary(605, "HG")
		admin := user(adminID, "vi")
		h.press(admin, "sa:HG:605")
		out := h.apply(cbUpdate(admin, "sy:HG:605"))
		if h.isSecretaryOf(605, "HG") || len(texts(out, 605)) != 1 {
			t.Errorf("admin removal: still=%v told=%q", h.isSecretaryOf(605, "HG"), texts(out, 605))
		}
	})
	t.Run("ProvinceSecretaryOnlyByAdmin", func(t *testing.T) {
		h.makeSecretary(606, "HG")
		h.makeSecretary(607, "HG")
		before := h.snapshot()
		msgs := h.apply(cbUpdate(user(606, "vi"), "sy:HG:607"))
		if !refused(msgs, 606) || h.snapshot() != before {
			t.Errorf("a provincial secretary removed a peer: %v", describe(msgs))
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSecretariesBadInput(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(601, "VT")
	h.makeSecretary(601, "PH")
	sec := user(601, "vi")
	for _, tt := range []struct{ text, want string }{
		{"/secretaries ZZ", "⚠️"},
		{"/secretaries VT PH", "Cách dùng: /secretaries"},
		{"/secretaries HG", "không thuộc quyền"},
		{"/secretaries", "Chọn đơn vị"}, // two units: pick one
	} {
		before := h.snapshot()
		if got := h.say(sec, tt.text); len(got) != 1 || !strings.Contains(got[0], tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
		if h.snapshot() != before {
			t.Errorf("%q changed the state", tt.text)
		}
	}
	if got := h.say(sec, "/secretaries vt-cdcd"); len(got) != 1 || !strings.Contains(got[0], "chưa có bí thư") {
		t.Errorf("a unit below without secretaries: %q", got)
	}
}
