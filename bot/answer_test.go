package bot_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestCallbackAnswersReadAsWritten: a callback answer built from HTML (tags
// and escaped arguments) reaches Telegram as the text it reads as, and an
// argument that itself looks like HTML or an entity survives as typed.
func TestCallbackAnswersReadAsWritten(t *testing.T) {
	h := harness.New(t)
	const branch = "VT-P5-KV4"
	h.MakeSecretary(800, branch)
	out := h.Say(harness.User(800, "vi"), "/newproject pv | Hiến máu <Xuân> & &amp; | 01/04/2026 | 01/04/2026 | 5")
	if len(out) != 1 || !strings.Contains(out[0], "/join P1") {
		t.Fatalf("create: %q", out)
	}
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: 810, Unit: branch, FullName: "Nguyễn Văn An", Status: youthbot.StatusApproved,
			RegisteredAt: h.Now, DecidedAt: h.Now})
	}); err != nil {
		t.Fatal(err)
	}
	var answer string
	for _, m := range h.Apply(harness.CbUpdate(harness.User(810, "vi"), "jj:P1:0")) {
		if m.Method == "answerCallbackQuery" {
			answer = m.Params["text"]
		}
	}
	if !strings.Contains(answer, "✅ Bạn đã đăng ký tham gia P1 — Hiến máu <Xuân> & &amp; (01/04/2026") || strings.Contains(answer, "<b>") {
		t.Errorf("answer %q, want the title as written and no tags", answer)
	}
}
