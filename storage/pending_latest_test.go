package storage

import (
	"path/filepath"
	"testing"
	"time"

	"youthbot"
)

// TestPendingActivitiesLatest: the count leaves out the viewer's own and
// the decided ones, the latest are newest first and never the viewer's.
func TestPendingActivitiesLatest(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "y.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var ids []uint64
	err = db.Update(func(tx *Tx) error {
		for i, who := range []int64{7, 8, 900, 7, 8, 900, 7} { // 900 is the viewer
			status := youthbot.ActivityPending
			if i == 1 {
				status = youthbot.ActivityConfirmed
			}
			a := youthbot.Activity{Member: who, Unit: "VT-A", Date: youthbot.Date{Year: 2026, Month: 3, Day: 1 + i}, Tenths: 10,
				Description: "x", Status: status, CreatedAt: t0}
			if err := tx.AddActivity(&a); err != nil {
				return err
			}
			ids = append(ids, a.ID)
		}
		other := youthbot.Activity{Member: 7, Unit: "VT-B", Date: youthbot.Date{Year: 2026, Month: 3, Day: 2}, Status: youthbot.ActivityPending, CreatedAt: t0}
		return tx.AddActivity(&other)
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		n, latest, err := tx.PendingActivitiesLatest("VT-A", 2, 900)
		if err != nil || n != 4 || len(latest) != 2 || latest[0].ID != ids[6] || latest[1].ID != ids[4] {
			t.Errorf("got %d, %+v, %v; want 4 waiting, the latest %d and %d", n, latest, err, ids[6], ids[4])
		}
		all, _ := tx.PendingActivities("VT-A")
		own := 0
		for _, a := range all {
			if a.Member == 900 {
				own++
			}
		}
		if n != len(all)-own {
			t.Errorf("count %d, the full listing says %d", n, len(all)-own)
		}
		return nil
	})
}
