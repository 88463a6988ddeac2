package seed

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"youthbot/storage"
)

// Benchmark is the data of README's performance table: 500 units, 100,000
// members and 1,000,000 activities over the 12 months ending 10 March 2026
// 09:00 in Asia/Ho_Chi_Minh, seed 1. Benchmarks of several packages share
// it (through File), so they measure the same data.
func Benchmark() Options {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		panic(err) // the binary and tests embed time/tzdata
	}
	return Options{Units: 500, Members: 100_000, Activities: 1_000_000,
		Now: time.Date(2026, 3, 10, 9, 0, 0, 0, loc), Loc: loc, Seed: 1}
}

// File makes sure path holds a database seeded with opts: it generates one
// (without fsync: throw-away data) unless the file exists already, so that a
// benchmark can reuse the data of an earlier run. It reports how long the
// generation took, 0 when the file was there.
func File(path string, opts Options) (time.Duration, error) {
	if _, err := os.Stat(path); err == nil {
		return 0, nil
	}
	db, err := storage.Open(path, storage.Options{NoSync: true})
	if err != nil {
		return 0, err
	}
	start := time.Now()
	err = Generate(db, opts)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return 0, fmt.Errorf("seed %s: %w", path, err)
	}
	return time.Since(start), nil
}

// shared is the Benchmark database of this process (SharedFile).
var shared struct {
	once sync.Once
	path string
	tmp  string // a directory to remove (RemoveShared), when path is not $YOUTHBOT_BENCH_DB
	err  error
}

// SharedFile returns the path of a database seeded with Benchmark(),
// generated once per process: into $YOUTHBOT_BENCH_DB when it is set (and
// kept there for later runs, some 10 s saved each), else into a temporary
// directory that RemoveShared removes (call it from TestMain).
func SharedFile() (string, error) {
	shared.once.Do(func() {
		shared.path = os.Getenv("YOUTHBOT_BENCH_DB")
		if shared.path == "" {
			if shared.tmp, shared.err = os.MkdirTemp("", "youthbot-bench-"); shared.err != nil {
				return
			}
			shared.path = filepath.Join(shared.tmp, "seed.db")
		}
		took, err := File(shared.path, Benchmark())
		if shared.err = err; took > 0 {
			fmt.Fprintf(os.Stderr, "seeded %s in %v\n", shared.path, took.Round(100*time.Millisecond))
		}
	})
	return shared.path, shared.err
}

// SharedCopy copies SharedFile's database into dir and returns the copy's
// path: for benchmarks that write to it.
func SharedCopy(dir string) (string, error) {
	src, err := SharedFile()
	if err != nil {
		return "", err
	}
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	dst := filepath.Join(dir, "y.db")
	out, err := os.Create(dst)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return "", fmt.Errorf("copy %s: %w", src, err)
	}
	return dst, out.Close()
}

// RemoveShared removes SharedFile's temporary directory, if it made one.
func RemoveShared() {
	if shared.tmp != "" {
		os.RemoveAll(shared.tmp)
	}
}
