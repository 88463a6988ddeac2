package workbook

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/vn"
	"youthbot/vnread"
)

// cell reads the cells of one row of a sheet by canonical column name,
// each accessor adding a problem for a bad value.
type cell struct {
	rd    *reader
	s     *sheet
	name  string // the sheet's name in the file
	row   int
	cells []string
	cols  map[string]int
}

// fail adds a problem at column col of the row.
func (c *cell) fail(col, key string, args ...any) {
	c.rd.ps.add(Problem{Sheet: c.name, Row: c.row, Column: col, Key: key, Args: args, order: c.s.order})
}

// raw returns the cell of col trimmed, "" when the column is absent.
func (c *cell) raw(col string) string {
	i, ok := c.cols[col]
	if !ok || i >= len(c.cells) {
		return ""
	}
	return strings.TrimSpace(c.cells[i])
}

// present reports whether col has a value, adding a problem when it has
// none and required is set.
func (c *cell) present(col string, required bool) bool {
	if c.raw(col) != "" {
		return true
	}
	if required {
		c.fail(col, "wb.required")
	}
	return false
}

// text returns col as text (NFC, spaces collapsed) of at most maxLen
// characters without control characters.
func (c *cell) text(col string, required bool, maxLen int) string {
	if !c.present(col, required) {
		return ""
	}
	s := vn.NormalizeName(strings.ToValidUTF8(c.raw(col), "\uFFFD"))
	switch n := utf8.RuneCountInString(s); {
	case n > maxLen:
		c.fail(col, "wb.text_long", n, maxLen)
	case strings.ContainsFunc(s, unicode.IsControl):
		c.fail(col, "wb.text_chars")
	}
	return s
}

// unitCode returns col as a unit code, upper-cased, [A-Z0-9_]{1,16}.
func (c *cell) unitCode(col string, required bool) string {
	if !c.present(col, required) {
		return ""
	}
	code := youthbot.NormalizeUnitCode(c.raw(col))
	if !validCode(code, 16, "_") {
		c.fail(col, "wb.unit_code", clip(c.raw(col)))
	}
	return code
}

// keyCode returns col as the code of a row (HoatDong's ma, ChiTieu's ma),
// upper-cased: 1-32 letters A-Z, digits and _ - . /.
func (c *cell) keyCode(col string, required bool) string {
	if !c.present(col, required) {
		return ""
	}
	code := youthbot.NormalizeUnitCode(c.raw(col))
	if !validCode(code, 32, "_-./") {
		c.fail(col, "wb.key_code", clip(c.raw(col)))
	}
	return code
}

func validCode(code string, maxLen int, marks string) bool {
	if code == "" || len(code) > maxLen {
		return false
	}
	for i := 0; i < len(code); i++ {
		b := code[i]
		if !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte(marks, b) >= 0) {
			return false
		}
	}
	return true
}

// enum returns the canonical word of col's value among words (folded
// spellings to canonical words); "" when absent or unknown.
func (c *cell) enum(col string, required bool, words map[string]string, shown string) string {
	if !c.present(col, required) {
		return ""
	}
	w, ok := words[fold(c.raw(col))]
	if !ok {
		c.fail(col, "wb.enum", clip(c.raw(col)), shown)
	}
	return w
}

// date returns col as a date: an Excel date cell (a serial number), or
// text dd/mm/yyyy or yyyy-mm-dd. A date after today is refused unless
// future is set.
func (c *cell) date(col string, required, future bool) (youthbot.Date, bool) {
	if !c.present(col, required) {
		return youthbot.Date{}, false
	}
	s := c.raw(col)
	d, key := parseCellDate(s, c.rd.date1904)
	if key != "" {
		c.fail(col, key, clip(s))
		return youthbot.Date{}, false
	}
	if !future && d.After(c.rd.today) {
		c.fail(col, "wb.future", d.String(), c.rd.today.String())
		return d, false
	}
	return d, true
}

// maxSerial is Excel's last date, 9999-12-31; dates are read from 1900 to
// 2200, as vnread.ParseDate reads them.
const maxSerial = 2958465

