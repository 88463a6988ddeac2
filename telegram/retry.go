package telegram

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff returns the next wait of an exponential backoff with jitter,
// from 500ms up to 30s, after prev (0 at first).
func Backoff(prev time.Duration) time.Duration {
	next := min(max(prev*2, 500*time.Millisecond), 30*time.Second)
	return next/2 + jitter(next/2)
}

func jitter(d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(d)))
}

// Sleep waits d, or until ctx ends (its error).
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
