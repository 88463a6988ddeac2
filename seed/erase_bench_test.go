package seed_test

import (
	"path/filepath"
	"testing"
	"time"

	"youthbot"
	"youthbot/seed"
	"youthbot/storage"
)

// BenchmarkEraseSeeded measures /forgetme's storage work on the seeded
// province (500 units, 100,000 members, 1,000,000 activities), on a
// compacted copy so the shared data stays as it is: one erasure per
// iteration (in its own write transaction, what holds up other updates),
// then the wipe of the freed pages and a backup's compaction, reported as
// metrics.
//
//	go test -run '^$' -bench EraseSeeded -benchtime 20x ./seed
func BenchmarkEraseSeeded(b *testing.B) {
	src := seededWorld(b)
	path := filepath.Join(b.TempDir(), "copy.db")
	start := time.Now()
	if err := src.CompactTo(path); err != nil {
		b.Fatal(err)
	}
	compact := time.Since(start)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var ids []int64
	db.View(func(tx *storage.Tx) error {
		for _, u := range tx.Subtree(seed.RootCode) {
			ms, _ := tx.MembersOf(u, youthbot.StatusApproved)
			for _, m := range ms {
				ids = append(ids, m.UserID)
			}
			if len(ids) > 10000 {
				break
			}
		}
		return nil
	})
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	i := 0
	b.ResetTimer()
	for b.Loop() {
		id := ids[i%len(ids)]
		i++
		if err := db.Update(func(tx *storage.Tx) error { _, err := tx.Erase(id, now, "-"); return err }); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	start = time.Now()
	pages, err := db.WipeFreePages()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(time.Since(start).Seconds()*1000, "wipe-ms")
	b.ReportMetric(float64(pages), "wiped-pages")
	b.ReportMetric(compact.Seconds()*1000, "compact-ms")
}