// parseCellDate reads a date cell's raw value: a serial number (its
// fraction, the time of day, dropped), yyyy-mm-dd (also with a time, as a
// cell of type d holds it) or dd/mm/yyyy. The key names what is wrong.
func parseCellDate(s string, date1904 bool) (youthbot.Date, string) {
	if f, err := strconv.ParseFloat(s, 64); err == nil && strings.Trim(s, "0123456789.") == "" {
		if f < 1 || f > maxSerial {
			return youthbot.Date{}, "wb.not_date"
		}
		t, err := excelize.ExcelDateToTime(math.Floor(f), date1904)
		if err != nil || t.Year() < 1900 || t.Year() > 2200 {
			return youthbot.Date{}, "wb.not_date"
		}
		return youthbot.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, ""
	}
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		t, err := time.Parse("2006-01-02", s[:10])
		if err != nil || t.Year() < 1900 || t.Year() > 2200 {
			return youthbot.Date{}, "wb.no_such_date"
		}
		return youthbot.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, ""
	}
	d, err := vnread.ParseDate(s)
	if err != nil {
		if e := (*youthbot.Error)(nil); errors.As(err, &e) && e.Key == "err.date_impossible" {
			return youthbot.Date{}, "wb.no_such_date"
		}
		return youthbot.Date{}, "wb.not_date"
	}
	return d, ""
}

// numKind says how a number column reads its cells.
type numKind int

const (
	numCount  numKind = iota // a whole number: 12.5 is refused
	numVND                   // whole đồng: a fraction is rounded; 26 tỷ and 5tr are read too
	numTenths                // tenths: 15,5 is 155
)

// number returns col as a number (times 10 for numTenths), 0 when absent,
// refusing negative values and values over maxValue (in whole units).
func (c *cell) number(col string, required bool, kind numKind, maxValue int64) int64 {
	if !c.present(col, required) {
		return 0
	}
	s := c.raw(col)
	v, ok := c.parseNumber(col, s, kind)
	switch {
	case !ok:
		key := "wb.not_whole"
		if kind == numTenths {
			key = "wb.not_number"
		}
		c.fail(col, key, clip(s))
	case v < 0:
		c.fail(col, "wb.negative", clip(s))
	case v > maxValue*scaleOf(kind):
		c.fail(col, "wb.too_big", clip(s), thousands(maxValue))
	default:
		return v
	}
	return 0
}

func scaleOf(kind numKind) int64 {
	if kind == numTenths {
		return 10
	}
	return 1
}

// parseNumber reads a number cell's raw value. A numeric cell's raw value
// is what Excel writes (123, 15.5, 1.2E+10); a text cell's is what the
// office typed (26.000.000, 15,5). They can be told apart by their form,
// except for one '.' followed by three digits not ending in 0 (1.234):
// then the cell's type decides.
func (c *cell) parseNumber(col, s string, kind numKind) (int64, bool) {
	scale := 0
	if kind == numTenths {
		scale = 1
	}
	if machineNumber(s) && !typedDecimals(s) && !(ambiguousNumber(s) && c.isText(col)) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return 0, false
		}
		f *= float64(scaleOf(kind))
		r := math.Round(f)
		if kind == numCount && math.Abs(f-r) > 1e-9*math.Max(1, math.Abs(f)) {
			return 0, false
		}
		if math.Abs(r) > 9e17 {
			return 0, false
		}
		return int64(r), true
	}
	v, err := vnread.ParseDecimal(s, scale)
	if err != nil && kind == numVND {
		if w, err := vnread.ParseVND(s); err == nil {
			return w, true
		}
		return 0, false
	}
	return v, err == nil
}

// machineNumber reports whether s has the form of a numeric cell's raw
// value: an optional '-', digits, an optional '.' and digits, an optional
// exponent.
func machineNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == j {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == j {
			return false
		}
	}
	return i == len(s)
}

// typedDecimals reports whether s, of the form of a number, cannot be a
// numeric cell's raw value: its decimals end with 0, which Excel never
// writes (it writes the shortest form). So 100.000 was typed: 100000.
func typedDecimals(s string) bool {
	return strings.IndexByte(s, '.') >= 0 && !strings.ContainsAny(s, "eE") && s[len(s)-1] == '0'
}

// ambiguousNumber reports whether s reads differently as a numeric cell
// and as typed text: one '.' followed by exactly three digits, after digits
// that are not all zeros (1.234 is 1.234 in a numeric cell, 1234 typed).
func ambiguousNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	i := strings.IndexByte(s, '.')
	return i > 0 && strings.Count(s, ".") == 1 && len(s)-i-1 == 3 &&
		strings.Trim(s, "0123456789.") == "" && strings.Trim(s[:i], "0") != ""
}

// isText reports whether the row's cell of col holds text (a shared or
// inline string, or a formula's text), asking excelize for the one cell.
func (c *cell) isText(col string) bool {
	name, err := excelize.CoordinatesToCellName(c.cols[col]+1, c.row)
	if err != nil {
		return false
	}
	t, err := c.rd.f.GetCellType(c.name, name)
	return err == nil && (t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString || t == excelize.CellTypeFormula)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// thousands writes n grouped the Vietnamese way: 100.000.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
