package bot

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// TestCallbackAnswersReadAsWritten: a callback answer built from HTML (tags
// and escaped arguments) reaches Telegram as the text it reads as, and an
// argument that itself looks like HTML or an entity survives as typed.
func TestCallbackAnswersReadAsWritten(t *testing.T) {
	h := newHarness(t)
	const branch = "VT-P5-KV4"
	h.makeSecretary(800, branch)
	out := h.say(user(800, "vi"), "/newproject pv | Hiến máu <Xuân> & &amp; | 01/04/2026 | 01/04/2026 | 5")
	if len(out) != 1 || !strings.Contains(out[0], "/join P1") {
		t.Fatalf("create: %q", out)
	}
	h.register(810, branch, "Nguyễn Văn An")
	if err := h.db.Update(func(tx *storage.Tx) error {
		m, err := tx.Member(810)
		if err != nil {
			return err
		}
		m.Status = youthbot.StatusApproved
		return tx.PutMember(m)
	}); err != nil {
		t.Fatal(err)
	}
	var answer string
	for _, m := range h.apply(cbUpdate(user(810, "vi"), "jj:P1:0")) {
		if m.Method == "answerCallbackQuery" {
			answer = m.Params["text"]
		}
	}
	if !strings.Contains(answer, "✅ Bạn đã đăng ký tham gia P1 — Hiến máu <Xuân> & &amp; (01/04/2026") || strings.Contains(answer, "<b>") {
		t.Errorf("answer %q, want the title as written and no tags", answer)
	}
}
