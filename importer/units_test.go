package importer

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

func TestUnits(t *testing.T) {
	db := openDB(t)
	base := [][]any{unitHead, {"HG", "Tỉnh đoàn", "", "tinh"}, {"H1", "Huyện 1", "HG", "huyen"}, {"B1", "Chi đoàn 1", "H1", "chi_doan"}}
	p, bad := run(t, db, xlsx(t, map[string][][]any{"DonVi": base}), false)
	if bad != "" {
		t.Fatal(bad)
	}
	if got, want := summary(p), "DonVi: 3 created, 0 updated, 0 unchanged"; got != want {
		t.Fatalf("first import: %q, want %q", got, want)
	}
	if err := db.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: 7, Unit: "B1", FullName: "Lê An", Status: youthbot.StatusApproved})
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		rows  [][]any
		want  string // the summary, or the problems
		fails bool
	}{
		{"again", base, "DonVi: 0 created, 0 updated, 3 unchanged", false},
		{"rename and add", [][]any{unitHead, {"H1", "Huyện Một", "HG", "huyen"}, {"B2", "Chi đoàn 2", "H1", "chi_doan"}},
			"DonVi: 1 created, 1 updated, 0 unchanged", false},
		{"unknown parent", [][]any{unitHead, {"B3", "Chi đoàn 3", "H9", "chi_doan"}},
			"DonVi!2: ma_cap_tren: no unit has code «H9», neither in sheet DonVi nor in the database", true},
		{"parent a stored branch", [][]any{unitHead, {"B3", "Chi đoàn 3", "B1", "chi_doan"}},
			"DonVi!2: ma_cap_tren: parent B1 is a branch: a branch has no child units", true},
		{"second root", [][]any{unitHead, {"X", "Tỉnh khác", "", "tinh"}},
			"DonVi!2: ma_cap_tren: a unit without a parent, but HG is a root too: there can be only one root unit", true},
		{"branch with stored children", [][]any{unitHead, {"H1", "Huyện 1", "HG", "chi_doan"}},
			"DonVi!2: cap: a branch has no child units, and in the database this unit has B1", true},
		{"branch with members", [][]any{unitHead, {"B1", "Chi đoàn 1", "H1", "co_so"}},
			"DonVi!2: cap: branch B1 has members, so its kind cannot change (move its members to another branch first)", true},
		{"cycle through the database", [][]any{unitHead, {"HG", "Tỉnh đoàn", "H1", "tinh"}},
			"DonVi!2: ma_cap_tren: units HG → H1 → HG form a cycle of parents", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := units(t, db)
			p, bad := run(t, db, xlsx(t, map[string][][]any{"Đơn vị": tt.rows}), tt.fails)
			got := bad
			if p != nil {
				got = strings.ReplaceAll(summary(p), "Đơn vị", "DonVi")
			}
			got = strings.ReplaceAll(got, "Đơn vị", "DonVi")
			if !strings.Contains(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			if tt.fails && units(t, db) != before {
				t.Fatal("a refused workbook changed the units")
			}
		})
	}
}

// units lists the stored units, one per line.
func units(t *testing.T, db *storage.DB) string {
	t.Helper()
	var b strings.Builder
	if err := db.View(func(tx *storage.Tx) error {
		us, err := tx.Units()
		for _, u := range us {
			b.WriteString(u.Code + " " + u.Name + " " + u.Parent + " " + string(u.Kind) + "\n")
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
