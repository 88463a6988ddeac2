package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"youthbot/i18n"
	"youthbot/storage"
)

// TestForgetMeWhileTheBotRuns: the whole bot (poll, outbox sender, wipe,
// control socket). A member registers (the approval request with their
// name and phone goes to the secretary), then asks to be forgotten; once
// the answers are delivered, neither the database file nor a backup taken
// through the control socket holds their name, phone or id.
func TestForgetMeWhileTheBotRuns(t *testing.T) {
	b := startOps(t, opsOptions{})
	an := b.srv.NewUser("An", "vi")
	const name = "Trần Văn Xoá"
	b.register(an, name)
	confirm := func() bool {
		var gone bool
		b.a.DB().View(func(tx *storage.Tx) error { _, err := tx.Member(an.ID); gone = err != nil; return nil })
		return gone
	}
	an.Send("/forgetme")
	ask := an.Next(t)
	an.Press(ask, i18n.T("vi", "btn.forget"))
	b.srv.WaitUntil(t, "the member is forgotten", confirm)
	b.settle()

	backup := filepath.Join(t.TempDir(), "after.db")
	if code, out, errs := runMain(t, map[string]string{"YOUTHBOT_DB": b.dbPath}, "backup", backup); code != 0 {
		t.Fatalf("backup: exit %d %q %q", code, out, errs)
	}
	// The bot wipes every 10 s and before a backup; a read transaction
	// open at that moment puts it off.
	deadline := time.Now().Add(20 * time.Second)
	for {
		done, err := b.a.DB().WipeIfDue()
		if done {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the wipe after the erasure is still due: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}

	digits := strings.TrimPrefix(an.Phone, "+")
	key := make([]byte, 8)
	binary.BigEndian.PutUint64(key, uint64(an.ID)^(1<<63))
	dec := fmt.Sprint(an.ID)
	needles := map[string][]byte{
		"name": []byte(name), "phone 84…": []byte(digits), "phone 0…": []byte("0" + strings.TrimPrefix(digits, "84")),
		"id key": key, "id as a JSON number": []byte(":" + dec + ","), "id as a JSON string": []byte(`"` + dec + `"`),
		"id in callback data": []byte(":" + dec + ":"), "id in an outbox key": []byte("/" + dec),
	}
	for file, path := range map[string]string{"database": b.dbPath, "backup": backup} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for label, n := range needles {
			if i := bytes.Index(data, n); i >= 0 {
				t.Errorf("%s: the %s is still there: %q", file, label, data[max(0, i-40):min(len(data), i+len(n)+40)])
			}
		}
	}
}
