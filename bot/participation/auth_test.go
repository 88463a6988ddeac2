package participation_test

import (
	"fmt"
	"testing"

	"youthbot"
)

// TestAuthorisationTable tries participation's privileged buttons and
// commands (F2 and transfers) as people without the right, as
// bot/auth_test.go does the core's and the other rooms': each is refused
// with a clear answer and the domain state does not change. The rightful
// secretaries' confirmation and acceptance at the end show the same
// actions do work for them.
func TestAuthorisationTable(t *testing.T) {
	h := newHarness(t)
	const branch, sibling = "VT-CDCD-CNTT", "VT-CDCD-KT"
	h.register(501, branch, "Trần Thị Chờ")
	h.register(502, branch, "Lê Văn Đoàn")
	h.makeSecretary(504, branch)
	h.press(user(504, "vi"), fmt.Sprintf("ma:502:%d", h.member(502).RegisteredAt.Unix()))
	if h.member(502).Status != youthbot.StatusApproved {
		t.Fatal("setup: 502 not approved")
	}
	h.makeSecretary(503, sibling)
	h.register(505, branch, "Phạm Mục Tiêu")
	ptf := h.addParticipationFixtures(branch) // a logged activity and a transfer request (F2)

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
		// Participation (F2) and transfers.
		{name: "ConfirmActivity", callback: fmt.Sprintf("ac:%d", ptf.activity)},
		{name: "RejectActivity", callback: fmt.Sprintf("ar:%d", ptf.activity)},
		{name: "RejectActivityWithReason", callback: fmt.Sprintf("aw:%d:unit", ptf.activity)},
		{name: "PendingRejectActivityWithReason", callback: fmt.Sprintf("pd:w:a%d:0:none", ptf.activity)},
		{name: "PendingConfirmActivity", callback: fmt.Sprintf("pd:a:a%d:0", ptf.activity)},
		{name: "UndoOthersActivity", callback: fmt.Sprintf("au:%d", ptf.activity)},
		{name: "ForgedActivityID", callback: "ac:abc"},
		{name: "UnknownActivity", callback: "ac:99999"},
		{name: "ForgedLogButton", callback: "ad:d:20260310"},
		{name: "AcceptTransfer", callback: fmt.Sprintf("xa:%d", ptf.transfer)},
		{name: "RejectTransfer", callback: fmt.Sprintf("xr:%d", ptf.transfer)},
		{name: "PendingAcceptTransfer", callback: fmt.Sprintf("pd:a:t%d:0", ptf.transfer)},
		{name: "CancelOthersTransfer", callback: fmt.Sprintf("xc:%d", ptf.transfer)},
		{name: "TransferOtherMember", callback: fmt.Sprintf("xp:%s:%d", sibling, ptf.member)},
		{name: "TransferSendOtherMember", callback: fmt.Sprintf("xs:%s:%d", sibling, ptf.member)},
		{name: "TransferPickOtherMember", callback: fmt.Sprintf("xm:%d", ptf.member)},
		{name: "TransferWalkForOtherMember", callback: fmt.Sprintf("xt:VT:0:%d", ptf.member)},
		{name: "ForgedTransferID", callback: "xa:-1"},
		{name: "TransferSearchOthers", command: "/transfer Võ Thị Sáu"},
		{name: "ForgedMembersPage", callback: "ab:x:y"},
	}
	for _, a := range actors {
		for _, act := range actions {
			t.Run(a.name+"/"+act.name, func(t *testing.T) {
				before := h.snapshot()
				u := user(a.id, "vi")
				var msgs []*youthbot.Outgoing
				if act.command != "" {
					msgs = h.apply(msgUpdate(u, act.command))
				} else {
					msgs = h.apply(cbUpdate(u, act.callback))
				}
				if after := h.snapshot(); after != before {
					t.Errorf("state changed:\nbefore:\n%s\nafter:\n%s", before, after)
				}
				if !refused(msgs, a.id) {
					t.Errorf("no clear refusal; got %v", describe(msgs))
				}
				for _, m := range msgs {
					if m.Chat != a.id {
						t.Errorf("a message went to chat %d: %q", m.Chat, m.Params["text"])
					}
				}
			})
		}
	}
	t.Run("RightfulSecretaryCanConfirmAndAccept", func(t *testing.T) {
		h.press(user(504, "vi"), fmt.Sprintf("ac:%d", ptf.activity))
		if got := h.ptActivity(ptf.activity).Status; got != youthbot.ActivityConfirmed {
			t.Errorf("activity status = %s, want confirmed", got)
		}
		h.makeSecretary(507, ptFar)
		h.press(user(507, "vi"), fmt.Sprintf("xa:%d", ptf.transfer))
		if got := h.member(ptf.member).Unit; got != ptFar {
			t.Errorf("member's unit = %s, want %s", got, ptFar)
		}
	})
}
