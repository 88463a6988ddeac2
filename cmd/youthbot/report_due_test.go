package main

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage"
)

// TestReportSeesChangesDueButNotApplied: a merger whose day has come but
// that the bot's daily run has not applied yet is in the report's
// --tree current (the merged branch is no longer a child of its old
// parent; its figures roll into the successor once), one whose day is to
// come is not (the branch is still there, counted once), and the database
// is left as it was, the change still waiting for the bot.
func TestReportSeesChangesDueButNotApplied(t *testing.T) {
	tests := []struct {
		name string
		in   int // days from today to the merger's
		kids []string
	}{
		{"due", -1, []string{"VT-CDCD-KT"}},
		{"to come", 5, []string{"VT-CDCD-CNTT", "VT-CDCD-KT"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { reportAroundAMerger(t, tc.in, tc.kids) })
	}
}

func reportAroundAMerger(t *testing.T, in int, wantKids []string) {
	path := reportDB(t)
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation(DefaultTZ)
	today := youthbot.DateOf(time.Now(), loc)
	err = db.Update(func(tx *storage.Tx) error {
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Row: 2, Date: today.AddDays(in), Kind: youthbot.ChangeMerge,
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
	if !slices.Equal(kids, wantKids) {
		t.Errorf("children of VT-CDCD today: %v, want %v", kids, wantKids)
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
		if n := tx.DueChanges(today.AddDays(in)); n != 1 {
			t.Errorf("waiting changes after the report: %d, want 1", n)
		}
		return nil
	})
}
