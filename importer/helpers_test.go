package importer

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/storage"
	"youthbot/workbook"
)

var (
	loc   = time.FixedZone("ICT", 7*3600)
	today = youthbot.Date{Year: 2025, Month: time.January, Day: 15}
	now   = today.Time(loc).Add(10 * time.Hour)
)

func openDB(t *testing.T) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "y.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// xlsx builds a workbook: each sheet's rows, row 1 its headings.
func xlsx(t *testing.T, sheets map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for name, rows := range sheets {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func read(t *testing.T, data []byte) *workbook.Book {
	t.Helper()
	b, err := Read(bytes.NewReader(data), int64(len(data)), today)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return b
}

// run builds the plan of data against db and applies it (and rolls it
// back when dry); it
// returns the plan, or the problems' text (English) of a refused workbook.
func run(t *testing.T, db *storage.DB, data []byte, dry bool) (*Plan, string) {
	t.Helper()
	return runDry(t, db, data, dry, now)
}

// runAt imports data as of at.
func runAt(t *testing.T, db *storage.DB, data []byte, at time.Time) (*Plan, string) {
	t.Helper()
	return runDry(t, db, data, false, at)
}

func runDry(t *testing.T, db *storage.DB, data []byte, dry bool, now time.Time) (*Plan, string) {
	t.Helper()
	book := read(t, data)
	var plan *Plan
	errDry := errors.New("dry")
	err := db.Update(func(tx *storage.Tx) (err error) {
		if plan, err = Build(tx, book, now, loc); err != nil {
			return err
		}
		if err := plan.Apply(tx); err != nil || !dry {
			return err
		}
		return errDry
	})
	var we *workbook.Error
	switch {
	case errors.As(err, &we):
		return nil, we.Text("en")
	case err != nil && !errors.Is(err, errDry):
		t.Fatal(err)
	}
	return plan, ""
}

// summary is the plan's summary in English, one line.
func summary(p *Plan) string {
	if p == nil {
		return ""
	}
	return strings.Join(p.Summary("en"), "; ")
}

var unitHead = []any{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap"}
