package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/importer"
	"youthbot/storage"
	"youthbot/workbook"
	"youthbot/workbook/workbooktest"
)

// province is the database of the generated province workbook (Hậu
// Giang's 2023, workbooktest.Province), imported once per test process.
var province struct {
	once sync.Once
	dir  string
	path string
	sums *workbooktest.Sums
	err  error
}

// provinceDB returns the path of the imported province's database and the
// sums its workbook implies.
func provinceDB(tb testing.TB) (string, *workbooktest.Sums) {
	tb.Helper()
	province.once.Do(func() {
		data, sums, err := workbooktest.Province(1)
		if err != nil {
			province.err = err
			return
		}
		if province.dir, province.err = provinceTempDir(); province.err != nil {
			return
		}
		province.path, province.sums = filepath.Join(province.dir, "province.db"), sums
		db, err := storage.Open(province.path, storage.Options{})
		if err != nil {
			province.err = err
			return
		}
		defer db.Close()
		book, err := importer.Read(bytes.NewReader(data), int64(len(data)), workbooktest.Today)
		if err != nil {
			province.err = err
			return
		}
		province.err = db.Update(func(tx *storage.Tx) error {
			plan, err := importer.Build(tx, book, workbooktest.Today.Time(hcm).Add(10*time.Hour), hcm)
			if err != nil {
				return err
			}
			return plan.Apply(tx)
		})
	})
	if province.err != nil {
		tb.Fatal(province.err)
	}
	return province.path, province.sums
}

// TestYearReportOfTheProvince: the year's report of the imported province
// states its headline figures as Hậu Giang's 2023 report does, and ends
// with "đạt 12/12 chỉ tiêu (từ 100% đến 200%)".
func TestYearReportOfTheProvince(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the province workbook")
	}
	path, sums := provinceDB(t)
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	year := youthbot.YearPeriod(workbooktest.Year)
	tl := load(t, db, workbooktest.Root, year, PartText|PartTree|PartWorkbook)
	root := sums.Units[workbooktest.Root]
	text := tl.Text("vi")
	for _, want := range []string{
		"Lượt tham gia: " + Number("vi", root.Participations()),
		"Công trình thanh niên: 392 · phần việc thanh niên: 3.526",
		"Giá trị làm lợi: 26.148.500.000 đ",
		"thiếu nhi có hoàn cảnh khó khăn: 69.191 người, 15.512.300.000 đ",
		"Nhiệm vụ đột phá: hoàn thành " + Number("vi", root.BreakthroughsCompleted) + "/" + Number("vi", root.BreakthroughsRegistered),
		"(của Đoàn " + Number("vi", root.Models[workbook.FieldDoan]) + " · của Đội 7)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasSuffix(text, "\nđạt 12/12 chỉ tiêu (từ 100% đến 200%)\n") {
		t.Errorf("text does not end with the province's targets line:\n%s", text)
	}
	if en := tl.Text("en"); !strings.HasSuffix(en, "\n12/12 targets met (from 100% to 200%)\n") {
		t.Errorf("English text does not end with the targets line:\n%s", en)
	}

	// The workbook: 10 districts and the total in the appendix, the 12
	// targets, each level's units.
	data, err := tl.Workbook("vi")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Phụ lục số liệu", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rows[AppendixHeaderRow-1]); n != AppendixFirstCol+workbooktest.Districts {
		t.Errorf("appendix has %d columns, want %d (10 districts and the total)", n, AppendixFirstCol+workbooktest.Districts)
	}
	for sheet, want := range map[string]int{"Chỉ tiêu": 1 + workbooktest.TargetsTotal + otherTargets(sums), "Cấp huyện": 1 + workbooktest.Districts,
		"Cơ sở": 1 + workbooktest.Grassroots, "Chi đoàn": 1 + workbooktest.Branches} {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != want {
			t.Errorf("%s has %d rows, want %d", sheet, len(rows), want)
		}
	}
}

// otherTargets counts the targets of units below the root.
func otherTargets(sums *workbooktest.Sums) int {
	n := 0
	for u, ts := range sums.Targets {
		if u != workbooktest.Root {
			n += len(ts)
		}
	}
	return n
}

// BenchmarkYearReportOfTheProvince measures `youthbot report --year 2023`
// of the imported province workbook (451 units, 1,800 members, 392 works,
// 3,526 tasks, 1,500 activities) in each format, as the command builds it
// (target: under 1 s each).
//
//	go test ./report -run '^$' -bench YearReportOfTheProvince -benchtime 5x
func BenchmarkYearReportOfTheProvince(b *testing.B) {
	path, _ := provinceDB(b)
	benchYearReport(b, path, workbooktest.Root, youthbot.YearPeriod(workbooktest.Year))
}
