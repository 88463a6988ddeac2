package workbook

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"youthbot"
)

// checkResult checks what Read returned for any input: a Book or an
// *Error, never both, never a panic (a recovered one shows as
// "panic:" in a wb.damaged problem, allowed only when panicOK); problems
// sorted, at most MaxListed listed; a Book's rows within their bounds.
func checkResult(t *testing.T, b *Book, err error, panicOK bool) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Read: %v is not an *Error", err)
		}
		if b != nil {
			t.Fatal("a Book with the error")
		}
		if len(e.Problems) == 0 || len(e.Problems) > MaxListed || e.Total < len(e.Problems) {
			t.Fatalf("%d problems listed of %d", len(e.Problems), e.Total)
		}
		for i, p := range e.Problems {
			if !panicOK && p.Key == "wb.damaged" && strings.Contains(p.Text("en"), "panic:") {
				t.Fatalf("Read panicked: %s", p.Text("en"))
			}
			if strings.HasPrefix(p.Text("vi"), "wb.") || strings.HasPrefix(p.Text("en"), "wb.") {
				t.Fatalf("problem without a message: %s", p.Key)
			}
			if i > 0 && (p.order < e.Problems[i-1].order || p.order == e.Problems[i-1].order && p.Row < e.Problems[i-1].Row) {
				t.Fatalf("problems out of order: %v after %v", p, e.Problems[i-1])
			}
		}
		return
	}
	if b == nil {
		t.Fatal("neither a Book nor an error")
	}
	for _, u := range b.Units {
		if !validCode(u.Code, 16, "_") || !u.Kind.Valid() || u.Name == "" {
			t.Fatalf("unit %+v", u)
		}
	}
	for _, a := range b.Activities {
		if a.Done && (a.Date.IsZero() || a.Date.After(today)) {
			t.Fatalf("completed activity dated %v", a.Date)
		}
		h := a.Heads
		if h.Members < 0 || h.Youth < 0 || h.Students < 0 || h.Residents < 0 || h.Total() > MaxHeadCount || a.ValueVND < 0 || a.SupportVND < 0 || a.PersonDayTenths < 0 {
			t.Fatalf("activity figures %+v", a)
		}
	}
	for _, m := range b.Members {
		if m.Birth.After(today) || m.Joined.After(today) || youthbot.ValidateName(m.FullName) != nil {
			t.Fatalf("member %+v", m)
		}
	}
	for _, r := range b.Beneficiaries {
		if r.People < 0 || r.People > MaxPeople || r.ValueVND < 0 {
			t.Fatalf("beneficiaries %+v", r)
		}
	}
	for _, tg := range b.Targets {
		if tg.Value <= 0 || tg.Kind == TargetPerUnit && tg.UnitKind == "" || tg.Kind != TargetManual && tg.Metric == "" {
			t.Fatalf("target %+v", tg)
		}
	}
}

// FuzzRead builds a workbook with excelize from the fuzz input (one sheet
// of docs/IMPORT.md, its headings, a row of cells of every type: text,
// numbers, booleans, dates, empty) and reads it.
func FuzzRead(f *testing.F) {
	f.Add(uint8(2), "hd", 26000000.0, int64(45000), true, uint8(0))
	f.Add(uint8(0), "HG", 1.5, int64(-3), false, uint8(7))
	f.Add(uint8(4), "per_unit", 0.0, int64(2023), false, uint8(3))
	f.Add(uint8(1), "15/03/2000", 912345678.0, int64(36892), true, uint8(1))
	f.Add(uint8(3), "thieu_nhi", 1e300, int64(1<<62), true, uint8(255))
	f.Fuzz(func(t *testing.T, which uint8, s string, x float64, n int64, flag bool, shift uint8) {
		sh := sheets[int(which)%len(sheets)]
		head := make([]any, len(sh.columns))
		for i, c := range sh.columns {
			head[i] = c.name
		}
		if shift%5 == 4 { // a heading of the fuzzer's
			head[int(shift)%len(head)] = s
		}
		values := []any{s, x, n, flag, time.Unix(n%(1<<40), 0).UTC(), nil, dateCell(math.Mod(math.Abs(x), 80000))}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			values[1], values[6] = s, nil // excelize cannot store them
		}
		var rows [][]any
		rows = append(rows, head)
		for r := range 3 {
			row := make([]any, len(head))
			for i := range row {
				row[i] = values[(i+r+int(shift))%len(values)]
			}
			rows = append(rows, row)
		}
		rows = append(rows, fill(len(head), s))
		data := build(t, sheetRows{sh.name, rows})
		b, err := read(t, data, Options{})
		checkResult(t, b, err, false)
	})
}

func fill(n int, v any) []any {
	row := make([]any, n)
	for i := range row {
		row[i] = v
	}
	return row
}

// FuzzReadBytes reads arbitrary bytes as a workbook: refused cleanly or
// read, never a panic escaping Read.
func FuzzReadBytes(f *testing.F) {
	f.Add(build(f, sheetRows{"DonVi", [][]any{unitsHead, {"HG", "Tỉnh đoàn", nil, "tinh"}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Read(bytes.NewReader(data), int64(len(data)), today)
		checkResult(t, b, err, true)
	})
}

// FuzzParseCellDate: no input panics; a date accepted is a calendar day
// from 1900 that reads back from dd/mm/yyyy, and a serial number reads as
// the day excelize gives it.
func FuzzParseCellDate(f *testing.F) {
	for _, s := range []string{"15/03/2023", "45000", "45000.75", "2023-03-15", "2023-03-15T00:00:00Z", "31/02/2023", "60", "0", "2958466", "1e5", "-1", "29/02/1900"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		d, key := parseCellDate(s, date1904)
		if key != "" {
			if key != "wb.not_date" && key != "wb.no_such_date" {
				t.Fatalf("parseCellDate(%q): key %q", s, key)
			}
			return
		}
		if tm := d.Time(time.UTC); tm.Year() != d.Year || tm.Month() != d.Month || tm.Day() != d.Day || d.Year < 1900 {
			t.Fatalf("parseCellDate(%q) = %+v, not a calendar day from 1900", s, d)
		}
		if again, key := parseCellDate(d.String(), date1904); key != "" || again != d {
			t.Fatalf("parseCellDate(%q) = %v, but %q reads as %v (%s)", s, d, d.String(), again, key)
		}
	})
}
