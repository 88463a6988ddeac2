package participation_test

import (
	"fmt"
	"testing"

	"youthbot"
	th "youthbot/bot/internal/harness"
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

	actions := []th.Action{
		// Participation (F2) and transfers.
		{Name: "ConfirmActivity", Callback: fmt.Sprintf("ac:%d", ptf.activity)},
		{Name: "RejectActivity", Callback: fmt.Sprintf("ar:%d", ptf.activity)},
		{Name: "RejectActivityWithReason", Callback: fmt.Sprintf("aw:%d:unit", ptf.activity)},
		{Name: "PendingRejectActivityWithReason", Callback: fmt.Sprintf("pd:w:a%d:0:none", ptf.activity)},
		{Name: "PendingConfirmActivity", Callback: fmt.Sprintf("pd:a:a%d:0", ptf.activity)},
		{Name: "UndoOthersActivity", Callback: fmt.Sprintf("au:%d", ptf.activity)},
		{Name: "ForgedActivityID", Callback: "ac:abc"},
		{Name: "UnknownActivity", Callback: "ac:99999"},
		{Name: "ForgedLogButton", Callback: "ad:d:20260310"},
		{Name: "AcceptTransfer", Callback: fmt.Sprintf("xa:%d", ptf.transfer)},
		{Name: "RejectTransfer", Callback: fmt.Sprintf("xr:%d", ptf.transfer)},
		{Name: "PendingAcceptTransfer", Callback: fmt.Sprintf("pd:a:t%d:0", ptf.transfer)},
		{Name: "CancelOthersTransfer", Callback: fmt.Sprintf("xc:%d", ptf.transfer)},
		{Name: "TransferOtherMember", Callback: fmt.Sprintf("xp:%s:%d", sibling, ptf.member)},
		{Name: "TransferSendOtherMember", Callback: fmt.Sprintf("xs:%s:%d", sibling, ptf.member)},
		{Name: "TransferPickOtherMember", Callback: fmt.Sprintf("xm:%d", ptf.member)},
		{Name: "TransferWalkForOtherMember", Callback: fmt.Sprintf("xt:VT:0:%d", ptf.member)},
		{Name: "ForgedTransferID", Callback: "xa:-1"},
		{Name: "TransferSearchOthers", Command: "/transfer Võ Thị Sáu"},
		{Name: "ForgedMembersPage", Callback: "ab:x:y"},
	}
	h.H.RequireRefused(t, th.Outsiders, actions)
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
