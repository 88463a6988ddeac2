package participation_test

import (
	"fmt"
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// No decision about oneself (issue 8, item 18): a secretary's own hours
// and transfer go to someone else, and a press of their own button is
// refused whatever it says (bot/rights_test.go for the registration).

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

func TestSecretaryDoesNotConfirmOwnHours(t *testing.T) {
	const branch = "VT-CDCD-CNTT"
	h := newHarness(t)
	sec := h.ptMember(610, branch, "Bí Thư Tự Ghi")
	h.makeSecretary(610, branch)
	h.makeSecretary(620, "VT-CDCD")
	for _, tt := range []struct {
		name string
		send func() []*youthbot.Outgoing
	}{
		{"Text", func() []*youthbot.Outgoing { return h.apply(msgUpdate(sec, "/log 09/03 3h Dọn kênh")) }},
		{"Photo", func() []*youthbot.Outgoing { return h.apply(photoUpdate(sec, "/log 09/03 2h Trồng cây")) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			msgs := tt.send()
			a := h.ptActivities(610)[0]
			if a.Status != youthbot.ActivityPending {
				t.Fatalf("setup: %+v", a)
			}
			if n := requestsTo(msgs, 610, "Lượt tham gia cần xác nhận"); n != 0 {
				t.Errorf("the secretary was asked to confirm their own hours")
			}
			if n := requestsTo(msgs, 620, "Lượt tham gia cần xác nhận"); n != 1 {
				t.Errorf("the unit above got %d requests, want 1", n)
			}
			for _, d := range []string{fmt.Sprintf("ac:%d", a.ID), fmt.Sprintf("ar:%d", a.ID), fmt.Sprintf("pd:a:a%d:0", a.ID)} {
				h.refusedUnchanged(t, 610, d)
			}
			h.press(user(620, "vi"), fmt.Sprintf("ac:%d", a.ID))
			if got := h.ptActivity(a.ID).Status; got != youthbot.ActivityConfirmed {
				t.Errorf("the unit above could not confirm: %s", got)
			}
		})
	}
}

func TestSecretaryDoesNotAcceptOwnTransfer(t *testing.T) {
	h := newHarness(t)
	sec := h.ptMember(620, "VT-CDCD-CNTT", "Bí Thư Trường")
	h.makeSecretary(620, "VT-CDCD") // rights over both branches
	h.makeSecretary(640, "VT")
	h.apply(msgUpdate(sec, "/transfer VT-CDCD-KT"))
	msgs := h.apply(cbUpdate(sec, "xs:VT-CDCD-KT"))
	if got := h.member(620).Unit; got != "VT-CDCD-CNTT" {
		t.Fatalf("the secretary's own transfer was accepted at once: now in %s", got)
	}
	if n := requestsTo(msgs, 640, "Đề nghị chuyển sinh hoạt Đoàn"); n != 1 {
		t.Errorf("the unit above got %d requests, want 1", n)
	}
	if n := requestsTo(msgs, 620, "Đề nghị chuyển sinh hoạt Đoàn"); n != 0 {
		t.Errorf("the secretary was asked to accept their own transfer")
	}
	var id uint64
	h.db.View(func(tx *storage.Tx) error { tr, _, err := tx.PendingTransferOf(620); id = tr.ID; return err })
	for _, d := range []string{fmt.Sprintf("xa:%d", id), fmt.Sprintf("xr:%d", id), fmt.Sprintf("pd:a:t%d:0", id)} {
		h.refusedUnchanged(t, 620, d)
	}
	h.press(user(640, "vi"), fmt.Sprintf("xa:%d", id))
	if got := h.member(620).Unit; got != "VT-CDCD-KT" {
		t.Errorf("the unit above could not accept: in %s", got)
	}
}
