package scheduler

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"youthbot/storage"
)

// levels records the level of every log line.
type levels struct {
	mu  sync.Mutex
	got []slog.Record
}

func (l *levels) Enabled(context.Context, slog.Level) bool { return true }
func (l *levels) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.got = append(l.got, r)
	return nil
}
func (l *levels) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *levels) WithGroup(string) slog.Handler      { return l }

// TestJobCutByShutdownIsNoError: a job that ends because the bot is
// stopping (its base context cancelled) is logged as stopped, not as a
// failure; a job that fails by itself still is an error.
func TestJobCutByShutdownIsNoError(t *testing.T) {
	db, err := storage.Open(t.TempDir()+"/y.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		name      string
		shutdown  bool
		jobErr    error
		wantError bool
	}{
		{"CutByShutdown", true, nil, false},
		{"FailsByItself", false, errors.New("disk on fire"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &levels{}
			s, err := New(Config{DB: db, Location: time.UTC, Log: slog.New(h)})
			if err != nil {
				t.Fatal(err)
			}
			base, stop := context.WithCancel(context.Background())
			defer stop()
			s.runJob(base, JobTally, func(ctx context.Context, _ time.Time) (int, error) {
				if tt.shutdown {
					stop() // SIGTERM while the job runs
					<-ctx.Done()
					return 3, ctx.Err()
				}
				return 0, tt.jobErr
			})
			var errs int
			for _, r := range h.got {
				if r.Level >= slog.LevelError {
					errs++
				}
			}
			if got := errs > 0; got != tt.wantError {
				t.Errorf("error lines: %d, want error %v", errs, tt.wantError)
			}
		})
	}
}
