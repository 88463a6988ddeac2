package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	bolt "go.etcd.io/bbolt"

	"youthbot/storage"
)

// book writes a workbook of the sheets given (first row: the header).
func book(t *testing.T, name string, sheets map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	first := true
	for sheet, rows := range sheets {
		if first {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				t.Fatal(err)
			}
			first = false
		} else if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, name, buf.String())
}

// province is a small province's 2023 workbook: a district, two
// communes, three branches with members and activities in each unit.
func province(p string, seed int) map[string][][]any {
	units := [][]any{{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap"},
		{p, "Tỉnh đoàn " + p, "TW", "tinh"}, {p + "_D", "Huyện đoàn " + p, p, "huyen"},
		{p + "_X1", "Đoàn xã 1 " + p, p + "_D", "co_so"}, {p + "_X2", "Đoàn xã 2 " + p, p + "_D", "co_so"},
		{p + "_B1", "Chi đoàn 1", p + "_X1", "chi_doan"}, {p + "_B2", "Chi đoàn 2", p + "_X1", "chi_doan"},
		{p + "_B3", "Chi đoàn 3", p + "_X2", "chi_doan"}}
	members := [][]any{{"ho_ten", "ngay_sinh", "ma_chi_doan", "ngay_vao_doan"}}
	for i := range 6 + seed {
		members = append(members, []any{"Nguyễn " + p + " " + []string{"An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Khánh", "Lan"}[i], fmt.Sprintf("%02d/03/2001", i+1),
			fmt.Sprintf("%s_B%d", p, i%3+1), fmt.Sprintf("%02d/%02d/2023", i%27+1, i%12+1)})
	}
	acts := [][]any{{"ma", "ten", "loai", "ma_don_vi", "ngay", "gia_tri_lam_loi", "luot_doan_vien", "luot_thanh_nien", "ngay_cong"}}
	for i, u := range []string{p, p + "_D", p + "_X1", p + "_X2", p + "_B1", p + "_B2", p + "_B3"} {
		acts = append(acts, []any{fmt.Sprintf("%s-HD%d", p, i), "Tình nguyện", "hd", u, fmt.Sprintf("%02d/%02d/2023", i+3, i+2), nil, 10*i + seed, i + 1, 2 * i})
		acts = append(acts, []any{fmt.Sprintf("%s-CT%d", p, i), "Công trình", "ct", u, fmt.Sprintf("%02d/11/2023", i+3), 1_000_000 * (i + seed + 1), nil, nil, nil})
	}
	targets := [][]any{{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri"},
		{2023, p, "CT01", "Lượt tham gia", "metric", "participations", nil, 50},
		{2023, p, "CT02", "Mỗi xã một công trình", "per_unit", "works", "co_so", 1}}
	return map[string][][]any{"DonVi": units, "DoanVien": members, "HoatDong": acts, "ChiTieu": targets}
}

func reportJSON(t *testing.T, env map[string]string, args ...string) map[string]any {
	t.Helper()
	code, out, errOut := runMain(t, env, append([]string{"report", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("report %v: exit %d: %s", args, code, errOut)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatalf("report %v: %v", args, err)
	}
	return obj
}

// sameKeys reports the keys of want that got lacks or holds otherwise,
// and got's keys beyond want's other than allowed.
func sameKeys(t *testing.T, what string, got, want map[string]any, allowed ...string) {
	t.Helper()
	for k, w := range want {
		if k == "children" {
			continue // each child is its own report, compared on its own
		}
		if g, ok := got[k]; !ok || !reflect.DeepEqual(g, w) {
			t.Errorf("%s: %s = %v, want %v", what, k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok && !strings.Contains(strings.Join(allowed, ","), k) {
			t.Errorf("%s: key %s added", what, k)
		}
	}
}

// dataHash hashes every bucket's keys and values (the file itself changes
// with every transaction's id).
func dataHash(t *testing.T, path string) [32]byte {
	t.Helper()
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h := sha256.New()
	err = db.View(func(tx *storage.Tx) error {
		return tx.Bolt().ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				fmt.Fprintf(h, "%q %q %q\n", name, k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

// TestMergerKeepsThePast imports two provinces' 2023 workbooks, merges one
// into the other in 2025 with the district level removed, and checks
// every old unit's 2023 report is the same key by key, the city's own 2023
// report too, its --tree current report the sum of both, its 2026 tree
// the communes directly under it, its history the merger, and that a bad
// change workbook and a second import change nothing.
func TestMergerKeepsThePast(t *testing.T) {
	db := filepath.Join(t.TempDir(), "y.db")
	env := map[string]string{"YOUTHBOT_DB": db}
	root := map[string][][]any{"DonVi": {{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap"}, {"TW", "Trung ương", nil, "tinh"}}}
	for _, b := range []map[string][][]any{root, province("HG", 0), province("CT", 3)} {
		if code, _, errOut := runMain(t, env, "import", book(t, "p.xlsx", b)); code != 0 {
			t.Fatalf("import: %s", errOut)
		}
	}
	var codes []string
	for _, p := range []string{"HG", "CT"} {
		for _, s := range []string{"", "_D", "_X1", "_X2", "_B1", "_B2", "_B3"} {
			codes = append(codes, p+s)
		}
	}
	before := map[string]map[string]any{}
	for _, c := range codes {
		before[c] = reportJSON(t, env, "--year", "2023", "--unit", c)
	}
	head := []any{"ngay_hieu_luc", "loai", "ma_don_vi", "ma_dich", "ten_moi", "cap", "so_quyet_dinh"}
	changes := map[string][][]any{"ThayDoiDonVi": {head,
		{"01/07/2025", "sap_nhap", "HG", "CT", nil, nil, "368-QĐ/TĐTN-TCKT"},
		{"01/07/2025", "sap_nhap", "HG_D", "CT", nil, nil, "368-QĐ/TĐTN-TCKT"},
		{"01/07/2025", "sap_nhap", "CT_D", "CT", nil, nil, "368-QĐ/TĐTN-TCKT"},
		{"01/07/2025", "doi_ten", "CT", "CTM", "Thành Đoàn Cần Thơ", nil, "369-QĐ/TĐTN-TCKT"},
	}}
	bad := map[string][][]any{"ThayDoiDonVi": {head,
		{"01/08/2025", "chuyen", "HG_X1", "HG_X2"},
		{"01/08/2025", "giai_the", "HG_X2", nil},
		{"01/08/2025", "chuyen", "HG_B1", "HG_B2"},
	}}
	sum := dataHash(t, db)
	code, _, errOut := runMain(t, env, "units", "change", "--lang", "en", book(t, "bad.xlsx", bad))
	if code != 1 || !strings.Contains(errOut, "ThayDoiDonVi!3: unit HG_X2 still has 2 child unit(s)") ||
		!strings.Contains(errOut, "ThayDoiDonVi!4: unit HG_B2 is a branch") {
		t.Fatalf("bad changes: exit %d\n%s", code, errOut)
	}
	if dataHash(t, db) != sum {
		t.Fatal("a refused change workbook changed the database")
	}
	file := book(t, "merger.xlsx", changes)
	if code, out, errOut := runMain(t, env, "units", "change", file); code != 0 || !strings.Contains(out, "ThayDoiDonVi: tạo mới 4") {
		t.Fatalf("merger: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runMain(t, env, "units", "change", "--lang", "en", file); code != 0 || !strings.Contains(out, "nothing changed") {
		t.Fatalf("the merger again: exit %d\n%s%s", code, out, errOut)
	}

	for _, c := range codes {
		after := reportJSON(t, env, "--year", "2023", "--unit", c)
		allowed := []string{}
		if c == "HG" || c == "HG_D" || c == "CT_D" {
			allowed = append(allowed, "dissolved")
			if after["dissolved"] != "2025-07-01" {
				t.Errorf("%s: dissolved %v", c, after["dissolved"])
			}
		}
		sameKeys(t, c+" 2023", after, before[c], allowed...)
		if got, want := len(after["children"].([]any)), len(before[c]["children"].([]any)); got != want {
			t.Errorf("%s 2023: %d children, want %d", c, got, want)
		}
	}
	// The city with today's tree: its 2023 facts and Hậu Giang's together.
	cur := reportJSON(t, env, "--year", "2023", "--unit", "CTM", "--tree", "current")
	if cur["tree"] != "current" {
		t.Errorf("tree %v", cur["tree"])
	}
	for _, k := range []string{"members_total", "participations", "value_vnd", "activities_held", "works_completed", "person_days"} {
		want := before["HG"][k].(float64) + before["CT"][k].(float64)
		if cur[k] != want {
			t.Errorf("CTM 2023 --tree current %s = %v, want %v", k, cur[k], want)
		}
	}
	// 2026 activities, one named by the city's new code.
	acts2026 := map[string][][]any{"HoatDong": {{"ma", "ten", "loai", "ma_don_vi", "ngay", "luot_thanh_nien"},
		{"TP-HD1", "Tình nguyện", "hd", "CTM", "05/03/2026", 40}, {"TP-HD2", "Tình nguyện", "hd", "HG_X1", "06/03/2026", 7}}}
	if code, _, errOut := runMain(t, env, "import", book(t, "2026.xlsx", acts2026)); code != 0 {
		t.Fatalf("2026 import: %s", errOut)
	}
	// 2026: the communes directly under the city, with its new name and code.
	now := reportJSON(t, env, "--year", "2026", "--unit", "CT")
	if now["participations"] != 47.0 || now["activities_held"] != 2.0 {
		t.Errorf("2026: participations %v, activities %v, want 47 and 2", now["participations"], now["activities_held"])
	}
	if now["name"] != "Thành Đoàn Cần Thơ" || now["unit"] != "CTM" {
		t.Errorf("2026: %v %v", now["unit"], now["name"])
	}
	var kids []string
	for _, c := range now["children"].([]any) {
		kids = append(kids, c.(map[string]any)["unit"].(string))
	}
	if strings.Join(kids, ",") != "CT_X1,CT_X2,HG_X1,HG_X2" {
		t.Errorf("2026 children %v", kids)
	}
	if x1 := now["children"].([]any)[2].(map[string]any); x1["participations"] != 7.0 {
		t.Errorf("2026 HG_X1: %v participations, want 7", x1["participations"])
	}
	code, out, _ := runMain(t, env, "units", "history", "--lang", "en", "ctm")
	for _, want := range []string{"History of unit CT", "HG merged into CT", "01/07/2025", "decision 368-QĐ/TĐTN-TCKT", "CT renamed «Thành Đoàn Cần Thơ (CTM)»"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	// A second import of the old workbooks (DonVi as it stood before) changes nothing.
	for _, p := range []string{"HG", "CT"} {
		if code, out, errOut := runMain(t, env, "import", "--lang", "en", book(t, "p.xlsx", province(p, map[string]int{"HG": 0, "CT": 3}[p]))); code != 0 || !strings.Contains(out, "nothing changed") {
			t.Errorf("re-import %s: exit %d\n%s%s", p, code, out, errOut)
		}
	}
}
