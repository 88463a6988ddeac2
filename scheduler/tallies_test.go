package scheduler

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// TestTallyCacheDropsWhatPredatesAnErasure: a tally built before a member
// was erased (its workbook names them) is not reused for a file sent after.
func TestTallyCacheDropsWhatPredatesAnErasure(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	const id = int64(880123457)
	if err := db.Update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: id, FirstSeen: now}) }); err != nil {
		t.Fatal(err)
	}
	builds := 0
	tallies := NewTallies(db, func(ctx context.Context, db *storage.DB, unit string, p youthbot.Period, lang string) (*TallyContent, error) {
		builds++
		return &TallyContent{Texts: []string{"x"}, Workbook: []byte("book")}, nil
	})
	r := &youthbot.Render{Kind: youthbot.RenderTallyWorkbook, Unit: "HG", Period: "2026-02", Lang: "vi"}
	for range 2 {
		if _, err := tallies.Render(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
	if builds != 1 {
		t.Fatalf("%d builds for two files of one tally, want 1 (the cache)", builds)
	}
	if err := db.Update(func(tx *storage.Tx) error { _, err := tx.Erase(id, now, "-"); return err }); err != nil {
		t.Fatal(err)
	}
	if _, err := tallies.Render(t.Context(), r); err != nil {
		t.Fatal(err)
	}
	if builds != 2 {
		t.Errorf("%d builds: the file after the erasure came from a tally built before it", builds)
	}
	year := &youthbot.Render{Kind: youthbot.RenderTallyWorkbook, Unit: "HG", Period: "2026", Lang: "vi"}
	if _, err := tallies.Render(t.Context(), year); err != nil {
		t.Errorf("a year's workbook (/tally 2026): %v", err)
	}
}
