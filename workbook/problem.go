package workbook

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strings"

	"youthbot"
	"youthbot/i18n"
)

// MaxListed is how many problems Error lists; the rest are counted.
const MaxListed = 100

// maxKept bounds the problems kept in memory to sort them: a bad sheet of
// 200,000 rows must not hold millions of them.
const maxKept = 2000

// Problem is one thing wrong with a workbook: where (Sheet as the file names
// it, Row from 1, Column as docs/IMPORT.md names it; each empty when the
// problem is not at one) and what, as a message of the i18n catalogs (Key,
// Args).
type Problem struct {
	Sheet  string
	Row    int
	Column string
	Key    string
	Args   []any

	order int // the sheet's place in SheetNames, to sort by
}

// Text formats p in lang as "Sheet!Row: column: what is wrong", in plain
// text (not HTML).
func (p Problem) Text(lang string) string {
	var b strings.Builder
	switch {
	case p.Sheet != "" && p.Row > 0:
		fmt.Fprintf(&b, "%s!%d: ", p.Sheet, p.Row)
	case p.Sheet != "":
		b.WriteString(p.Sheet + ": ")
	}
	if p.Column != "" {
		b.WriteString(p.Column + ": ")
	}
	b.WriteString(html.UnescapeString(i18n.T(lang, p.Key, p.Args...)))
	return b.String()
}

// String formats p in English.
func (p Problem) String() string { return p.Text("en") }

// Error is a workbook refused: its problems in sheet and row order, at most
// MaxListed of them; Total counts them all. It unwraps to an EINVALID
// *youthbot.Error (key "err.workbook") so that youthbot.ErrorCode sees bad
// input.
type Error struct {
	Problems []Problem
	Total    int
}

// Error lists the problems in English, one per line.
func (e *Error) Error() string { return e.Text("en") }

// Text lists the problems in lang, one per line, then how many more there
// are when Total exceeds the list.
func (e *Error) Text(lang string) string {
	lines := make([]string, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		lines = append(lines, p.Text(lang))
	}
	if more := e.Total - len(e.Problems); more > 0 {
		lines = append(lines, html.UnescapeString(i18n.T(lang, "wb.more", more)))
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the domain error the problems amount to.
func (e *Error) Unwrap() error { return youthbot.Errorf(youthbot.EINVALID, "err.workbook", e.Total) }

// problems collects the problems of one read.
type problems struct {
	list  []Problem
	total int
}

func (ps *problems) add(p Problem) {
	ps.total++
	if len(ps.list) < maxKept {
		ps.list = append(ps.list, p)
	}
}

// file adds a problem of the whole file.
func (ps *problems) file(key string, args ...any) { ps.add(Problem{Key: key, Args: args, order: -1}) }

// err returns nil without problems, else an *Error with the first
// MaxListed of them in sheet and row order.
func (ps *problems) err() error {
	if ps.total == 0 {
		return nil
	}
	slices.SortStableFunc(ps.list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.order, b.order), cmp.Compare(a.Row, b.Row))
	})
	list := ps.list
	if len(list) > MaxListed {
		list = slices.Clone(list[:MaxListed])
	}
	return &Error{Problems: list, Total: ps.total}
}
