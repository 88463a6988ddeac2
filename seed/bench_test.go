package seed_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// Benchmarks of figures on seeded data of the README performance table's
// size: 500 units, 100,000 members, 1,000,000 activities. The data is
// generated once per test process into a temporary file (about 20 s) and
// shared by the benchmarks:
//
//	go test -run '^$' -bench Figures ./seed

var (
	benchLoc   = seed.Benchmark().Loc
	benchMonth = youthbot.MonthPeriod(2026, 2) // the last whole month: what the tally job computes

	seeded struct {
		once sync.Once
		dir  string
		db   *storage.DB
		err  error
	}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if seeded.db != nil {
		seeded.db.Close()
	}
	if seeded.dir != "" {
		os.RemoveAll(seeded.dir)
	}
	os.Exit(code)
}

// seededWorld returns the seeded database, generating it on first use.
func seededWorld(b *testing.B) *storage.DB {
	b.Helper()
	seeded.once.Do(func() {
		if seeded.dir, seeded.err = os.MkdirTemp("", "youthbot-bench-"); seeded.err != nil {
			return
		}
		path := filepath.Join(seeded.dir, "seed.db")
		took, err := seed.File(path, seed.Benchmark())
		if seeded.err = err; err != nil {
			return
		}
		o := seed.Benchmark()
		fmt.Fprintf(os.Stderr, "seed: generated %d units, %d members, %d activities in %v\n",
			o.Units, o.Members, o.Activities, took.Round(100*time.Millisecond))
		seeded.db, seeded.err = storage.Open(path, storage.Options{})
	})
	if seeded.err != nil {
		b.Fatal(seeded.err)
	}
	return seeded.db
}

// largestBranch is the branch with the most members: the worst case.
func largestBranch(b *testing.B, db *storage.DB) string {
	b.Helper()
	best, most := "", -1
	err := db.View(func(tx *storage.Tx) error {
		for _, u := range tx.Subtree(seed.RootCode) {
			if n := tx.CountMembers(u)[youthbot.StatusApproved]; n > most {
				best, most = u, n
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return best
}

func benchFigures(b *testing.B, unit string) {
	db := seededWorld(b)
	if unit == "" {
		unit = largestBranch(b, db)
	}
	var f *youthbot.Figures
	b.ResetTimer()
	for b.Loop() {
		err := db.View(func(tx *storage.Tx) (err error) {
			f, err = tx.Figures(unit, benchMonth, benchLoc)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if f.Participations == 0 || f.MembersTotal == 0 {
		b.Fatalf("%s %s: empty figures %+v", unit, benchMonth, *f)
	}
	b.ReportMetric(float64(f.Participations), "participations")
}

// BenchmarkFiguresBranchMonth: one branch (the largest) for one month.
// Target: under 5 ms.
func BenchmarkFiguresBranchMonth(b *testing.B) { benchFigures(b, "") }

// BenchmarkFiguresProvinceMonth: the whole province for one month, with
// one row per district and every target's progress year to date. Target:
// under 1 s.
func BenchmarkFiguresProvinceMonth(b *testing.B) { benchFigures(b, seed.RootCode) }

// BenchmarkFiguresProvinceYear: the whole province for a whole year (the
// year-end report). No target; for the README table.
func BenchmarkFiguresProvinceYear(b *testing.B) {
	db := seededWorld(b)
	for b.Loop() {
		err := db.View(func(tx *storage.Tx) error {
			_, err := tx.Figures(seed.RootCode, youthbot.YearPeriod(2025), benchLoc)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
