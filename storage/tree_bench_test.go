package storage_test

import (
	"os"
	"testing"
	"time"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// BenchmarkFiguresHistory measures the figures on a copy of the benchmark
// seed ($YOUTHBOT_TREE_BENCH_DB, changed; else a copy of seed.SharedFile) without history,
// then after half of the province's districts merged into the others on
// 01/01/2026: the month's tally (after the merger) and the year's whole
// tree (2025, before it, read through the dated index).
//
//	cp "$(seeded db)" /tmp/x.db; YOUTHBOT_TREE_BENCH_DB=/tmp/x.db go test ./storage -run '^$' -bench FiguresHistory -benchtime 5x
func BenchmarkFiguresHistory(b *testing.B) {
	path := os.Getenv("YOUTHBOT_TREE_BENCH_DB") // a copy of the seed it may change
	if path == "" {
		var err error
		if path, err = seed.SharedCopy(b.TempDir()); err != nil {
			b.Fatal(err)
		}
	}
	db, err := storage.Open(path, storage.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	run := func(name string) {
		for _, c := range []struct {
			name string
			fn   func(tx *storage.Tx) (*youthbot.Figures, error)
		}{
			{"Month", func(tx *storage.Tx) (*youthbot.Figures, error) {
				return tx.Figures(seed.RootCode, youthbot.MonthPeriod(2026, time.February), loc)
			}},
			{"TreeYear", func(tx *storage.Tx) (*youthbot.Figures, error) {
				return tx.FiguresTree(seed.RootCode, youthbot.YearPeriod(2025), loc)
			}},
		} {
			b.Run(name+"/"+c.name, func(b *testing.B) {
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
	run("Plain")
	err = db.Update(func(tx *storage.Tx) error {
		n, err := seed.MergeDistricts(tx, youthbot.Date{Year: 2026, Month: 1, Day: 1}, youthbot.Date{Year: 2026, Month: 3, Day: 10}, loc)
		b.Logf("merged %d districts", n)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	run("Merged")
}
