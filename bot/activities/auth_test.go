package activities_test

import (
	"strconv"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestAuthorisationTable: every command and button of the room, as a
// stranger, a member and a secretary of a sibling unit, acting on what a
// secretary of VT-P5 recorded: each is refused with a message and the
// database does not change. Commands and buttons alike are checked on the
// server, whatever the menus show.
func TestAuthorisationTable(t *testing.T) {
	h := newHarness(t)
	owner := harness.User(10, "vi")
	h.MakeSecretary(owner.ID, "VT-P5")
	act := record(h, owner.ID, "hôm nay | Dọn kênh | đv 3")
	var bt youthbot.Breakthrough
	if err := h.DB.Update(func(tx *storage.Tx) error {
		if _, err := tx.UpsertTarget(youthbot.Target{Unit: "VT-P5", Year: 2026, Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp", Value: 10}); err != nil {
			return err
		}
		bt = youthbot.Breakthrough{Year: 2026, Unit: "VT-P5", Text: "Chuyển đổi số", CreatedAt: h.Now}
		if err := tx.AddBreakthrough(&bt); err != nil {
			return err
		}
		m := youthbot.Member{UserID: 30, Unit: "VT-P5-KV1", FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: h.Now, DecidedAt: h.Now}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		return tx.OpenStint(30, "VT-P5-KV1", h.Now, true)
	}); err != nil {
		t.Fatal(err)
	}
	// The owner's dialog waits on a summary: its buttons are the owner's.
	pending := send(h, owner, "/activity hôm nay | Hiến máu | đv 5")
	var okData string
	for _, b := range harness.Buttons(pending) {
		if strings.HasPrefix(b, "ha:ok:") {
			okData = b
		}
	}
	sibling := harness.User(20, "vi")
	h.MakeSecretary(sibling.ID, "VT-CDCD")
	actID, btID := strconv.FormatUint(act.ID, 10), strconv.FormatUint(bt.ID, 10)

	everyone := []string{
		"/activities VT-P5", "/achieved CT05 9", "/activity hôm nay | Dọn kênh | đv 3 | đơn vị VT-P5",
		"he:" + actID, "hd:" + actID, "hx:" + actID + ":yes", "hb:" + btID, "hl:VT-P5:0", okData, "hu:m:VT-P5:abcdef",
	}
	notSecretaries := append([]string{"/activity", "/activities", "/breakthrough Nhiệm vụ", "/breakthrough", "/model Mô hình", "/model",
		"/achieved CT05 9"}, everyone...)
	users := []struct {
		name  string
		id    int64
		tries []string
	}{
		{"Stranger", 40, notSecretaries},
		{"Member", 30, notSecretaries},
		{"SiblingSecretary", sibling.ID, everyone},
	}
	before := h.Snapshot()
	for _, u := range users {
		t.Run(u.name, func(t *testing.T) {
			from := harness.User(u.id, "vi")
			for _, try := range u.tries {
				var msgs []*youthbot.Outgoing
				if strings.HasPrefix(try, "/") {
					msgs = h.Apply(harness.MsgUpdate(from, try))
				} else {
					msgs = h.Apply(harness.CbUpdate(from, try))
				}
				if !harness.Refused(msgs, u.id) {
					t.Errorf("%s: not refused: %q", try, harness.Texts(msgs, u.id))
				}
				if got := h.Snapshot(); got != before {
					t.Fatalf("%s changed the database", try)
				}
			}
		})
	}
	t.Run("TheOwnerStillCan", func(t *testing.T) {
		contains(t, texts(h.Apply(harness.CbUpdate(owner, okData)), owner.ID), "Đã ghi nhận")
		contains(t, texts(h.Apply(harness.CbUpdate(owner, "hb:"+btID)), owner.ID), "1 hoàn thành")
	})
}
