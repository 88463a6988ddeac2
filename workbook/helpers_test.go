package workbook

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"youthbot"
)

var today = youthbot.Date{Year: 2026, Month: 12, Day: 1}

// sheetRows is a sheet to build: its name and rows (row 1 first), each
// cell any value excelize takes (string, int, float64, time.Time, bool,
// nil for an empty cell).
type sheetRows struct {
	name string
	rows [][]any
}

// build writes a workbook of the sheets; its default sheet is removed
// unless one of them is named Sheet1.
func build(tb testing.TB, sheets ...sheetRows) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range sheets {
		if s.name != "Sheet1" {
			if _, err := f.NewSheet(s.name); err != nil {
				tb.Fatalf("new sheet %q: %v", s.name, err)
			}
		}
		for i, row := range s.rows {
			for j, v := range row {
				if v == nil {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := f.SetCellValue(s.name, name, v); err != nil {
					tb.Fatalf("set %s!%s: %v", s.name, name, err)
				}
				if _, ok := v.(dateCell); ok {
					f.SetCellStyle(s.name, name, name, dateStyle)
				}
			}
		}
	}
	if !slices.ContainsFunc(sheets, func(s sheetRows) bool { return s.name == "Sheet1" }) {
		f.DeleteSheet("Sheet1")
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// dateCell is an Excel date serial written as a number with a date format.
type dateCell = float64

// read reads a built workbook with opts.
func read(tb testing.TB, data []byte, opts Options) (*Book, error) {
	tb.Helper()
	return opts.Read(bytes.NewReader(data), int64(len(data)), today)
}

// mustRead reads a workbook that must have no problem.
func mustRead(tb testing.TB, sheets ...sheetRows) *Book {
	tb.Helper()
	b, err := read(tb, build(tb, sheets...), Options{})
	if err != nil {
		tb.Fatalf("Read: %v", err)
	}
	return b
}

// problemsOf returns the problems of a refused workbook as English lines.
func problemsOf(tb testing.TB, err error) []string {
	tb.Helper()
	var e *Error
	if !errors.As(err, &e) {
		tb.Fatalf("Read: %v, want an *Error", err)
	}
	if youthbot.ErrorCode(err) != youthbot.EINVALID {
		tb.Fatalf("ErrorCode = %s, want %s", youthbot.ErrorCode(err), youthbot.EINVALID)
	}
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.Text("en")
	}
	return out
}

// wantProblems checks that a workbook is refused with exactly these
// problems, each given as a prefix of its English line.
func wantProblems(tb testing.TB, err error, want ...string) {
	tb.Helper()
	got := problemsOf(tb, err)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = strings.HasPrefix(got[i], want[i])
	}
	if !ok {
		tb.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
