package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"youthbot"
)

// JSON writes the tally as the JSON report (its keys are figuresJSON's),
// indented, with a final newline: the unit and, in children, every unit
// below it down to the branches. It needs PartTree.
func (t *Tally) JSON() ([]byte, error) {
	if t.parts&PartTree == 0 {
		return nil, errors.New("report json: the tally was loaded without PartTree")
	}
	b, err := json.MarshalIndent(jsonOf(t.Figures), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("report json: %w", err)
	}
	return append(b, '\n'), nil
}

// CSVHeader is the header row of the CSV report: "unit", "name",
// "parent" (empty on the unit's own row, the parent's code on the others),
// "month" or "year", then one column per figure named as its JSON key, a
// nested key dotted ("participations_by.members"): the same figures, in
// the same order, as the rows of the workbook's appendix.
func CSVHeader(p youthbot.Period) []string {
	when := "year"
	if p.IsMonth() {
		when = "month"
	}
	h := []string{"unit", "name", "parent", when}
	for _, r := range figureRows() {
		h = append(h, r.key)
	}
	return h
}

// utf8BOM starts the CSV so that Excel, which union offices open CSV
// files with, reads it as UTF-8 and shows Vietnamese names right; without
// it Excel assumes the system's code page. Scripts read it with
// encoding="utf-8-sig" (Python) or strip it; JSON has no such mark.
const utf8BOM = "\uFEFF"

// CSV writes the tally as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte
// order mark): the header, the unit's row, then one row per unit below it
// in tree order (depth first, as the JSON report's children). Numbers are
// plain (no grouping, '.' for decimals). A name Excel would take for a
// formula (starting with = + - @) gets a leading apostrophe. It needs
// PartTree.
func (t *Tally) CSV(w io.Writer) error {
	if t.parts&PartTree == 0 {
		return errors.New("report csv: the tally was loaded without PartTree")
	}
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	p := t.Figures.Period
	when := strconv.Itoa(p.Year)
	if p.IsMonth() {
		when = p.String()
	}
	figs := figureRows()
	cw.Write(CSVHeader(p))
	rec := make([]string, 4+len(figs))
	walkTree(t.Figures, func(f, parent *youthbot.Figures, _ int) {
		rec[0], rec[1], rec[2], rec[3] = f.Code(), noFormula(f.Name), "", when
		if parent != nil {
			rec[2] = parent.Unit
		}
		for i, r := range figs {
			rec[4+i] = strconv.FormatFloat(r.value(f), 'f', -1, 64)
		}
		cw.Write(rec)
	})
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("report csv: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("report csv: %w", err)
	}
	return nil
}

func noFormula(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}
