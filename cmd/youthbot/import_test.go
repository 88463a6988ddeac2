package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"youthbot/workbook/workbooktest"
)

// smallBook writes a workbook of one HoatDong row of unit unit.
func smallBook(t *testing.T, unit string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Hoạt động"); err != nil {
		t.Fatal(err)
	}
	for i, row := range [][]any{{"Mã", "Tên", "Loại", "Mã đơn vị", "Ngày"}, {"HD-X1", "Hiến máu", "hd", unit, "05/05/2023"}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Hoạt động", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return writeTemp(t, "small.xlsx", buf.String())
}

func TestImport(t *testing.T) {
	data, _, err := workbooktest.Province(3)
	if err != nil {
		t.Fatal(err)
	}
	book := writeTemp(t, "tinh.xlsx", string(data))
	db := filepath.Join(t.TempDir(), "y.db")
	env := map[string]string{"YOUTHBOT_DB": db}
	steps := []struct {
		name     string
		args     []string
		code     int
		out, err []string // in the output, in this order
	}{
		{"dry run on no database", []string{"import", book, "--dry-run"}, 0,
			[]string{"DonVi: tạo mới 451, cập nhật 0, không đổi 0", "MoHinh: tạo mới", "Chạy thử (--dry-run): chưa ghi gì"}, nil},
		{"import", []string{"import", book}, 0,
			[]string{"DoanVien: tạo mới 1800, cập nhật 0, không đổi 0", "Đã nhập tinh.xlsx:"}, nil},
		{"again, in English", []string{"import", "--lang", "en", book}, 0,
			[]string{"DonVi: 0 created, 0 updated, 451 unchanged", "DoanVien: 0 created, 0 updated, 1800 unchanged", "Read tinh.xlsx: nothing changed."}, nil},
		{"an unknown unit", []string{"import", smallBook(t, "XX")}, 1, nil,
			[]string{"youthbot: Không nhập small.xlsx:", "Hoạt động!2: ma_don_vi: không có đơn vị mã «XX»", "Tệp Excel có 1 lỗi; chưa nhập dữ liệu nào."}},
		{"dry run of a good row", []string{"import", "--dry-run", smallBook(t, "H01")}, 0,
			[]string{"Hoạt động: tạo mới 1, cập nhật 0, không đổi 0", "Chạy thử"}, nil},
		{"the dry run wrote nothing", []string{"import", "--dry-run", smallBook(t, "H01")}, 0,
			[]string{"Hoạt động: tạo mới 1,"}, nil},
		{"not a workbook", []string{"import", writeTemp(t, "x.xlsx", "hello"), "--lang=en"}, 1, nil,
			[]string{"Not imported x.xlsx:", "not an .xlsx workbook"}},
		{"no file", []string{"import", filepath.Join(t.TempDir(), "none.xlsx")}, 1, nil, []string{"youthbot: import", "nothing imported"}},
		{"no argument", []string{"import"}, 2, nil, []string{"import takes 1 argument(s)"}},
	}
	for i, s := range steps {
		code, out, errOut := runMain(t, env, s.args...)
		if code != s.code {
			t.Fatalf("%s: exit %d, want %d\nstdout: %s\nstderr: %s", s.name, code, s.code, out, errOut)
		}
		inOrder(t, s.name+" (stdout)", out, s.out)
		inOrder(t, s.name+" (stderr)", errOut, s.err)
		if i == 0 {
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Fatalf("a dry run left a database behind: %v", err)
			}
		}
	}
}

func inOrder(t *testing.T, what, got string, wants []string) {
	t.Helper()
	rest := got
	for _, w := range wants {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("%s: %q missing or out of order in:\n%s", what, w, got)
		}
		rest = rest[i+len(w):]
	}
}
