package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/vn"
)

// Limits of a workbook. A province's year is well under a megabyte; the
// limits refuse a mistaken or hostile file before it costs memory.
const (
	// MaxSize is the largest file read: a bigger one is refused before
	// anything of it is read.
	MaxSize = 20 << 20
	// MaxUnzippedSize bounds the sizes the zip's entries declare, all
	// together (archive/zip refuses an entry that inflates to more than it
	// declares, so a zip bomb stops here).
	MaxUnzippedSize = 256 << 20
	// MaxOtherParts bounds the entries other than worksheets and the shared
	// strings (styles, images, …), which excelize holds in memory.
	MaxOtherParts = 32 << 20
	// MaxInMemoryXML is the size of a worksheet or shared strings part
	// above which excelize spills it to a temporary file and streams it.
	MaxInMemoryXML = 16 << 20
	// MaxRows is the most rows (not counting empty ones) a sheet may have.
	MaxRows = 200_000
)

// Options tunes Read. The zero value uses the limits above and refuses a
// HuongLoi row whose ma_hoat_dong names no HoatDong row of the workbook.
type Options struct {
	MaxSize, MaxUnzippedSize int64 // 0: MaxSize, MaxUnzippedSize
	MaxRows                  int   // 0: MaxRows
	// KnownActivity, when set, is asked about a HuongLoi row's
	// ma_hoat_dong that is not a HoatDong row of the workbook: true accepts
	// it as an activity already in the database (BeneficiaryRow.InBook is
	// then false). The code is upper-cased.
	KnownActivity func(code string) bool
	// TmpDir is where excelize spills large parts; "" is os.TempDir().
	TmpDir string
}

// Read reads and checks the workbook of size bytes in r as of today (dates
// after today are refused) with the default Options. On any problem it
// returns a nil Book and an *Error listing them.
func Read(r io.ReaderAt, size int64, today youthbot.Date) (*Book, error) {
	return Options{}.Read(r, size, today)
}

// ReadFile reads the workbook in the file name with the default Options.
// A file that cannot be opened is an error that is not an *Error.
func ReadFile(name string, today youthbot.Date) (*Book, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open workbook: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("open workbook: %w", err)
	}
	return Read(f, st.Size(), today)
}

var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls, or an encrypted .xlsx
)

// Read is Read with these options.
func (o Options) Read(r io.ReaderAt, size int64, today youthbot.Date) (book *Book, err error) {
	maxSize, maxUnzipped := cmp0(o.MaxSize, MaxSize), cmp0(o.MaxUnzippedSize, MaxUnzippedSize)
	var ps problems
	defer func() {
		// A malformed part can make excelize panic; the file is refused as
		// damaged, never the process.
		if v := recover(); v != nil {
			ps.file("wb.damaged", clip(fmt.Sprint("panic: ", v)))
			book, err = nil, ps.err()
		}
	}()
	f, err := open(r, size, maxSize, maxUnzipped, o.TmpDir, &ps)
	if err != nil {
		return nil, err
	}
	if f == nil {
		return nil, ps.err()
	}
	defer f.Close()
	rd := &reader{f: f, today: today, ps: &ps, maxRows: int(cmp0(int64(o.MaxRows), MaxRows)), known: o.KnownActivity}
	if props, err := f.GetWorkbookProps(); err == nil {
		rd.date1904 = props.Date1904 != nil && *props.Date1904
	}
	book = rd.read()
	if err := ps.err(); err != nil {
		return nil, err
	}
	return book, nil
}

func cmp0(v, def int64) int64 {
	if v <= 0 {
		return def
	}
	return v
}

// open checks the file's size and zip directory and opens it with
// excelize. A refused file adds its problem and returns a nil File; an
// error is a failure to read r.
func open(r io.ReaderAt, size, maxSize, maxUnzipped int64, tmpDir string, ps *problems) (*excelize.File, error) {
	switch {
	case size <= 0:
		ps.file("wb.empty_file")
		return nil, nil
	case size > maxSize:
		ps.file("wb.too_large", mb(size), mb(maxSize))
		return nil, nil
	}
	head := make([]byte, 8)
	if n, err := r.ReadAt(head, 0); n < len(head) {
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("read workbook: %w", err)
		}
		ps.file("wb.not_workbook")
		return nil, nil
	}
	switch {
	case bytes.Equal(head, oleMagic):
		ps.file("wb.old_format")
		return nil, nil
	case !bytes.HasPrefix(head, zipMagic):
		ps.file("wb.not_workbook")
		return nil, nil
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		ps.file("wb.not_workbook")
		return nil, nil
	}
	var total, other uint64
	hasWorkbook := false
	for _, zf := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))
		total += zf.UncompressedSize64
		if !strings.HasPrefix(name, "xl/worksheets/sheet") && name != "xl/sharedstrings.xml" {
			other += zf.UncompressedSize64
		}
		hasWorkbook = hasWorkbook || name == "xl/workbook.xml"
	}
	switch {
	case !hasWorkbook:
		ps.file("wb.not_workbook")
		return nil, nil
	case total > uint64(maxUnzipped) || other > MaxOtherParts:
		ps.file("wb.unzipped_too_large", mb(int64(min(total, 1<<62))), mb(maxUnzipped))
		return nil, nil
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		UnzipSizeLimit:    maxUnzipped,
		UnzipXMLSizeLimit: min(maxUnzipped, MaxInMemoryXML),
		TmpDir:            tmpDir,
	})
	if err != nil {
		if f != nil {
			f.Close()
		}
		ps.file("wb.damaged", clip(err.Error()))
		return nil, nil
	}
	return f, nil
}

