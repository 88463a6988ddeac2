package control

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"youthbot/storage"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// bigDB is a database of a few megabytes, more than a socket buffers.
func bigDB(t *testing.T) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "y.db"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	fill(t, db, 0, 2000)
	return db
}

// fill writes n 4 KiB values (named from first) into a bucket of its own.
func fill(t *testing.T, db *storage.DB, first, n int) {
	t.Helper()
	val := bytes.Repeat([]byte("x"), 4096)
	err := db.Update(func(tx *storage.Tx) error {
		b, err := tx.Bolt().CreateBucketIfNotExists([]byte("test_fill"))
		if err != nil {
			return err
		}
		for i := first; i < first+n; i++ {
			if err := b.Put(fmt.Appendf(nil, "k%08d", i), val); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// stalledClient asks for a backup, reads the OK line and stops reading.
func stalledClient(t *testing.T, path string) net.Conn {
	t.Helper()
	conn, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	fmt.Fprint(conn, "backup\n")
	line, err := bufio.NewReaderSize(conn, 16).ReadString('\n')
	if err != nil || line != "OK\n" {
		t.Fatalf("backup answer %q, %v", line, err)
	}
	return conn
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: not done within %s", what, d)
	}
}

// TestStalledBackupClientDoesNotBlockWrites: a client that asks for a
// backup and stops reading holds no read transaction, so a write that
// grows the file (bbolt remaps it, which waits for readers) goes through.
func TestStalledBackupClientDoesNotBlockWrites(t *testing.T) {
	db := bigDB(t)
	path := SocketPath(db.Path())
	srv, err := Listen(path, Handler{Backup: db.Backup, Idle: time.Hour}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		// The stalled stream ends with the connection.
		within(t, 10*time.Second, "close", func() { srv.Close() })
	}()
	conn := stalledClient(t, path)
	defer conn.Close() // first: a failing test still ends the stream
	before := fileSize(t, db.Path())
	within(t, 10*time.Second, "a write growing the file while a backup client stalls", func() {
		fill(t, db, 2000, 3000) // 12 MiB more: the 16 MiB map must grow
	})
	// The write is there and the file did grow (a remap happened). Read
	// transaction counters say nothing here: the backup's own read may
	// or may not have been counted before the stall.
	if after := fileSize(t, db.Path()); after <= before {
		t.Fatalf("file did not grow: %d → %d bytes", before, after)
	}
	err = db.View(func(tx *storage.Tx) error {
		b := tx.Bolt().Bucket([]byte("test_fill"))
		if b == nil || b.Get([]byte("k00004999")) == nil {
			return fmt.Errorf("the last value written is not in the database")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStalledBackupClientIsCut: a stream without progress for Idle is
// ended; the client gets a short copy.
func TestStalledBackupClientIsCut(t *testing.T) {
	db := bigDB(t)
	path := SocketPath(db.Path())
	logs := &syncBuffer{}
	srv, err := Listen(path, Handler{Backup: db.Backup, Idle: 200 * time.Millisecond}, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	conn := stalledClient(t, path)
	defer conn.Close()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "backup over control socket") {
		if time.Now().After(deadline) {
			t.Fatal("a stalled backup stream was not cut within 10 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := io.Copy(io.Discard, conn)
	if err != nil {
		t.Fatalf("after the cut the stream should end: %v", err)
	}
	if n >= 2000*4096 {
		t.Fatalf("the client got %d bytes, the whole copy", n)
	}
}

// TestSocketIsNeverReachableByOthers: when the socket is bound it is in a
// directory only its owner may enter, not yet at its path; at its path it
// is 0600.
func TestSocketIsNeverReachableByOthers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "y.db.sock")
	os.WriteFile(path, nil, 0o666) // a stale one
	var checked bool
	afterBind = func(bound string) {
		checked = true
		st, err := os.Stat(filepath.Dir(bound))
		if err != nil || st.Mode().Perm() != 0o700 {
			t.Errorf("socket bound in %s: %v, %v; want a 0700 directory", filepath.Dir(bound), st.Mode(), err)
		}
		if st, err := os.Lstat(path); err == nil && st.Mode()&os.ModeSocket != 0 {
			t.Errorf("the socket is at %s before it is made private (%v)", path, st.Mode())
		}
	}
	defer func() { afterBind = nil }()
	srv, err := Listen(path, Handler{Health: func(context.Context) error { return nil }}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if !checked {
		t.Fatal("the bind was not observed")
	}
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&os.ModeSocket == 0 || st.Mode().Perm() != 0o600 {
		t.Fatalf("socket %s: %v, %v; want a 0600 socket", path, st.Mode(), err)
	}
	if err := Health(path); err != nil {
		t.Fatalf("health through the moved socket: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the directory: %v", entries)
	}
}
