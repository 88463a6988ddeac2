package outbox_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

func TestSenderDeliversOnlyTheLatestOfACoalescedNameAndSpacesThem(t *testing.T) {
	const gap = 400 * time.Millisecond
	w := newWorld(t, worldOptions{gap: gap})
	u, other := w.srv.NewUser("An", "vi"), w.srv.NewUser("Bình", "vi")
	var batch []*youthbot.Outgoing
	for i := range 5 {
		m := text(u.ID, "", fmt.Sprintf("state %d", i))
		m.Coalesce = "sum/a"
		batch = append(batch, m)
	}
	w.queue(append(batch, text(other.ID, "", "unrelated"))...) // one transaction: the latest replaces the others
	w.idle(10 * time.Second)
	if got := w.textsTo(u.ID); len(got) != 1 || got[0] != "state 4" {
		t.Fatalf("delivered %q, want only the latest state", got)
	}
	if got := w.textsTo(other.ID); len(got) != 1 {
		t.Fatalf("an unrelated message was touched: %q", got)
	}
	// A second state right after the first delivery waits out the gap;
	// a name of its own does not.
	first := text(u.ID, "", "state 5")
	first.Coalesce = "sum/a"
	w.queue(first)
	w.idle(10 * time.Second)
	second, own := text(u.ID, "", "state 6"), text(other.ID, "", "own")
	second.Coalesce, own.Coalesce = "sum/a", "sum/b"
	w.queue(second, own)
	w.idle(10 * time.Second)
	sends := w.sends()
	var at5, at6 time.Time
	for _, c := range sends {
		switch c.Params["text"] {
		case "state 5":
			at5 = c.Time
		case "state 6":
			at6 = c.Time
		}
	}
	if d := at6.Sub(at5); d < gap-20*time.Millisecond {
		t.Errorf("two states of one name %v apart, want at least %v", d, gap)
	}
	if got := w.textsTo(other.ID); len(got) != 2 {
		t.Errorf("other chat got %q", got)
	}
}

func TestSenderAimsASummaryAtItsLatestMessageAndSendsItAnewOnceDeleted(t *testing.T) {
	w := newWorld(t, worldOptions{gap: 10 * time.Millisecond})
	u := w.srv.NewUser("An", "vi")
	summary := func(s string, messageID int) *youthbot.Outgoing {
		m := text(u.ID, "", s)
		m.Track, m.Coalesce = "sum/act/B", "sum/act/B/1"
		if messageID != 0 {
			m.Method, m.Params["message_id"] = "editMessageText", strconv.Itoa(messageID)
		}
		return m
	}
	sentID := func() int64 {
		var id int64
		w.db.View(func(tx *storage.Tx) error { m, _ := tx.Sent("sum/act/B", u.ID); id = m.MessageID; return nil })
		return id
	}
	w.queue(summary("v1", 0))
	w.idle(10 * time.Second)
	first := u.Messages()
	if len(first) != 1 || sentID() != int64(first[0].ID) {
		t.Fatalf("first summary: %d messages, kept id %d", len(first), sentID())
	}
	// A send queued before the first one's id was known edits it.
	w.queue(summary("v2", 0))
	w.idle(10 * time.Second)
	if msgs := u.Messages(); len(msgs) != 1 || msgs[0].Text != "v2" {
		t.Fatalf("a second send of the summary: %d messages, %q", len(msgs), msgs[len(msgs)-1].Text)
	}
	// Deleted by the user: the edit is refused, the summary sent anew and
	// its id kept; an edit queued with the old id goes to the new one.
	u.DeleteMessage(first[0].ID)
	w.queue(summary("v3", first[0].ID))
	w.idle(10 * time.Second)
	msgs := u.Messages()
	if len(msgs) != 2 || msgs[1].Text != "v3" || sentID() != int64(msgs[1].ID) {
		t.Fatalf("after deletion: %d messages, last %q, kept id %d", len(msgs), msgs[len(msgs)-1].Text, sentID())
	}
	w.queue(summary("v4", first[0].ID))
	w.idle(10 * time.Second)
	if msgs := u.Messages(); len(msgs) != 2 || msgs[1].Text != "v4" {
		t.Errorf("the stale edit: %d messages, last %q", len(msgs), msgs[len(msgs)-1].Text)
	}
}
