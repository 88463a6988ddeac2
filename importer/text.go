package importer

import (
	"fmt"
	"html"
	"io"
	"os"

	"youthbot"
	"youthbot/i18n"
	"youthbot/workbook"
)

// Read reads and checks the workbook of size bytes in r as of today. A
// HuongLoi row naming no HoatDong row of the workbook is left to Build,
// which looks for the activity in the database (BeneficiaryRow.InBook is
// then false).
func Read(r io.ReaderAt, size int64, today youthbot.Date) (*workbook.Book, error) {
	return workbook.Options{KnownActivity: func(string) bool { return true }}.Read(r, size, today)
}

// ReadFile is Read of the file name. A file that cannot be opened is an
// error that is not a *workbook.Error.
func ReadFile(name string, today youthbot.Date) (*workbook.Book, error) {
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

// Summary is the plan's summary in lang, plain text: one line per sheet
// with rows, "Sheet: N created, N updated, N unchanged".
func (p *Plan) Summary(lang string) []string {
	counts := p.Counts()
	if len(counts) == 0 {
		return []string{text(lang, "imp.summary_none")}
	}
	lines := make([]string, 0, len(counts))
	for _, c := range counts {
		lines = append(lines, text(lang, "imp.summary", c.Name, c.Created, c.Updated, c.Unchanged))
	}
	return lines
}

// text is a catalog message as plain text (the catalogs are HTML).
func text(lang, key string, args ...any) string {
	return html.UnescapeString(i18n.T(lang, key, args...))
}

// Text is a catalog message of the import as plain text, for the command.
func Text(lang, key string, args ...any) string { return text(lang, key, args...) }
