package telegram

import (
	"context"
	"testing"
	"time"
)

func TestBackoffGrowsWithinItsBounds(t *testing.T) {
	for _, tc := range []struct {
		prev, lo, hi time.Duration
	}{
		{0, 250 * time.Millisecond, 500 * time.Millisecond},
		{500 * time.Millisecond, 500 * time.Millisecond, time.Second},
		{10 * time.Second, 10 * time.Second, 20 * time.Second},
		{time.Hour, 15 * time.Second, 30 * time.Second},
	} {
		for range 20 {
			if got := Backoff(tc.prev); got < tc.lo || got > tc.hi {
				t.Fatalf("Backoff(%v) = %v, want within [%v, %v]", tc.prev, got, tc.lo, tc.hi)
			}
		}
	}
}

func TestSleepEndsWithItsContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Sleep(ctx, time.Hour); err != context.Canceled {
		t.Fatalf("Sleep on an ended context = %v, want context.Canceled", err)
	}
	if err := Sleep(context.Background(), time.Millisecond); err != nil {
		t.Fatalf("Sleep = %v", err)
	}
}
