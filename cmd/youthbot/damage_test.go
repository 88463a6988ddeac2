package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage"
)

// damagedDB writes reportDB's database with 2,000 more members (the
// members bucket then has pages of its own, a branch over leaves) and
// overwrites one page of that bucket with zeros: its root page when root,
// else its last leaf (a page Open's quick check does not read).
func damagedDB(t *testing.T, root bool) string {
	t.Helper()
	path := reportDB(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *storage.Tx) error {
		for id := int64(100); id < 2100; id++ {
			m := youthbot.Member{UserID: id, Unit: "VT-CDCD-CNTT", FullName: fmt.Sprintf("Đoàn viên %d", id), Status: youthbot.StatusApproved,
				RegisteredAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
			if err := tx.PutMember(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var page uint64
	err = db.Bolt().View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("members"))
		if b == nil || b.Root() == 0 {
			return fmt.Errorf("no members bucket with pages of its own")
		}
		page = uint64(b.Root())
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const pageSize = 4096
	buf := make([]byte, pageSize)
	if _, err := f.ReadAt(buf, int64(page)*pageSize); err != nil {
		t.Fatal(err)
	}
	if !root {
		if flags := binary.LittleEndian.Uint16(buf[8:]); flags != 0x01 {
			t.Fatalf("the members root page has flags %#x, want a branch", flags)
		}
		count := int(binary.LittleEndian.Uint16(buf[10:]))
		page = binary.LittleEndian.Uint64(buf[16+(count-1)*16+8:])
	}
	if _, err := f.WriteAt(make([]byte, pageSize), int64(page)*pageSize); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDamagedFileGivesOneLineNamingRestore: a damaged page makes each
// command that reads the file exit non-zero with one line that names
// youthbot restore, never bbolt's assertion with a panic's stack trace.
// A bucket's root page is found when the file is opened; a leaf (which
// Open does not read), by the check of the copy (storage's
// TestDamagedLeafIsAnErrorWhenRead: by any transaction reading it).
func TestDamagedFileGivesOneLineNamingRestore(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t, t.TempDir())
	cases := []struct {
		name string
		root bool
		args []string
	}{
		{"run/root", true, []string{"run"}},
		{"report/root", true, []string{"report", "--month", "2024-03"}},
		{"backup/root", true, []string{"backup", "OUT"}},
		{"backup/leaf", false, []string{"backup", "OUT"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := damagedDB(t, tc.root)
			args := append([]string(nil), tc.args...)
			for i, a := range args {
				if a == "OUT" {
					args[i] = filepath.Join(t.TempDir(), "copy.db")
				}
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = childEnv(map[string]string{
				"YOUTHBOT_DB": path, "YOUTHBOT_TOKEN": "123:abc", "YOUTHBOT_API_ENDPOINT": "http://127.0.0.1:1/bot%s/%s",
			})
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			done := make(chan error, 1)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			go func() { done <- cmd.Wait() }()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running after 20 s; stderr:\n%s", stderr.String())
			}
			out := strings.TrimRight(stderr.String(), "\n")
			if err == nil {
				t.Errorf("exit status 0; stderr %q", out)
			}
			if strings.Contains(out, "\n") || strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
				t.Errorf("stderr is not one line without a panic:\n%s", out)
			}
			if !strings.Contains(out, "youthbot restore") || !strings.Contains(out, "damaged") {
				t.Errorf("stderr does not say the file is damaged and name youthbot restore: %q", out)
			}
		})
	}
}

// TestRestoreReplacesADamagedFile: the command the damage message names
// works on the damaged file (which cannot be opened to take its lock).
func TestRestoreReplacesADamagedFile(t *testing.T) {
	path := damagedDB(t, true)
	good := reportDB(t)
	env := func(k string) string {
		if k == "YOUTHBOT_DB" {
			return path
		}
		return ""
	}
	var stdout, stderr bytes.Buffer
	if code := Main(context.Background(), []string{"restore", good}, strings.NewReader(""), &stdout, &stderr, env); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr.String())
	}
	if err := storage.Verify(path); err != nil {
		t.Errorf("after restore: %v", err)
	}
}
