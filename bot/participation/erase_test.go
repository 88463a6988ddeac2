package participation_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// TestNothingIsSentToAnAnonymousID: after /forgetme a secretary may still
// decide the person's pending activity (it counts, anonymously) or someone
// may use an invite they made; nothing is then sent to the anonymous id
// (a negative id is a group chat for Telegram).
func TestNothingIsSentToAnAnonymousID(t *testing.T) {
	h := newHarness(t)
	const p, sec, branch = int64(880123457), int64(870009), "VT-P5-KV1"
	h.makeSecretary(sec, branch)
	h.register(p, branch, "Trần Văn Xoá")
	h.press(user(sec, "vi"), fmt.Sprintf("ma:%d:%d", p, h.member(p).RegisteredAt.Unix()))
	a := &youthbot.Activity{Member: p, Unit: branch, Date: youthbot.Date{Year: 2026, Month: 3, Day: 3}, Tenths: 30,
		Description: "Trồng cây", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: h.Now}
	if err := h.db.Update(func(tx *storage.Tx) error { return tx.AddActivity(a) }); err != nil {
		t.Fatal(err)
	}
	h.makeSecretary(p, "VT-P5")
	out := h.say(user(p, "vi"), "/invite VT-P5-KV4 secretary")
	code := regexp.MustCompile(`start=s_([a-z0-9]+)`).FindStringSubmatch(strings.Join(out, "\n"))
	if code == nil {
		t.Fatalf("no secretary link in %q", out)
	}
	h.say(user(p, "vi"), "/forgetme")
	h.press(user(p, "vi"), "fg:yes")
	msgs := h.apply(cbUpdate(user(sec, "vi"), fmt.Sprintf("ac:%d", a.ID)))
	msgs = append(msgs, h.apply(msgUpdate(user(870100, "vi"), "/start s_"+code[1]))...)
	h.db.View(func(tx *storage.Tx) error {
		if got := must(tx.Activity(a.ID)); got.Status != youthbot.ActivityConfirmed || got.Member >= 0 {
			t.Errorf("the anonymous activity: %+v, want confirmed", got)
		}
		return nil
	})
	for _, o := range msgs {
		if o.Chat < 0 {
			t.Errorf("%s queued to the anonymous id %d: %v", o.Method, o.Chat, o.Params)
		}
	}
}
