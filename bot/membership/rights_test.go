package membership_test

import (
	"fmt"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/bot/membership"
	"youthbot/storage"
)

// No decision about oneself (issue 8, item 18): a secretary's own
// registration goes to someone else, and a press of their own button is
// refused whatever it says (their hours and transfer: bot/rights_test.go).

// registerAll is register returning what the last step (the confirmation
// that submits the registration) queued.
func registerAll(h *harness.H, id int64, branch, name string) []*youthbot.Outgoing {
	h.T.Helper()
	u := harness.User(id, "vi")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: membership.DlgRegister, Step: membership.StepConsent, Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.T.Fatal(err)
	}
	h.Press(u, "rg:yes")
	h.Say(u, name)
	h.Say(u, "15/03/2004")
	h.Apply(harness.ContactUpdate(u, id, "84901234567"))
	return h.Apply(harness.CbUpdate(u, "rg:ok"))
}

// requestsTo counts the messages of msgs to chat whose text holds sub.
func requestsTo(msgs []*youthbot.Outgoing, chat int64, sub string) int {
	n := 0
	for _, m := range msgs {
		if m.Chat == chat && strings.Contains(m.Params["text"]+m.Params["caption"], sub) {
			n++
		}
	}
	return n
}

// refusedUnchanged presses data as id and checks it is refused without a
// change.
func refusedUnchanged(h *harness.H, t *testing.T, id int64, data string) {
	t.Helper()
	before := h.Snapshot()
	msgs := h.Apply(harness.CbUpdate(harness.User(id, "vi"), data))
	if !harness.Refused(msgs, id) {
		t.Errorf("%s by %d: no refusal, got %v", data, id, harness.Describe(msgs))
	}
	if h.Snapshot() != before {
		t.Errorf("%s by %d changed the state", data, id)
	}
}

func TestSecretaryDoesNotApproveOwnRegistration(t *testing.T) {
	const branch = "VT-CDCD-CNTT"
	h := harness.New(t)
	h.MakeSecretary(610, branch)
	h.MakeSecretary(611, branch) // a co-secretary: the unit above decides, not a peer
	h.MakeSecretary(620, "VT-CDCD")

	msgs := registerAll(h, 610, branch, "Bí Thư Tự Duyệt")
	if n := requestsTo(msgs, 610, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("the secretary was asked to approve their own registration (%d requests)", n)
	}
	if n := requestsTo(msgs, 611, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("a co-secretary of the branch was asked (%d requests)", n)
	}
	if n := requestsTo(msgs, 620, "Đăng ký đoàn viên mới"); n != 1 {
		t.Errorf("the unit above got %d requests, want 1", n)
	}
	reg := h.Member(610).RegisteredAt.Unix()
	for _, d := range []string{
		fmt.Sprintf("ma:610:%d", reg),
		fmt.Sprintf("mr:610:%d", reg),
		fmt.Sprintf("pd:a:m610.%d:0", reg),
	} {
		refusedUnchanged(h, t, 610, d)
	}
	if got := h.Say(harness.User(610, "vi"), "/pending"); harness.Has(got, "Bí Thư Tự Duyệt") {
		t.Errorf("the secretary's /pending lists their own registration: %q", got)
	}
	// Approve all on their page approves nothing of their own.
	for _, d := range harness.Buttons(h.Apply(harness.MsgUpdate(harness.User(610, "vi"), "/pending"))) {
		if strings.HasPrefix(d, "pd:A:") {
			h.Press(harness.User(610, "vi"), d)
		}
	}
	if got := h.Member(610).Status; got != youthbot.StatusPending {
		t.Fatalf("status after the secretary's own presses: %s", got)
	}
	h.Press(harness.User(620, "vi"), fmt.Sprintf("ma:610:%d", reg))
	if got := h.Member(610).Status; got != youthbot.StatusApproved {
		t.Errorf("the unit above could not approve: %s", got)
	}
}

func TestOnlySecretaryAnywhereGoesToTheAdmins(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(630, "PH-TB-TLA")
	msgs := registerAll(h, 630, "PH-TB-TLA", "Bí Thư Ấp")
	if n := requestsTo(msgs, 630, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("the only secretary was asked to approve themselves")
	}
	if n := requestsTo(msgs, harness.AdminID, "Đăng ký đoàn viên mới"); n != 1 {
		t.Errorf("the admins got %d requests, want 1", n)
	}
}
