package bot

import (
	"fmt"
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// No decision about oneself (issue 8, item 18): a secretary's own
// registration, hours and transfer go to someone else, and a press of
// their own button is refused whatever it says (hours and transfers:
// bot/participation/rights_test.go).

// registerAll is register returning what the last step (the confirmation
// that submits the registration) queued.
func (h *harness) registerAll(id int64, branch, name string) []*youthbot.Outgoing {
	h.t.Helper()
	u := user(id, "vi")
	if err := h.db.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(id, youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": branch}})
	}); err != nil {
		h.t.Fatal(err)
	}
	h.press(u, "rg:yes")
	h.say(u, name)
	h.say(u, "15/03/2004")
	h.apply(contactUpdate(u, id, "84901234567"))
	return h.apply(cbUpdate(u, "rg:ok"))
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
func (h *harness) refusedUnchanged(t *testing.T, id int64, data string) {
	t.Helper()
	before := h.snapshot()
	msgs := h.apply(cbUpdate(user(id, "vi"), data))
	if !refused(msgs, id) {
		t.Errorf("%s by %d: no refusal, got %v", data, id, describe(msgs))
	}
	if h.snapshot() != before {
		t.Errorf("%s by %d changed the state", data, id)
	}
}

func TestSecretaryDoesNotApproveOwnRegistration(t *testing.T) {
	const branch = "VT-CDCD-CNTT"
	h := newHarness(t)
	h.makeSecretary(610, branch)
	h.makeSecretary(611, branch) // a co-secretary: the unit above decides, not a peer
	h.makeSecretary(620, "VT-CDCD")

	msgs := h.registerAll(610, branch, "Bí Thư Tự Duyệt")
	if n := requestsTo(msgs, 610, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("the secretary was asked to approve their own registration (%d requests)", n)
	}
	if n := requestsTo(msgs, 611, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("a co-secretary of the branch was asked (%d requests)", n)
	}
	if n := requestsTo(msgs, 620, "Đăng ký đoàn viên mới"); n != 1 {
		t.Errorf("the unit above got %d requests, want 1", n)
	}
	reg := h.member(610).RegisteredAt.Unix()
	for _, d := range []string{
		fmt.Sprintf("ma:610:%d", reg),
		fmt.Sprintf("mr:610:%d", reg),
		fmt.Sprintf("pd:a:m610.%d:0", reg),
	} {
		h.refusedUnchanged(t, 610, d)
	}
	if got := h.say(user(610, "vi"), "/pending"); has(got, "Bí Thư Tự Duyệt") {
		t.Errorf("the secretary's /pending lists their own registration: %q", got)
	}
	// Approve all on their page approves nothing of their own.
	for _, d := range buttons(h.apply(msgUpdate(user(610, "vi"), "/pending"))) {
		if strings.HasPrefix(d, "pd:A:") {
			h.press(user(610, "vi"), d)
		}
	}
	if got := h.member(610).Status; got != youthbot.StatusPending {
		t.Fatalf("status after the secretary's own presses: %s", got)
	}
	h.press(user(620, "vi"), fmt.Sprintf("ma:610:%d", reg))
	if got := h.member(610).Status; got != youthbot.StatusApproved {
		t.Errorf("the unit above could not approve: %s", got)
	}
}

func TestOnlySecretaryAnywhereGoesToTheAdmins(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(630, "PH-TB-TLA")
	msgs := h.registerAll(630, "PH-TB-TLA", "Bí Thư Ấp")
	if n := requestsTo(msgs, 630, "Đăng ký đoàn viên mới"); n != 0 {
		t.Errorf("the only secretary was asked to approve themselves")
	}
	if n := requestsTo(msgs, adminID, "Đăng ký đoàn viên mới"); n != 1 {
		t.Errorf("the admins got %d requests, want 1", n)
	}
}
