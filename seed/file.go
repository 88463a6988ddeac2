package seed

import (
	"fmt"
	"os"
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
