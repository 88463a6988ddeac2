package importer

import (
	"strings"
	"testing"

	"youthbot/storage"
)

// TestChangesFoundAUnitOtherSheetsName imports a workbook whose changes
// found a branch and merge another into it, with members in the new
// branch; a second import of it changes nothing.
func TestChangesFoundAUnitOtherSheetsName(t *testing.T) {
	db := openDB(t)
	sheets := map[string][][]any{
		"DonVi": tree,
		"DoanVien": {memberHead,
			{"Nguyễn Văn An", "02/09/2000", "B3", nil, nil, nil},
			{"Trần Thị Bình", "03/09/2000", "B1", nil, nil, nil}},
		"ThayDoiDonVi": {{"ngay_hieu_luc", "loai", "ma_don_vi", "ma_dich", "ten_moi", "cap", "so_quyet_dinh"},
			{"01/01/2024", "thanh_lap", "B3", "C1", "Chi đoàn 3", "chi_doan", "1-QĐ"},
			{"01/02/2024", "sap_nhap", "B1", "B3", nil, nil, "2-QĐ"}},
	}
	plan, bad := run(t, db, xlsx(t, sheets), false)
	if bad != "" {
		t.Fatal(bad)
	}
	if got := summary(plan); !strings.Contains(got, "ThayDoiDonVi: 2 created") {
		t.Errorf("summary %s", got)
	}
	err := db.View(func(tx *storage.Tx) error {
		if kids := strings.Join(tx.ChildCodes("C1"), ","); kids != "B2,B3" {
			t.Errorf("C1's children %s", kids)
		}
		members, err := tx.MembersOf("B3")
		if err != nil || len(members) != 2 {
			t.Errorf("B3 has %d members (%v), want 2", len(members), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	plan, bad = run(t, db, xlsx(t, sheets), false)
	if bad != "" || plan.Changes() != 0 {
		t.Fatalf("second import: %s %s", bad, summary(plan))
	}
}
