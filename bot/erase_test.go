package bot_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// residue lists what of a person must not be found in a file after
// /forgetme: their name, their phone in both forms, their Telegram id in
// decimal and as 8 bytes (big endian, and as storage keys it).
func residue(name, phone string, id int64) map[string][]byte {
	key := make([]byte, 8)
	binary.BigEndian.PutUint64(key, uint64(id)^(1<<63))
	be := make([]byte, 8)
	binary.BigEndian.PutUint64(be, uint64(id))
	national := "0" + strings.TrimPrefix(phone, "84")
	return map[string][]byte{
		"name": []byte(name), "phone 84…": []byte(phone), "phone 0…": []byte(national),
		"decimal id": []byte(strconv.FormatInt(id, 10)), "id key": key, "id big endian": be,
	}
}

func findResidue(t *testing.T, what string, data []byte, needles map[string][]byte) {
	t.Helper()
	for label, n := range needles {
		if i := bytes.Index(data, n); i >= 0 {
			lo, hi := max(0, i-40), min(len(data), i+len(n)+40)
			t.Errorf("%s: the %s is still there at byte %d: %q", what, label, i, data[lo:hi])
		}
	}
}

// TestForgetMeLeavesNothingInTheFileOrABackup makes someone a member, a
// secretary who used an invite, approved a member, decided activities and
// a transfer and created a project, with messages about them waiting in
// the outbox; after /forgetme neither the raw database file nor a backup
// made after it holds their name, phone or Telegram id, and no queued
// message to someone else mentions them.
func TestForgetMeLeavesNothingInTheFileOrABackup(t *testing.T) {
	h := harness.New(t)
	const (
		p      = int64(880123457)
		q      = int64(870002)
		name   = "Trần Văn Xoá"
		phone  = "84901234567"
		branch = "VT-P5-KV1"
		other  = "VT-P5-KV4"
	)
	needles := residue(name, phone, p)

	// P becomes secretary of another branch with an invite.
	out := h.Say(harness.User(harness.AdminID, "vi"), "/invite "+other+" secretary")
	code := regexp.MustCompile(`start=s_([a-z0-9]+)`).FindStringSubmatch(strings.Join(out, "\n"))
	if code == nil {
		t.Fatalf("no secretary link in %q", out)
	}
	h.Say(harness.User(p, "vi"), "/start s_"+code[1])
	// P registers as a member of branch (the approval request with name,
	// birth date and phone goes to the admins) and approves Q in theirs.
	const sec = int64(870009)
	h.MakeSecretary(sec, branch)
	h.Register(p, branch, name)
	h.Press(harness.User(sec, "vi"), fmt.Sprintf("ma:%d:%d", p, h.Member(p).RegisteredAt.Unix()))
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutDialog(q, youthbot.Dialog{Name: dlgRegister, Step: stepConsent, Data: map[string]string{"unit": other}})
	}); err != nil {
		t.Fatal(err)
	}
	h.Press(harness.User(q, "vi"), "rg:yes")
	h.Say(harness.User(q, "vi"), "Lê Thị Còn")
	h.Say(harness.User(q, "vi"), "15/03/2004")
	h.Apply(harness.ContactUpdate(harness.User(q, "vi"), q, "84987654321"))
	h.Press(harness.User(q, "vi"), "rg:ok")
	h.Press(harness.User(p, "vi"), fmt.Sprintf("ma:%d:%d", q, h.Member(q).RegisteredAt.Unix()))
	if m := h.Member(q); m.Status != youthbot.StatusApproved || m.DecidedBy != p {
		t.Fatalf("Q not approved by P: %+v", m)
	}
	// The project P's /newproject (of the projects room) would make.
	april := youthbot.Date{Year: 2026, Month: 4, Day: 1}
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.NewProject(&youthbot.Project{Kind: youthbot.ProjectTask, Title: "Hiến máu", Unit: other, Start: april, End: april,
			Capacity: 5, Status: youthbot.ProjectOpen, CreatedBy: p, CreatedAt: h.Now})
	}); err != nil {
		t.Fatal(err)
	}
	// What the dialogs would have made: P's withdrawn activity and a
	// pending one with its request to the branch's secretary, Q's
	// activity and transfer decided by P, P's own transfer withdrawn,
	// broadcast and project reminder keys naming P.
	err := h.DB.Update(func(tx *storage.Tx) error {
		mine := &youthbot.Activity{Member: p, Unit: branch, Date: youthbot.Date{Year: 2026, Month: 3, Day: 2}, Tenths: 20,
			Description: "Dọn rác kênh Xáng", Status: youthbot.ActivityUndone, Source: youthbot.SourceLog,
			CreatedAt: h.Now, DecidedAt: h.Now, DecidedBy: p}
		pending := &youthbot.Activity{Member: p, Unit: branch, Date: youthbot.Date{Year: 2026, Month: 3, Day: 3}, Tenths: 30,
			Description: "Trồng cây", Photo: "AgACAgUAAxkBAAIBQ2photo", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: h.Now}
		theirs := &youthbot.Activity{Member: q, Unit: other, Date: youthbot.Date{Year: 2026, Month: 3, Day: 2}, Tenths: 10,
			Description: "Hiến máu", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog, CreatedAt: h.Now, DecidedAt: h.Now, DecidedBy: p}
		for _, a := range []*youthbot.Activity{mine, pending, theirs} {
			if err := tx.AddActivity(a); err != nil {
				return err
			}
		}
		for _, tr := range []*youthbot.Transfer{
			{Member: p, From: branch, To: "VT-CDCD-KT", RequestedBy: p, RequestedAt: h.Now, Status: youthbot.TransferCancelled, DecidedBy: p, DecidedAt: h.Now},
			{Member: q, From: "VT-CDCD-KT", To: other, RequestedBy: q, RequestedAt: h.Now, Status: youthbot.TransferAccepted, DecidedBy: p, DecidedAt: h.Now},
		} {
			if err := tx.AddTransfer(tr); err != nil {
				return err
			}
		}
		for _, o := range []*youthbot.Outgoing{
			{Chat: sec, Method: "sendPhoto", Lane: youthbot.LaneNotify, Queued: h.Now, Params: map[string]string{
				"chat_id": fmt.Sprint(sec), "photo": pending.Photo, "caption": name + " · Trồng cây",
				"reply_markup": fmt.Sprintf(`{"inline_keyboard":[[{"text":"OK","callback_data":"ac:%d"}]]}`, pending.ID)}},
			{Chat: sec, Method: "sendMessage", Lane: youthbot.LaneNotify, Queued: h.Now, Params: map[string]string{
				"chat_id": fmt.Sprint(sec), "text": "Yêu cầu: " + name + " (0901234567) · Dọn rác kênh Xáng",
				"reply_markup": fmt.Sprintf(`{"inline_keyboard":[[{"text":"OK","callback_data":"ac:%d"}]]}`, theirs.ID)}},
			{Chat: p, Method: "sendMessage", Lane: youthbot.LaneNotify, Key: fmt.Sprintf("bc/7/%d", p), Queued: h.Now,
				Params: map[string]string{"chat_id": fmt.Sprint(p), "text": "broadcast"}},
			{Chat: p, Method: "sendMessage", Lane: youthbot.LaneNotify, Key: fmt.Sprintf("proj/P1/1775001600/%d", p), Queued: h.Now,
				Params: map[string]string{"chat_id": fmt.Sprint(p), "text": "reminder"}},
		} {
			if _, err := tx.Enqueue(o); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	h.Say(harness.User(p, "vi"), "/forgetme")
	h.Press(harness.User(p, "vi"), "fg:yes")

	// Nothing queued for someone else speaks of P; then the sender
	// delivers it all (the confirmation to P included).
	var queued []*youthbot.Outgoing
	h.DB.View(func(tx *storage.Tx) error { queued = must(tx.Outbox()); return nil })
	var kept int
	for _, o := range queued {
		if o.Chat == p {
			continue
		}
		kept++
		for k, v := range o.Params {
			for label, n := range needles {
				if strings.Contains(v, string(n)) {
					t.Errorf("a message queued for %d still has the %s in %s: %q", o.Chat, label, k, v)
				}
			}
			if strings.Contains(v, "Xáng") || strings.Contains(v, "photo") && k == "photo" {
				t.Errorf("a message queued for %d still has P's activity in %s: %q", o.Chat, k, v)
			}
		}
	}
	if kept == 0 {
		t.Error("every queued message was dropped; the request about Q's activity should stay, rewritten")
	}
	if err := h.DB.Update(func(tx *storage.Tx) error {
		for _, o := range queued {
			if err := tx.DeleteOutgoing(o.Seq); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if done, err := h.DB.WipeIfDue(); err != nil || !done {
		t.Fatalf("wipe after the erasure: done %v, %v", done, err)
	}

	// What stays is anonymous: Q's approval and activity, the figures.
	h.DB.View(func(tx *storage.Tx) error {
		if m := must(tx.Member(q)); m.DecidedBy >= 0 {
			t.Errorf("Q's approval is now decided by %d, want P's anonymous id", m.DecidedBy)
		}
		if n := len(must(tx.MembersOf(branch, youthbot.StatusForgotten))); n != 1 {
			t.Errorf("%d forgotten members in %s, want P's anonymous record", n, branch)
		}
		return nil
	})

	raw, err := os.ReadFile(h.DB.Path())
	if err != nil {
		t.Fatal(err)
	}
	findResidue(t, "database file", raw, needles)

	backup := filepath.Join(t.TempDir(), "backup.db")
	f, err := os.Create(backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.DB.Backup(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := storage.Verify(backup); err != nil {
		t.Fatalf("backup: %v", err)
	}
	data, _ := os.ReadFile(backup)
	findResidue(t, "backup", data, needles)
}
