package storage

import (
	"fmt"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
)

// TestImportActivitiesIndexesLikeAddActivity: a bulk import leaves the
// same records and indexes as adding the activities one by one.
func TestImportActivitiesIndexesLikeAddActivity(t *testing.T) {
	var acts []youthbot.Activity
	units := []string{"VT-A", "VT-B", "PH-C"}
	statuses := []youthbot.ActivityStatus{youthbot.ActivityConfirmed, youthbot.ActivityPending, youthbot.ActivityRejected, youthbot.ActivityUndone}
	for i := range 500 {
		acts = append(acts, youthbot.Activity{Member: int64(1000 + i*7%37), Unit: units[i*5%3], Date: youthbot.Date{Year: 2026, Month: time.Month(1 + i%12), Day: 1 + i%28},
			Tenths: i % 90, Description: fmt.Sprint("việc ", i), Status: statuses[i*3%4], Source: youthbot.SourceLog})
	}
	one, bulk := withTree(t), withTree(t)
	update(t, one, func(tx *Tx) error {
		a := youthbot.Activity{Member: 1, Unit: "VT-A", Date: youthbot.Date{Year: 2026, Month: 1, Day: 1}, Status: youthbot.ActivityPending, Description: "trước"}
		if err := tx.AddActivity(&a); err != nil {
			return err
		}
		for i := range acts {
			a := acts[i]
			if err := tx.AddActivity(&a); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, bulk, func(tx *Tx) error {
		a := youthbot.Activity{Member: 1, Unit: "VT-A", Date: youthbot.Date{Year: 2026, Month: 1, Day: 1}, Status: youthbot.ActivityPending, Description: "trước"}
		if err := tx.AddActivity(&a); err != nil {
			return err
		}
		return tx.ImportActivities(append([]youthbot.Activity(nil), acts...))
	})
	if a, b := dumpBuckets(t, one), dumpBuckets(t, bulk); a != b {
		t.Errorf("bulk import differs from one by one:\n%s\n---\n%s", a[:min(len(a), 2000)], b[:min(len(b), 2000)])
	}
	update(t, bulk, func(tx *Tx) error {
		if err := tx.ImportActivities([]youthbot.Activity{{Status: "bogus"}}); err == nil {
			t.Error("an unknown status was imported")
		}
		return nil
	})
}

func dumpBuckets(t *testing.T, db *DB) string {
	t.Helper()
	var sb strings.Builder
	err := db.Bolt().View(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{kv.Activities, kv.ActIndex, kv.MemberActs, kv.PendingActs} {
			b := tx.Bucket(name)
			fmt.Fprintf(&sb, "%s seq %d\n", name, b.Sequence())
			b.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&sb, "%s %x %s\n", name, k, v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sb.String()
}
