package outbox_test

import (
	"fmt"
	"testing"
	"time"

	"youthbot"
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
