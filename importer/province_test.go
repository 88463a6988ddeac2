package importer

import (
	"testing"

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
	data, _ := province(t)
	db := openDB(t)
	p, bad := run(t, db, data, false)
	if bad != "" {
		t.Fatal(bad)
	}
	t.Log(summary(p))
	p, bad = run(t, db, data, false)
	if bad != "" {
		t.Fatal(bad)
	}
	if p.Changes() != 0 {
		t.Fatalf("a second import changed %d rows: %s", p.Changes(), summary(p))
	}
}