// mb formats a size in megabytes for a message.
func mb(n int64) string {
	return fmt.Sprintf("%.1f", float64(n)/(1<<20))
}

// reader reads the sheets of one open workbook.
type reader struct {
	f        *excelize.File
	today    youthbot.Date
	date1904 bool
	ps       *problems
	maxRows  int
	known    func(string) bool
}

// read reads every sheet of SheetNames the workbook has, then checks the
// rows against each other.
func (rd *reader) read() *Book {
	book := &Book{}
	found := make(map[string]string) // canonical sheet -> name in the file
	for _, name := range rd.f.GetSheetList() {
		s := sheetByFold[fold(name)]
		if s == nil {
			continue // another sheet of the office's: ignored
		}
		if first, dup := found[s.name]; dup {
			rd.ps.add(Problem{Sheet: name, Key: "wb.sheet_twice", Args: []any{first, s.name}, order: s.order})
			continue
		}
		found[s.name] = name
	}
	for _, s := range sheets {
		name, ok := found[s.name]
		if !ok {
			continue
		}
		book.Sheets = append(book.Sheets, name)
		rd.readSheet(s, name, book)
	}
	if len(found) == 0 {
		rd.ps.file("wb.no_sheet", strings.Join(SheetNames, ", "))
	}
	rd.check(book, found)
	return book
}

// readSheet streams one sheet: row 1 names the columns, each later
// non-empty row becomes a typed row of book.
func (rd *reader) readSheet(s *sheet, name string, book *Book) {
	rows, err := rd.f.Rows(name)
	if err != nil {
		rd.ps.add(Problem{Sheet: name, Key: "wb.damaged", Args: []any{clip(err.Error())}, order: s.order})
		return
	}
	defer rows.Close()
	var cols map[string]int
	n, count := 0, 0
	for rows.Next() {
		n++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rd.ps.add(Problem{Sheet: name, Row: n, Key: "wb.damaged", Args: []any{clip(err.Error())}, order: s.order})
			return
		}
		if n == 1 {
			var ok bool
			if cols, ok = rd.header(s, name, cells); !ok {
				return
			}
			continue
		}
		if blank(cells, cols) {
			continue // also a row with only a note in a column of the office's
		}
		if count++; count > rd.maxRows {
			rd.ps.add(Problem{Sheet: name, Row: n, Key: "wb.too_many_rows", Args: []any{rd.maxRows}, order: s.order})
			return
		}
		c := &cell{rd: rd, s: s, name: name, row: n, cells: cells, cols: cols}
		s.parse(c, book)
	}
	if err := rows.Error(); err != nil {
		rd.ps.add(Problem{Sheet: name, Row: n, Key: "wb.damaged", Args: []any{clip(err.Error())}, order: s.order})
	}
}

// header maps the canonical columns of s to their index in row 1. It
// reports the required columns that are missing and the columns named
// twice, and false then: the sheet's rows cannot be read.
func (rd *reader) header(s *sheet, name string, cells []string) (map[string]int, bool) {
	cols := make(map[string]int, len(s.columns))
	ok := true
	for i, h := range cells {
		c := s.byFold[fold(h)]
		if c == "" {
			continue // a column of the office's own (STT, ghi chú): ignored
		}
		if j, dup := cols[c]; dup {
			rd.ps.add(Problem{Sheet: name, Row: 1, Column: c, Key: "wb.column_twice", Args: []any{colName(j), colName(i)}, order: s.order})
			ok = false
			continue
		}
		cols[c] = i
	}
	for _, c := range s.columns {
		if _, present := cols[c.name]; c.required && !present {
			rd.ps.add(Problem{Sheet: name, Row: 1, Column: c.name, Key: "wb.column_missing", order: s.order})
			ok = false
		}
	}
	return cols, ok
}

// colName returns the letters of the 0-based column i.
func colName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// blank reports whether a row has nothing in the columns of its sheet.
func blank(cells []string, cols map[string]int) bool {
	for _, i := range cols {
		if i < len(cells) && strings.TrimSpace(cells[i]) != "" {
			return false
		}
	}
	return true
}

// fold is the form sheet and column names are compared in: without case,
// diacritics, spaces, underscores or any other mark, đ read as d
// ("Mã đơn vị", "MA_DON_VI" and "ma don vi" are all "madonvi").
func fold(s string) string {
	f := vn.FoldName(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, f)
}

// clip shortens s for a message so that a huge cell does not flood it.
func clip(s string) string {
	const max = 40
	if r := []rune(s); len(r) > max {
		return string(r[:max]) + "…"
	}
	return s
}
