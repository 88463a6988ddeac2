package storage

import (
	"path/filepath"
	"testing"
	"time"

	"youthbot"
)

func TestSummariesByKindUnitAndChat(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "y.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	db.View(func(tx *Tx) error { // nothing written yet: no bucket, no summary
		if _, found, err := tx.Summary("act", "B1", 501); found || err != nil {
			t.Errorf("a summary in a new file: %v %v", found, err)
		}
		return nil
	})
	err = db.Update(func(tx *Tx) error {
		for _, s := range []Summary{
			{Chat: 501, Kind: "act", Unit: "B1", Since: t0, Count: 3, Open: true},
			{Chat: 502, Kind: "act", Unit: "B1", Since: t0, Count: 1},
			{Chat: 501, Kind: "act", Unit: "B10", Since: t0, Count: 2}, // a unit code extending another
			{Chat: 501, Kind: "reg", Unit: "B1", Since: t0, Count: 5},
		} {
			if err := tx.PutSummary(s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		s, found, err := tx.Summary("act", "B1", 501)
		if err != nil || !found || s.Count != 3 || !s.Open || !s.Since.Equal(t0) || s.Chat != 501 {
			t.Errorf("Summary(act, B1, 501) = %+v, %v, %v", s, found, err)
		}
		got, err := tx.SummariesOf("act", "B1")
		if err != nil || len(got) != 2 || got[0].Chat != 501 || got[1].Chat != 502 {
			t.Errorf("SummariesOf(act, B1) = %+v, %v", got, err)
		}
		return nil
	})
	db.Update(func(tx *Tx) error { return tx.DropSummaries(501) })
	db.View(func(tx *Tx) error {
		if got, _ := tx.SummariesOf("act", "B1"); len(got) != 1 || got[0].Chat != 502 {
			t.Errorf("after dropping chat 501: %+v", got)
		}
		if _, found, _ := tx.Summary("reg", "B1", 501); found {
			t.Error("chat 501's registration summary was kept")
		}
		return nil
	})
}

func TestEnqueueReplacesTheQueuedMessageOfACoalescedName(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "y.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	msg := func(text, name string) *youthbot.Outgoing {
		return &youthbot.Outgoing{Chat: 501, Method: "sendMessage", Params: map[string]string{"text": text}, Coalesce: name}
	}
	for _, m := range []*youthbot.Outgoing{msg("a1", "sum/a"), msg("b1", "sum/b"), msg("plain", ""), msg("a2", "sum/a")} {
		if err := db.Update(func(tx *Tx) error { _, err := tx.Enqueue(m); return err }); err != nil {
			t.Fatal(err)
		}
	}
	texts := func() []string {
		var out []string
		db.View(func(tx *Tx) error {
			all, _ := tx.Outbox()
			for _, o := range all {
				out = append(out, o.Params["text"])
			}
			return nil
		})
		return out
	}
	if got := texts(); len(got) != 3 || got[0] != "b1" || got[1] != "plain" || got[2] != "a2" {
		t.Fatalf("outbox: %q, want a1 replaced by a2", got)
	}
	// Delivered (deleted from the outbox): its name is pruned, and the next
	// one of the name replaces nothing.
	db.Update(func(tx *Tx) error {
		all, _ := tx.Outbox()
		return tx.DeleteOutgoing(all[2].Seq)
	})
	var pruned int
	db.Update(func(tx *Tx) error { pruned, err = tx.PruneCoalesced(10); return err })
	if pruned != 1 {
		t.Errorf("pruned %d names, want 1", pruned)
	}
	db.Update(func(tx *Tx) error { _, err := tx.Enqueue(msg("a3", "sum/a")); return err })
	if got := texts(); len(got) != 3 || got[2] != "a3" {
		t.Errorf("outbox: %q", got)
	}
}
