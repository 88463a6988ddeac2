package scheduler

import (
	"errors"
	"sync"
	"testing"
	"time"
)

type runs struct {
	mu  sync.Mutex
	got []string
}

func (r *runs) RunDone(job, outcome string, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, job+":"+outcome)
}

func TestTrackReportsEachOutcome(t *testing.T) {
	r := &runs{}
	if err := Track(r, "tally", func() error { return nil }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if err := Track(r, "tally", func() error { return boom }); !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
	func() {
		defer func() {
			if p := recover(); p != "bad" {
				t.Errorf("got panic %v, want it raised again", p)
			}
		}()
		Track(r, "reminders", func() error { panic("bad") })
	}()
	want := []string{"tally:ok", "tally:error", "reminders:panic"}
	if len(r.got) != len(want) {
		t.Fatalf("got %v, want %v", r.got, want)
	}
	for i := range want {
		if r.got[i] != want[i] {
			t.Errorf("got %v, want %v", r.got, want)
		}
	}
	if err := Track(nil, "x", func() error { return boom }); !errors.Is(err, boom) {
		t.Errorf("nil recorder: got %v, want boom", err)
	}
}
