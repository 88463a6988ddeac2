package storage_test

import (
	"os"
	"syscall"
	"testing"
	"time"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// TestMain removes the benchmark seed the benchmarks shared, once they all
// ran (BenchmarkFigures removed it itself, which made BenchmarkFiguresHistory
// after it fail to find the file).
func TestMain(m *testing.M) {
	code := m.Run()
	seed.RemoveShared()
	os.Exit(code)
}

// BenchmarkFigures measures the figures function alone on the benchmark
// seed (seed.SharedFile; $YOUTHBOT_BENCH_DB keeps it): the province's
// month, its year, and the year's whole tree. Besides wall time it reports
// the process's CPU time per operation (cpu-ns/op), which other processes
// on a shared machine disturb far less.
//
//	go test ./storage -run '^$' -bench Figures -benchtime 5x
func BenchmarkFigures(b *testing.B) {
	path, err := seed.SharedFile()
	if err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	cases := []struct {
		name string
		fn   func(tx *storage.Tx) (*youthbot.Figures, error)
	}{
		{"Month", func(tx *storage.Tx) (*youthbot.Figures, error) {
			return tx.Figures(seed.RootCode, youthbot.MonthPeriod(2026, time.February), loc)
		}},
		{"Year", func(tx *storage.Tx) (*youthbot.Figures, error) {
			return tx.Figures(seed.RootCode, youthbot.YearPeriod(2025), loc)
		}},
		{"TreeYear", func(tx *storage.Tx) (*youthbot.Figures, error) {
			return tx.FiguresTree(seed.RootCode, youthbot.YearPeriod(2025), loc)
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				if err := db.View(func(tx *storage.Tx) error { _, err := c.fn(tx); return err }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
