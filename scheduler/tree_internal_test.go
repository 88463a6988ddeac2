package scheduler

import (
	"log/slog"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// TestRefusedDueChangeIsWarned: a waiting dissolution that no longer
// holds on its date (a member joined since) is not applied and the
// scheduler says so at Warn, with the change's decision and reason.
func TestRefusedDueChangeIsWarned(t *testing.T) {
	db, err := storage.Open(t.TempDir()+"/y.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := youthbot.Date{Year: 2026, Month: 3, Day: 1}
	at := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	if err := db.Update(func(tx *storage.Tx) error {
		for _, u := range []youthbot.Unit{{Code: "HG", Name: "Tỉnh đoàn", Kind: youthbot.KindProvince}, {Code: "HG-A", Name: "Chi đoàn A", Parent: "HG", Kind: youthbot.KindBranch}} {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		ch := youthbot.UnitChange{Date: d, Kind: youthbot.ChangeDissolve, Unit: "HG-A", Decision: "45-QĐ/TĐTN"}
		if _, err := tx.ApplyUnitChanges([]youthbot.UnitChange{ch}, youthbot.Date{Year: 2026, Month: 1, Day: 15}, time.UTC); err != nil {
			return err
		}
		return tx.PutMember(youthbot.Member{UserID: 5, Unit: "HG-A", FullName: "Lê Văn Cường", Status: youthbot.StatusApproved, RegisteredAt: at, DecidedAt: at})
	}); err != nil {
		t.Fatal(err)
	}
	h := &levels{}
	s, err := New(Config{DB: db, Location: time.UTC, Log: slog.New(h)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.applyDueTreeChanges(time.Date(2026, 3, 1, 0, 5, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	warned := false
	for _, r := range h.got {
		attrs := map[string]string{}
		r.Attrs(func(a slog.Attr) bool { attrs[a.Key] = a.Value.String(); return true })
		if r.Level == slog.LevelWarn && attrs["decision"] == "45-QĐ/TĐTN" && attrs["reason"] == "tree.has_members" && attrs["unit"] == "HG-A" {
			warned = true
			if !strings.HasPrefix(attrs["why"], "unit HG-A still has members") {
				t.Errorf("reason in words %q", attrs["why"])
			}
		}
		for k, v := range attrs {
			if strings.Contains(r.Message+v, "Cường") {
				t.Errorf("%s names the member: %q", k, v)
			}
		}
	}
	if !warned {
		t.Errorf("no warning of the refused change in %d lines", len(h.got))
	}
	db.View(func(tx *storage.Tx) error {
		if _, gone := tx.UnitGone("HG-A"); len(tx.ChildCodes("HG")) != 1 {
			t.Errorf("the refused dissolution was applied (gone in history %v)", gone)
		}
		if _, gone := tx.UnitGone("HG-A"); gone {
			t.Error("the history tells the refused dissolution")
		}
		return nil
	})
}
