package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"

	"youthbot/bot/internal/harness"
)

// TestAuthorisationTable tries every privileged command and button as
// people without the right: each is refused with a clear answer and the
// domain state does not change. The rightful secretary's approval at the
// end shows the same action does work for them.
func TestAuthorisationTable(t *testing.T) {
	h := harness.New(t)
	const branch, sibling = "VT-CDCD-CNTT", "VT-CDCD-KT"
	h.Register(501, branch, "Trần Thị Chờ")
	h.Register(502, branch, "Lê Văn Đoàn")
	h.MakeSecretary(504, branch)
	h.Press(harness.User(504, "vi"), fmt.Sprintf("ma:502:%d", h.Member(502).RegisteredAt.Unix()))
	if h.Member(502).Status != youthbot.StatusApproved {
		t.Fatal("setup: 502 not approved")
	}
	h.MakeSecretary(503, sibling)
	target := h.Register(505, branch, "Phạm Mục Tiêu")
	reg := target.RegisteredAt.Unix()
	// The hash of the page the rightful secretary sees.
	var pageData string
	for _, d := range harness.Buttons(h.Apply(harness.MsgUpdate(harness.User(504, "vi"), "/pending"))) {
		if strings.HasPrefix(d, "pd:A:") {
			pageData = d
		}
	}
	if pageData == "" {
		t.Fatal("setup: no approve-all button on the secretary's /pending")
	}
	// A secretary link whose creator has no rights over its unit (made by
	// someone who has since lost them).
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutInvite(youthbot.Invite{Code: "nxrightsyet2", Kind: youthbot.InviteSecretary, Unit: branch,
			CreatedBy: 509, CreatedAt: h.Now, ExpiresAt: h.Now.Add(youthbot.SecretaryInviteTTL)})
	}); err != nil {
		t.Fatal(err)
	}

	actors := []struct {
		name string
		id   int64
	}{
		{"Stranger", 500},
		{"PendingMember", 501},
		{"Member", 502},
		{"SiblingSecretary", 503},
	}
	actions := []struct {
		name     string
		command  string // a message, or
		callback string // a button press
	}{
		{name: "InviteMemberLink", command: "/invite " + branch},
		{name: "InviteSecretaryLink", command: "/invite " + branch + " secretary"},
		{name: "InviteRootSecretary", command: "/invite HG secretary"},
		{name: "Approve", callback: fmt.Sprintf("ma:505:%d", reg)},
		{name: "Reject", callback: fmt.Sprintf("mr:505:%d", reg)},
		{name: "PendingApproveItem", callback: fmt.Sprintf("pd:a:m505.%d:0", reg)},
		{name: "PendingRejectItem", callback: fmt.Sprintf("pd:r:m505.%d:0", reg)},
		{name: "RejectWithReason", callback: fmt.Sprintf("mw:505:%d:info", reg)},
		{name: "PendingRejectWithReason", callback: fmt.Sprintf("pd:w:m505.%d:0:proof", reg)},
		{name: "PendingApproveAll", callback: pageData},
		{name: "InviteWalk", callback: "iw:s:" + branch + ":0"},
		{name: "InviteMake", callback: "ig:s:" + branch},
		{name: "InviteMakeMember", callback: "ig:m:" + branch},
		{name: "ForgedPrefix", callback: "zz:505"},
		{name: "ForgedApproveID", callback: "ma:abc:def"},
		{name: "ForgedApproveNoTime", callback: "ma:505"},
		{name: "StaleApproveTime", callback: fmt.Sprintf("ma:505:%d", reg-1)},
		{name: "ForgedInviteKind", callback: "ig:x:" + branch},
		// Secretary rights (/secretaries, links of someone without rights).
		{name: "SecretaryLinkOfCreatorWithoutRights", command: "/start s_nxrightsyet2"},
		{name: "ListSecretaries", command: "/secretaries " + branch},
		{name: "ListSecretariesButton", callback: "sv:" + branch + ":0"},
		{name: "AskRemoveSecretary", callback: "sa:" + branch + ":504"},
		{name: "RemoveSecretary", callback: "sy:" + branch + ":504"},
		{name: "RemoveSecretaryForgedUser", callback: "sy:" + branch + ":abc"},
		{name: "RemoveSecretaryForgedUnit", callback: "sy:ZZ:504"},
		// Routes whose table entry needs a secretary (checked before the
		// handler), with arguments the handler itself would refuse.
		{name: "AskRemoveSecretaryForged", callback: "sa:ZZ:abc"},
		{name: "SecretariesForgedUnit", callback: "sv:ZZ:0"},
	}
	for _, a := range actors {
		for _, act := range actions {
			t.Run(a.name+"/"+act.name, func(t *testing.T) {
				before := h.Snapshot()
				u := harness.User(a.id, "vi")
				var msgs []*youthbot.Outgoing
				if act.command != "" {
					msgs = h.Apply(harness.MsgUpdate(u, act.command))
				} else {
					msgs = h.Apply(harness.CbUpdate(u, act.callback))
				}
				if after := h.Snapshot(); after != before {
					t.Errorf("state changed:\nbefore:\n%s\nafter:\n%s", before, after)
				}
				if !harness.Refused(msgs, a.id) {
					t.Errorf("no clear refusal; got %v", harness.Describe(msgs))
				}
				for _, m := range msgs {
					if m.Chat != a.id {
						t.Errorf("a message went to chat %d: %q", m.Chat, m.Params["text"])
					}
				}
			})
		}
	}
	t.Run("PendingListsNothingOfOthers", func(t *testing.T) {
		for _, id := range []int64{500, 501, 502, 503} {
			for _, text := range h.Say(harness.User(id, "vi"), "/pending") {
				if strings.Contains(text, "Phạm Mục Tiêu") {
					t.Errorf("user %d sees the registration of another unit: %q", id, text)
				}
			}
		}
	})
	t.Run("RightfulSecretaryCanApprove", func(t *testing.T) {
		h.Press(harness.User(504, "vi"), fmt.Sprintf("ma:505:%d", reg))
		if got := h.Member(505).Status; got != youthbot.StatusApproved {
			t.Errorf("status = %s, want approved", got)
		}
	})
}
