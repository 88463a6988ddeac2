// Package unitcsv reads a units CSV file (code,name,parent,kind) into the
// rows youthbot.PlanUnitImport checks against the tree and
// storage.Tx.ImportUnits writes, all or nothing.
package unitcsv

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"youthbot"
)

// Columns are the columns of a units CSV file, named by its header row in
// any order.
var Columns = []string{"code", "name", "parent", "kind"}

// problems collects the problems of a file.
type problems []youthbot.ImportProblem

func (ps *problems) add(line int, format string, args ...any) {
	*ps = append(*ps, youthbot.ImportProblem{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil without problems, else a *youthbot.ImportError with them
// sorted by line.
func (ps problems) err() error { return youthbot.NewImportError(ps) }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse reads a units CSV file: a header row naming the columns code,
// name, parent and kind in any order, then one unit per row. It accepts a
// UTF-8 byte order mark, Windows line endings and blank rows; rows are
// normalised with youthbot.NormalizeUnit (codes upper-case, names in NFC with
// spaces collapsed).
// It checks the file on its own (fields, duplicate codes, self-parents);
// youthbot.PlanUnitImport checks the rows against the tree.
//
// It reads the whole file and returns either every row or, when anything is
// wrong, no rows and a *youthbot.ImportError with every problem and its line.
func Parse(r io.Reader) ([]youthbot.UnitRow, error) {
	br := bufio.NewReader(r)
	if bom, _ := br.Peek(len(utf8BOM)); bytes.Equal(bom, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // counted here, to report and go on

	var ps problems
	cols, headerLine, ok := readUnitsHeader(cr, &ps)
	if !ok {
		return nil, ps.err()
	}

	var rows []youthbot.UnitRow
	seen := make(map[string]int) // code -> line
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !addParseError(&ps, err) {
				break // not a CSV syntax error: reading failed
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		row, ok := parseUnitRecord(rec, cols, line, &ps)
		if !ok {
			continue
		}
		if first, dup := seen[row.Code]; dup {
			ps.add(line, "code %s is used twice: also on line %d", row.Code, first)
			continue
		}
		seen[row.Code] = line
		rows = append(rows, row)
	}
	if len(rows) == 0 && len(ps) == 0 {
		ps.add(headerLine+1, "no units: the file has a header row but no unit rows")
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	return rows, nil
}

// readUnitsHeader reads the header row and returns the index of each column
// in Columns' order and the header's line. It reports false when the
// header is unusable.
func readUnitsHeader(cr *csv.Reader, ps *problems) (cols []int, line int, ok bool) {
	want := strings.Join(Columns, ",")
	var header []string
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			ps.add(1, "the file is empty: the first line must be the header %s", want)
			return nil, 0, false
		}
		if err != nil {
			addParseError(ps, err)
			return nil, 0, false
		}
		if !blankRecord(rec) {
			header = rec
			break
		}
	}
	line, _ = cr.FieldPos(0)

	cols = make([]int, len(Columns))
	for j := range cols {
		cols[j] = -1
	}
	var unknown []string
	known := 0
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		j := slices.Index(Columns, name)
		switch {
		case j < 0:
			unknown = append(unknown, fmt.Sprintf("%q", clip(h)))
		case cols[j] >= 0:
			ps.add(line, "column %q appears twice in the header", name)
		default:
			cols[j] = i
			known++
		}
	}
	if known == 0 {
		ps.add(line, "missing header: the first line must name the columns %s (in any order), got %s", want, clip(strings.Join(header, ",")))
		return nil, 0, false
	}
	if len(unknown) > 0 {
		ps.add(line, "unknown column %s in the header: the columns are %s", strings.Join(unknown, ", "), want)
	}
	for j, c := range cols {
		if c < 0 {
			ps.add(line, "column %q is missing from the header: the columns are %s", Columns[j], want)
		}
	}
	return cols, line, len(*ps) == 0
}

// parseUnitRecord turns one record into a row, adding a problem for each bad
// field.
func parseUnitRecord(rec []string, cols []int, line int, ps *problems) (youthbot.UnitRow, bool) {
	if len(rec) != len(Columns) {
		ps.add(line, "%d fields, want %d (%s)", len(rec), len(Columns), strings.Join(Columns, ","))
		return youthbot.UnitRow{}, false
	}
	for _, f := range rec {
		if !utf8.ValidString(f) {
			ps.add(line, "not valid UTF-8 text: save the file as CSV UTF-8")
			return youthbot.UnitRow{}, false
		}
	}
	u := youthbot.NormalizeUnit(youthbot.Unit{Code: rec[cols[0]], Name: rec[cols[1]], Parent: rec[cols[2]], Kind: youthbot.UnitKind(rec[cols[3]])})
	row := youthbot.UnitRow{Unit: u, Line: line}
	if bad := youthbot.CheckUnitRow(row); len(bad) > 0 {
		*ps = append(*ps, bad...)
		return youthbot.UnitRow{}, false
	}
	return row, true
}

// addParseError records a CSV syntax error and reports whether err was one.
func addParseError(ps *problems, err error) bool {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		ps.add(0, "reading the file: %v", err)
		return false
	}
	msg := pe.Err.Error()
	if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
		msg = "broken quotes (" + msg + "): a field with a quote, comma or line break must be enclosed in double quotes, and a quote inside written twice"
	}
	line := pe.Line
	if pe.StartLine != 0 && pe.StartLine != pe.Line {
		msg += fmt.Sprintf(" (the row runs on to line %d)", pe.Line)
		line = pe.StartLine
	}
	ps.add(line, "%s", msg)
	return true
}

// blankRecord reports whether every field of rec is blank, as in an empty
// spreadsheet row exported as ",,,".
func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// clip shortens s for a message so that a huge field does not flood it.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}
