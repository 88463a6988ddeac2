package importer

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"youthbot/vn"
	"youthbot/workbook"
)

// maxKept bounds the problems kept to sort them; the rest are counted.
const maxKept = 2000

// problems collects what is wrong with a workbook against the database, each
// at its sheet (as the file names it), row and column, as workbook.Problem
// so that the reader's and the importer's problems read alike.
type problems struct {
	names map[string]string // canonical sheet name -> the file's
	list  []workbook.Problem
	total int
}

func newProblems(b *workbook.Book) *problems {
	ps := &problems{names: make(map[string]string, len(b.Sheets))}
	for _, name := range b.Sheets {
		f := fold(name)
		for _, canon := range workbook.SheetNames {
			if fold(canon) == f {
				ps.names[canon] = name
			}
		}
	}
	return ps
}

// at adds a problem of sheet (a canonical name of workbook.SheetNames) at
// row and column col.
func (ps *problems) at(sheet string, row int, col, key string, args ...any) {
	ps.total++
	if len(ps.list) >= maxKept {
		return
	}
	name := ps.names[sheet]
	if name == "" {
		name = sheet
	}
	ps.list = append(ps.list, workbook.Problem{Sheet: name, Row: row, Column: col, Key: key, Args: args})
}

// err returns nil without problems, else a *workbook.Error listing the
// first workbook.MaxListed of them in the order of the sheets, then of rows.
func (ps *problems) err() error {
	if ps.total == 0 {
		return nil
	}
	order := make(map[string]int, len(ps.names))
	for i, canon := range workbook.SheetNames {
		order[canon] = i
		if n := ps.names[canon]; n != "" {
			order[n] = i
		}
	}
	slices.SortStableFunc(ps.list, func(a, b workbook.Problem) int {
		return cmp.Or(cmp.Compare(order[a.Sheet], order[b.Sheet]), cmp.Compare(a.Row, b.Row))
	})
	list := ps.list
	if len(list) > workbook.MaxListed {
		list = slices.Clone(list[:workbook.MaxListed])
	}
	return &workbook.Error{Problems: list, Total: ps.total}
}

// fold compares sheet names as the reader does: without case, diacritics
// or anything but letters and digits.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, vn.FoldName(s))
}
