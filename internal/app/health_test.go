package app

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"youthbot/storage"
)

// TestHealthProbesShareOneWrite: 200 concurrent /healthz requests while a
// write transaction holds the database: they make one probe write between
// them (not one each, every one later committing with its fsync), no
// goroutine stays behind once they are answered, and each is answered
// 503 within the probe's deadline. When the writer lets go, the probe
// write commits and its result serves the next probes without another
// write until it is older than the probe's freshness.
func TestHealthProbesShareOneWrite(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "h.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var writes atomic.Int32
	clock := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var clockMu sync.Mutex
	now := func() time.Time { clockMu.Lock(); defer clockMu.Unlock(); return clock }
	p := newHealthProbe(func() error {
		writes.Add(1)
		return db.Update(func(tx *storage.Tx) error { return tx.Touch(now()) })
	}, nil, now)
	p.within = 200 * time.Millisecond
	srv := httptest.NewServer(healthz(p.check))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 200}}
	get := func() int {
		resp, err := client.Get(srv.URL)
		if err != nil {
			t.Error(err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}

	hold, held := make(chan struct{}), make(chan struct{})
	writerDone := make(chan error, 1)
	go func() {
		writerDone <- db.Update(func(tx *storage.Tx) error { close(held); <-hold; return nil })
	}()
	<-held
	before := runtime.NumGoroutine()
	var wg sync.WaitGroup
	codes := make(chan int, 200)
	for range 200 {
		wg.Add(1)
		go func() { defer wg.Done(); codes <- get() }()
	}
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusServiceUnavailable {
			t.Errorf("a probe behind a held writer answered %d, want 503", c)
		}
	}
	client.CloseIdleConnections()
	// What is left: the one probe write waiting for the writer, and the
	// server's connections winding down.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before+3 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before+3 {
		t.Errorf("%d goroutines after the probes were answered, %d before: probes pile up", n, before)
	}
	if n := writes.Load(); n != 1 {
		t.Errorf("%d probe writes started behind the held writer, want 1", n)
	}

	close(hold)
	if err := <-writerDone; err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(5 * time.Second)
	for get() != http.StatusOK && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	for range 50 {
		if c := get(); c != http.StatusOK {
			t.Fatalf("a probe after the writer let go answered %d", c)
		}
	}
	if n := writes.Load(); n != 1 {
		t.Errorf("%d probe writes, want 1: a fresh result serves the next probes", n)
	}
	clockMu.Lock()
	clock = clock.Add(healthFresh)
	clockMu.Unlock()
	if c := get(); c != http.StatusOK || writes.Load() != 2 {
		t.Errorf("a probe after the result aged answered %d with %d writes in all, want 200 after a second write", c, writes.Load())
	}
}

// TestHealthReportsUpdatesNotCommitting: while updates fail to commit (a
// full disk), the probe is unhealthy even though its own small write goes
// through, and healthy again once they commit.
func TestHealthReportsUpdatesNotCommitting(t *testing.T) {
	var failing atomic.Pointer[error]
	p := newHealthProbe(func() error { return nil }, func() error {
		if e := failing.Load(); e != nil {
			return *e
		}
		return nil
	}, time.Now)
	if err := p.check(context.Background()); err != nil {
		t.Fatal(err)
	}
	full := errors.New("updates not committed: database reached maximum size")
	failing.Store(&full)
	if err := p.check(context.Background()); !errors.Is(err, full) {
		t.Errorf("while updates fail: %v, want %v", err, full)
	}
	failing.Store(nil)
	if err := p.check(context.Background()); err != nil {
		t.Errorf("once updates commit: %v", err)
	}
}
