package membership_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// Secretary rights (issue 8, item 17): a secretary link works only while
// its creator still has rights over its unit; a secretary who loses the
// role loses their unused links; /secretaries lists a unit's secretaries
// and removes one after a confirmation.

var secretaryLink = regexp.MustCompile(`start=s_([a-z0-9]+)`)

// secretaryInvite makes a secretary link for unit as from and returns its
// code.
func secretaryInvite(h *harness.H, from int64, unit string) string {
	h.T.Helper()
	for _, text := range h.Say(harness.User(from, "vi"), "/invite "+unit+" secretary") {
		if m := secretaryLink.FindStringSubmatch(text); m != nil {
			return m[1]
		}
	}
	h.T.Fatalf("setup: %d got no secretary link for %s", from, unit)
	return ""
}

func isSecretaryOf(h *harness.H, id int64, unit string) bool {
	h.T.Helper()
	var units []string
	h.DB.View(func(tx *storage.Tx) error { units = tx.SecretaryUnits(id); return nil })
	for _, u := range units {
		if u == unit {
			return true
		}
	}
	return false
}

func inviteExists(h *harness.H, code string) bool {
	h.T.Helper()
	var found bool
	if err := h.DB.View(func(tx *storage.Tx) error {
		_, err := tx.Invite(code)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			return nil
		}
		found = err == nil
		return err
	}); err != nil {
		h.T.Fatal(err)
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
		setup      func(h *harness.H)
		loseRights func(h *harness.H)
	}{
		{
			name:    "AdminNoLongerAdmin", // YOUTHBOT_ADMINS changed, the bot restarted
			creator: harness.AdminID,
			loseRights: func(h *harness.H) {
				h.SetAdmins()
			},
		},
		{
			name:    "RoleRemovedBeforeLinksWereRevoked", // a database from before links were revoked with the role
			creator: 601,
			setup:   func(h *harness.H) { h.MakeSecretary(601, "VT") },
			loseRights: func(h *harness.H) {
				// Only 601's role is stored: empty both buckets by hand.
				err := h.DB.Bolt().Update(func(tx *bolt.Tx) error {
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
					h.T.Fatal(err)
				}
			},
		},
		{
			name:    "MovedToAnotherDistrict", // secretary of PH now, not of VT
			creator: 601,
			setup:   func(h *harness.H) { h.MakeSecretary(601, "VT") },
			loseRights: func(h *harness.H) {
				h.DB.Update(func(tx *storage.Tx) error {
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
			h := harness.New(t)
			if tt.setup != nil {
				tt.setup(h)
			}
			code := secretaryInvite(h, tt.creator, branch)
			tt.loseRights(h)
			before := h.Snapshot()
			got := h.Say(harness.User(700, "vi"), "/start s_"+code)
			if len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
				t.Errorf("opening the link: %q, want a refusal", got)
			}
			if isSecretaryOf(h, 700, branch) {
				t.Error("a stranger became secretary through the link of someone without the right")
			}
			if h.Snapshot() != before {
				t.Error("the refused link changed the state")
			}
		})
	}
	t.Run("CreatorWithRightsStillWorks", func(t *testing.T) {
		h := harness.New(t)
		h.MakeSecretary(601, "VT")
		code := secretaryInvite(h, 601, branch)
		if got := h.Say(harness.User(700, "vi"), "/start s_"+code); !harness.Has(got, "trở thành bí thư") {
			t.Errorf("opening the link: %q", got)
		}
		if !isSecretaryOf(h, 700, branch) {
			t.Error("the link of a rightful secretary did not work")
		}
	})
}

// TestLosingTheRoleRevokesUnusedSecretaryLinks: the links a secretary made
// go with the role (used ones stay as history); links for units still
// under another of their roles stay.
func TestLosingTheRoleRevokesUnusedSecretaryLinks(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(601, "VT")
	h.MakeSecretary(601, "PH")
	inVT := secretaryInvite(h, 601, "VT-CDCD-CNTT")
	usedInVT := secretaryInvite(h, 601, "VT-P5")
	inPH := secretaryInvite(h, 601, "PH-TB")
	h.Say(harness.User(702, "vi"), "/start s_"+usedInVT)
	if !isSecretaryOf(h, 702, "VT-P5") {
		t.Fatal("setup: the link was not used")
	}
	if err := h.DB.Update(func(tx *storage.Tx) error { return tx.RemoveSecretary(601, "VT") }); err != nil {
		t.Fatal(err)
	}
	if inviteExists(h, inVT) {
		t.Error("the unused link for a unit of the lost role was kept")
	}
	if !inviteExists(h, usedInVT) {
		t.Error("a used link (the record of who made whom secretary) was deleted")
	}
	if !inviteExists(h, inPH) {
		t.Error("a link for a unit the secretary still manages was revoked")
	}
	if got := h.Say(harness.User(700, "vi"), "/start s_"+inVT); len(got) != 1 || !strings.HasPrefix(got[0], "⚠️") {
		t.Errorf("opening the revoked link: %q", got)
	}
	if isSecretaryOf(h, 700, "VT-CDCD-CNTT") {
		t.Error("the revoked link made a secretary")
	}
	if got := h.Say(harness.User(701, "vi"), "/start s_"+inPH); !harness.Has(got, "trở thành bí thư") {
		t.Errorf("the link kept: %q", got)
	}
}

// TestSecretariesListAndRemove walks /secretaries: the district's
// secretary lists a branch's secretaries, removes one after confirming,
// the removed person is told and loses rights and unused links.
func TestSecretariesListAndRemove(t *testing.T) {
	h := harness.New(t)
	const branch = "VT-CDCD-CNTT"
	district := harness.User(601, "vi")
	h.MakeSecretary(601, "VT")
	h.MakeSecretary(602, branch)
	h.MakeSecretary(603, branch)
	h.ApprovedMember(603, branch, "Lê Thị <Ba>")
	link := secretaryInvite(h, 602, branch)

	msgs := h.Apply(harness.MsgUpdate(district, "/secretaries "+branch))
	list := harness.Texts(msgs, 601)
	if len(list) != 1 || !strings.Contains(list[0], "Chi đoàn Khoa Công nghệ thông tin") ||
		!strings.Contains(list[0], "Lê Thị &lt;Ba&gt;") || !strings.Contains(list[0], `tg://user?id=602`) {
		t.Fatalf("the list: %q", list)
	}
	ask := fmt.Sprintf("sa:%s:602", branch)
	if !contains(harness.Buttons(msgs), ask) {
		t.Fatalf("no remove button %q in %v", ask, harness.Buttons(msgs))
	}

	before := h.Snapshot()
	confirm := h.Apply(harness.CbUpdate(district, ask))
	if h.Snapshot() != before {
		t.Error("asking to remove changed the state")
	}
	yes := fmt.Sprintf("sy:%s:602", branch)
	if b := harness.Buttons(confirm); len(b) == 0 || b[0] != yes {
		t.Fatalf("confirmation buttons %v, want %q first", b, yes)
	}

	out := h.Apply(harness.CbUpdate(district, yes))
	if isSecretaryOf(h, 602, branch) {
		t.Error("602 is still secretary after the removal")
	}
	if !isSecretaryOf(h, 603, branch) {
		t.Error("the other secretary was removed too")
	}
	if told := harness.Texts(out, 602); len(told) != 1 || !strings.Contains(told[0], "Chi đoàn Khoa Công nghệ thông tin") {
		t.Errorf("the removed person was told %q", told)
	}
	if inviteExists(h, link) {
		t.Error("the removed secretary's unused link was kept")
	}
	if got := harness.Texts(out, 601); !harness.Has(got, "Lê Thị &lt;Ba&gt;") || harness.Has(got, "tg://user?id=602") {
		t.Errorf("the list after removal: %q", got)
	}

	t.Run("PressedAgainIsStale", func(t *testing.T) {
		before := h.Snapshot()
		msgs := h.Apply(harness.CbUpdate(district, yes))
		if !harness.Refused(msgs, 601) || h.Snapshot() != before {
			t.Errorf("removing again: %v", harness.Describe(msgs))
		}
		if len(harness.To(msgs, 602)) != 0 {
			t.Error("the removed person was told twice")
		}
	})
	t.Run("PeerCannotRemove", func(t *testing.T) {
		h.MakeSecretary(604, branch)
		peer := harness.User(604, "vi")
		if b := harness.Buttons(h.Apply(harness.MsgUpdate(peer, "/secretaries"))); contains(b, fmt.Sprintf("sa:%s:603", branch)) {
			t.Errorf("a co-secretary is offered to remove a peer: %v", b)
		}
		for _, d := range []string{fmt.Sprintf("sa:%s:603", branch), fmt.Sprintf("sy:%s:603", branch)} {
			before := h.Snapshot()
			msgs := h.Apply(harness.CbUpdate(peer, d))
			if !harness.Refused(msgs, 604) || h.Snapshot() != before {
				t.Errorf("%s by a co-secretary: %v", d, harness.Describe(msgs))
			}
		}
	})
	t.Run("StepDown", func(t *testing.T) {
		me := harness.User(604, "vi")
		h.Press(me, fmt.Sprintf("sa:%s:604", branch))
		h.Press(me, fmt.Sprintf("sy:%s:604", branch))
		if isSecretaryOf(h, 604, branch) {
			t.Error("a secretary could not step down")
		}
	})
	t.Run("AdminRemovesProvinceSecretary", func(t *testing.T) {
		h.MakeSecretary(605, "HG")
		admin := harness.User(harness.AdminID, "vi")
		h.Press(admin, "sa:HG:605")
		out := h.Apply(harness.CbUpdate(admin, "sy:HG:605"))
		if isSecretaryOf(h, 605, "HG") || len(harness.Texts(out, 605)) != 1 {
			t.Errorf("admin removal: still=%v told=%q", isSecretaryOf(h, 605, "HG"), harness.Texts(out, 605))
		}
	})
	t.Run("ProvinceSecretaryOnlyByAdmin", func(t *testing.T) {
		h.MakeSecretary(606, "HG")
		h.MakeSecretary(607, "HG")
		before := h.Snapshot()
		msgs := h.Apply(harness.CbUpdate(harness.User(606, "vi"), "sy:HG:607"))
		if !harness.Refused(msgs, 606) || h.Snapshot() != before {
			t.Errorf("a provincial secretary removed a peer: %v", harness.Describe(msgs))
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
	h := harness.New(t)
	h.MakeSecretary(601, "VT")
	h.MakeSecretary(601, "PH")
	sec := harness.User(601, "vi")
	for _, tt := range []struct{ text, want string }{
		{"/secretaries ZZ", "⚠️"},
		{"/secretaries VT PH", "Cách dùng: /secretaries"},
		{"/secretaries HG", "không thuộc quyền"},
		{"/secretaries", "Chọn đơn vị"}, // two units: pick one
	} {
		before := h.Snapshot()
		if got := h.Say(sec, tt.text); len(got) != 1 || !strings.Contains(got[0], tt.want) {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
		if h.Snapshot() != before {
			t.Errorf("%q changed the state", tt.text)
		}
	}
	if got := h.Say(sec, "/secretaries vt-cdcd"); len(got) != 1 || !strings.Contains(got[0], "chưa có bí thư") {
		t.Errorf("a unit below without secretaries: %q", got)
	}
}

// A unit renamed with a new code shows that code in the bot's texts, and
// the new code is understood; buttons keep the identity code.
func TestSecretariesOfARenamedUnitShowItsNewCode(t *testing.T) {
	h := harness.New(t)
	const branch, renamed = "VT-CDCD-CNTT", "VT-CNTT"
	h.MakeSecretary(601, "VT")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		today := youthbot.DateOf(h.Now, h.Bot.Location())
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Date: today, Kind: youthbot.ChangeRename, Unit: branch, Target: renamed}}, today, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{branch, renamed} {
		got := harness.Texts(h.Apply(harness.MsgUpdate(harness.User(601, "vi"), "/secretaries "+arg)), 601)
		if len(got) != 1 || !strings.Contains(got[0], "(mã "+renamed+")") || !strings.Contains(got[0], "/invite "+renamed+" secretary") {
			t.Errorf("/secretaries %s: got %q, want the new code %s", arg, got, renamed)
		}
	}
}
