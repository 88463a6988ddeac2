package main

import (
	"os"
	"strings"
	"testing"
)

// TestOperationsListsEverySetting: docs/OPERATIONS.md's settings table has
// one row per setting, with its variable, its flag and its default, and no
// row for a setting the code does not have.
func TestOperationsListsEverySetting(t *testing.T) {
	doc, err := os.ReadFile("../../docs/OPERATIONS.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := make(map[string][]string) // variable -> cells
	for line := range strings.Lines(string(doc)) {
		if !strings.HasPrefix(line, "| `YOUTHBOT_") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows[strings.Trim(cells[0], "`")] = cells
	}
	for _, s := range settings {
		cells, ok := rows[s.env]
		if !ok {
			t.Errorf("%s: no row in the settings table of docs/OPERATIONS.md", s.env)
			continue
		}
		delete(rows, s.env)
		if len(cells) != 4 {
			t.Errorf("%s: got %d cells, want 4 (variable, flag, default, meaning)", s.env, len(cells))
			continue
		}
		if got, want := cells[1], "`--"+s.flag+"`"; got != want {
			t.Errorf("%s: got flag %s, want %s", s.env, got, want)
		}
		switch def := cells[2]; {
		case s.def == "" && !strings.HasPrefix(def, "none") && !strings.HasPrefix(def, "empty"):
			t.Errorf("%s: got default %s, want none or empty (it has no default)", s.env, def)
		case s.def != "" && !strings.HasPrefix(def, "`"+s.def+"`"):
			t.Errorf("%s: got default %s, want `%s`", s.env, def, s.def)
		}
	}
	for env := range rows {
		t.Errorf("%s: in docs/OPERATIONS.md's settings table, but no such setting", env)
	}
}
