package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot/storage"
)

// TestConsoleDemoIsTodaysShape: the console's demo is Thành Đoàn Cần Thơ
// with its commune and ward unions directly under it, Hậu Giang's tree
// merged into it on 01/07/2025 as tree changes (history and Hậu Giang's
// 2024 report still tell it), and a second start on the same database
// seeds nothing again.
func TestConsoleDemoIsTodaysShape(t *testing.T) {
	path := filepath.Join(t.TempDir(), "console.db")
	loc, _ := time.LoadLocation(DefaultTZ)
	for range 2 {
		if _, err := seedConsole(path, 42, loc); err != nil {
			t.Fatal(err)
		}
	}
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *storage.Tx) error {
		if got, want := tx.ChildCodes("CT"), []string{"CT-CR", "CT-NK", "PH-TB", "VT-CDCD", "VT-P5"}; !slices.Equal(got, want) {
			t.Errorf("CT's children %v, want %v", got, want)
		}
		if got := tx.ChildCodes("TW"); !slices.Equal(got, []string{"CT"}) {
			t.Errorf("TW's children %v, want [CT]", got)
		}
		if _, gone := tx.UnitGone("HG"); !gone {
			t.Error("HG has not ceased")
		}
		return nil
	})
	db.Close()
	env := map[string]string{"YOUTHBOT_DB": path}
	code, out, errOut := runMain(t, env, "units", "history", "HG")
	if code != 0 || !strings.Contains(out, "01/07/2025") || !strings.Contains(out, "CT") {
		t.Errorf("units history HG: exit %d %q %q", code, out, errOut)
	}
	hg := reportJSON(t, env, "--year", "2024", "--unit", "HG")
	var kids []string
	for _, c := range hg["children"].([]any) {
		kids = append(kids, c.(map[string]any)["unit"].(string))
	}
	if !slices.Equal(kids, []string{"PH", "VT"}) && !slices.Equal(kids, []string{"VT", "PH"}) {
		t.Errorf("HG's 2024 report children %v, want its districts", kids)
	}
	ct := reportJSON(t, env, "--year", "2026", "--unit", "CT")
	if n := len(ct["children"].([]any)); n != 5 {
		t.Errorf("CT's 2026 report has %d children, want 5", n)
	}
}
