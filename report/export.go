package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"youthbot"
)

// JSON writes the tally as the JSON report (its keys are figuresJSON's),
// indented, with a final newline.
func (t *Tally) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(jsonOf(t.Figures), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("report json: %w", err)
	}
	return append(b, '\n'), nil
}

// CSVHeader is the header row of the CSV report: the JSON report's keys
// (with "month" or "year"), plus "parent", empty on the unit's own row and
// the unit's code on its children's rows.
func CSVHeader(p youthbot.Period) []string {
	when := "year"
	if p.IsMonth() {
		when = "month"
	}
	return []string{"unit", "name", "parent", when, "members_total", "members_active", "members_new",
		"participations", "participations_pending", "hours", "value_vnd", "works_completed", "tasks_completed",
		"targets_met", "targets_total"}
}

// utf8BOM starts the CSV so that Excel, which union offices open CSV
// files with, reads it as UTF-8 and shows Vietnamese names right; without
// it Excel assumes the system's code page. Scripts read it with
// encoding="utf-8-sig" (Python) or strip it; JSON has no such mark.
const utf8BOM = "\uFEFF"

// CSV writes the tally as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte
// order mark): the header, the unit's row, then one row per child unit.
// Numbers are plain (no grouping, '.' for decimals). A name Excel would
// take for a formula (starting with = + - @) gets a leading apostrophe.
func (t *Tally) CSV(w io.Writer) error {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	p := t.Figures.Period
	when := strconv.Itoa(p.Year)
	if p.IsMonth() {
		when = p.String()
	}
	rec := func(f *youthbot.Figures, parent string) []string {
		return []string{f.Unit, noFormula(f.Name), parent, when,
			strconv.Itoa(f.MembersTotal), strconv.Itoa(f.MembersActive), strconv.Itoa(f.MembersNew),
			strconv.Itoa(f.Participations), strconv.Itoa(f.ParticipationsPending),
			strconv.FormatFloat(f.Hours(), 'f', -1, 64), strconv.FormatInt(f.ValueVND, 10),
			strconv.Itoa(f.WorksCompleted), strconv.Itoa(f.TasksCompleted),
			strconv.Itoa(f.TargetsMet()), strconv.Itoa(len(f.Targets))}
	}
	cw.Write(CSVHeader(p))
	cw.Write(rec(t.Figures, ""))
	for _, c := range t.Figures.Children {
		cw.Write(rec(c, t.Figures.Unit))
	}
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
