package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
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

	actions := []harness.Action{
		{Name: "InviteMemberLink", Command: "/invite " + branch},
		{Name: "InviteSecretaryLink", Command: "/invite " + branch + " secretary"},
		{Name: "InviteRootSecretary", Command: "/invite HG secretary"},
		{Name: "Approve", Callback: fmt.Sprintf("ma:505:%d", reg)},
		{Name: "Reject", Callback: fmt.Sprintf("mr:505:%d", reg)},
		{Name: "PendingApproveItem", Callback: fmt.Sprintf("pd:a:m505.%d:0", reg)},
		{Name: "PendingRejectItem", Callback: fmt.Sprintf("pd:r:m505.%d:0", reg)},
		{Name: "RejectWithReason", Callback: fmt.Sprintf("mw:505:%d:info", reg)},
		{Name: "PendingRejectWithReason", Callback: fmt.Sprintf("pd:w:m505.%d:0:proof", reg)},
		{Name: "PendingApproveAll", Callback: pageData},
		{Name: "InviteWalk", Callback: "iw:s:" + branch + ":0"},
		{Name: "InviteMake", Callback: "ig:s:" + branch},
		{Name: "InviteMakeMember", Callback: "ig:m:" + branch},
		{Name: "ForgedPrefix", Callback: "zz:505"},
		{Name: "ForgedApproveID", Callback: "ma:abc:def"},
		{Name: "ForgedApproveNoTime", Callback: "ma:505"},
		{Name: "StaleApproveTime", Callback: fmt.Sprintf("ma:505:%d", reg-1)},
		{Name: "ForgedInviteKind", Callback: "ig:x:" + branch},
		// Secretary rights (/secretaries, links of someone without rights).
		{Name: "SecretaryLinkOfCreatorWithoutRights", Command: "/start s_nxrightsyet2"},
		{Name: "ListSecretaries", Command: "/secretaries " + branch},
		{Name: "ListSecretariesButton", Callback: "sv:" + branch + ":0"},
		{Name: "AskRemoveSecretary", Callback: "sa:" + branch + ":504"},
		{Name: "RemoveSecretary", Callback: "sy:" + branch + ":504"},
		{Name: "RemoveSecretaryForgedUser", Callback: "sy:" + branch + ":abc"},
		{Name: "RemoveSecretaryForgedUnit", Callback: "sy:ZZ:504"},
		// Routes whose table entry needs a secretary (checked before the
		// handler), with arguments the handler itself would refuse.
		{Name: "AskRemoveSecretaryForged", Callback: "sa:ZZ:abc"},
		{Name: "SecretariesForgedUnit", Callback: "sv:ZZ:0"},
	}
	h.RequireRefused(t, harness.Outsiders, actions)
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
