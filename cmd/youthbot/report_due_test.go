package main

import (
	"encoding/json"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// TestReportSeesChangesDueButNotApplied: a merger whose day has come but
// that the bot's daily run has not applied yet is in the report's
// --tree current (the merged branch is no longer a child of its old
// parent; its figures roll into the successor once), and the database is
// left as it was, the change still waiting for the bot.
func TestReportSeesChangesDueButNotApplied(t *testing.T) {
	path := reportDB(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation(DefaultTZ)
	today := youthbot.DateOf(time.Now(), loc)
	err = db.Update(func(tx *storage.Tx) error {
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Row: 2, Date: today.AddDays(-1), Kind: youthbot.ChangeMerge,
			Unit: "VT-CDCD-CNTT", Target: "VT-CDCD-KT"}}, today.AddDays(-3), loc)
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	env := map[string]string{"YOUTHBOT_DB": path}
	got := reportJSON(t, env, "--month", "2024-03", "--unit", "VT-CDCD", "--tree", "current")
	var kids []string
	for _, c := range got["children"].([]any) {
		kids = append(kids, c.(map[string]any)["unit"].(string))
	}
	if len(kids) != 1 || kids[0] != "VT-CDCD-KT" {
		t.Errorf("children of VT-CDCD today: %v, want [VT-CDCD-KT]", kids)
	}
	period := reportJSON(t, env, "--month", "2024-03", "--unit", "VT-CDCD")
	for _, key := range []string{"members", "participations"} {
		a, _ := json.Marshal(got[key])
		b, _ := json.Marshal(period[key])
		if string(a) != string(b) {
			t.Errorf("%s: current %s, period %s (counted twice or lost)", key, a, b)
		}
	}
	if fileHash(t, path) != before {
		t.Error("report wrote the database")
	}
	db, err = storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *storage.Tx) error {
		if n := tx.DueChanges(today); n != 1 {
			t.Errorf("waiting changes after the report: %d, want 1", n)
		}
		return nil
	})
}
