package importer

import (
	"crypto/sha256"
	"os"
	"strings"
	"testing"

	"youthbot/storage"

	"youthbot/workbook/workbooktest"
)

// province is the generated province workbook, made once per test binary.
var provinceData []byte

func province(t testing.TB) ([]byte, *workbooktest.Sums) {
	t.Helper()
	data, sums, err := workbooktest.Province(1)
	if err != nil {
		t.Fatal(err)
	}
	provinceData = data
	return data, sums
}

func TestProvince(t *testing.T) {
	data, sums := province(t)
	db := openDB(t)
	p, bad := run(t, db, data, false)
	if bad != "" {
		t.Fatal(bad)
	}
	t.Log(summary(p))
	checkFigures(t, db, sums)
	p, bad = run(t, db, data, false)
	if bad != "" {
		t.Fatal(bad)
	}
	if p.Changes() != 0 {
		t.Fatalf("a second import changed %d rows: %s", p.Changes(), summary(p))
	}
}

// fileSum is a digest of the database file: a refused import leaves it
// byte for byte as it was.
func fileSum(t *testing.T, db *storage.DB) [32]byte {
	t.Helper()
	data, err := os.ReadFile(db.Path())
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestProvinceBadRowsChangeNothing(t *testing.T) {
	data, _ := province(t)
	db := openDB(t)
	if _, bad := run(t, db, data, false); bad != "" {
		t.Fatal(bad)
	}
	before := fileSum(t, db)
	bad := xlsx(t, map[string][][]any{
		"DonVi": {unitHead, {"H11", "Huyện đoàn 11", "HG", "huyen"}, {"H12", "Huyện đoàn 12", "H99", "huyen"}},
		"DoanVien": {{"ho_ten", "ngay_sinh", "ma_chi_doan"},
			{"Trần Văn Bình", "02/09/2000", "H01C1B1"}, {"Lê Thị Hoa", "03/10/2001", "H01C1"}},
		"HoatDong": {{"ma", "ten", "loai", "ma_don_vi", "ngay", "gia_tri_lam_loi"},
			{"HD2023-3919", "Hoạt động đổi giá trị", "hd", "H01", "05/05/2023", "1.000.000"},
			{"HD2023-NEW", "Hoạt động của đơn vị lạ", "hd", "XX", "05/05/2023", nil},
			{"CT2023-0001", "Công trình thành hoạt động", "hd", "H01", "05/05/2023", nil}},
		"HuongLoi": {{"ma_hoat_dong", "doi_tuong", "so_nguoi"}, {"HD2023-3919", "thieu_nhi", 5}, {"NOPE", "thieu_nhi", 5}},
		"ChiTieu": {{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri"},
			{2023, "ZZ", "CT01", "Chỉ tiêu", "metric", "works", nil, 10},
			{2023, "H01", "CT02", "Mỗi huyện", "per_unit", "works", "huyen", 1}},
		"MoHinh": {{"nam", "ma_don_vi", "ten"}, {2023, "ZZ", "Mô hình"}},
	})
	_, got := run(t, db, bad, false)
	for _, want := range []string{
		"DonVi!3: ma_cap_tren: no unit has code «H99»",
		"DoanVien!3: ma_chi_doan: unit H01C1 is not a branch",
		"HoatDong!3: ma_don_vi: no unit has code «XX»",
		"HoatDong!4: loai: «CT2023-0001» was imported as ct/pv: it cannot become hd",
		"HuongLoi!3: ma_hoat_dong: no activity has ma «NOPE»",
		"ChiTieu!2: ma_don_vi: no unit has code «ZZ»",
		"ChiTieu!3: cap_don_vi: kind district is not below unit H01",
		"MoHinh!2: ma_don_vi: no unit has code «ZZ»",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 8 {
		t.Errorf("%d problems, want 8:\n%s", n, got)
	}
	if fileSum(t, db) != before {
		t.Fatal("a refused workbook changed the database")
	}
}
