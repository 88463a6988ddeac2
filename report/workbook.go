package report

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/i18n"
)

// FileName is the workbook's file name: tally-<UNIT>-<YYYY-MM>.xlsx for a
// month, tally-<UNIT>-<YYYY>.xlsx for a year. Users see and keep these
// names, so they stay as they are.
func FileName(unit string, p youthbot.Period) string {
	return "tally-" + unit + "-" + p.String() + ".xlsx"
}

// FileName is the tally's workbook file name.
func (t *Tally) FileName() string { return FileName(t.Figures.Unit, t.Figures.Period) }

// Workbook layout, which tests and users' macros rely on.
//
// Sheet 1, summary ("Tổng hợp"): row 1 the title, row 2 the unit, row 3
// the header, row 4 the unit's own figures, then one row per child unit in
// the order of the JSON report's "children". Columns: unit code, unit,
// members, active members, new members, participations, pending, hours,
// value (đồng), works, tasks, targets met ("5/6", empty without targets),
// then from ColF7 the other figures of union reports in figureRows' order
// (summaryF7: participations by group, person-days, activities, support,
// beneficiaries, works and tasks by level, breakthrough tasks, models).
//
// Sheet 2, members ("Đoàn viên"): row 1 the header, then one row per
// member: number, unit code, unit, full name, participations, pending,
// hours, note (new, did not take part, blocked the bot, no longer in the
// unit). A unit of more than MaxListedMembers members has instead one cell,
// A1, saying where its members are listed.
//
// Sheet 3, targets ("Chỉ tiêu"): row 1 the header, then one row per target
// of the unit, then of each child unit: unit code, unit, target, planned,
// achieved, percent, result.
const (
	SummaryHeaderRow = 3
	SummaryFirstRow  = 4
)

// Summary columns, 1-based.
const (
	ColCode = iota + 1
	ColUnit
	ColMembers
	ColActive
	ColNew
	ColParticipations
	ColPending
	ColHours
	ColValue
	ColWorks
	ColTasks
	ColTargetsMet
	ColF7 // the first of summaryF7's columns
)

// summaryF7 are the figures of the summary's columns from ColF7: every
// figure but those of the columns before and the targets'.
func summaryF7() []figureRow {
	before := map[string]bool{"members_total": true, "members_active": true, "members_new": true, "participations": true,
		"participations_pending": true, "hours": true, "value_vnd": true, "works_completed": true, "tasks_completed": true}
	var out []figureRow
	for _, r := range figureRows() {
		if !before[r.key] && !strings.HasPrefix(r.key, "targets_") {
			out = append(out, r)
		}
	}
	return out
}

// Number formats: thousands grouped (Excel shows the reader's locale's
// separator: 26.000.000 on a Vietnamese system), đồng marked.
const (
	fmtCount = "#,##0"
	fmtHours = "#,##0.0"
	fmtVND   = `#,##0 "đ"`
)

type styles struct {
	title, subtitle, header, bold, count, hours, vnd, boldCount, boldHours, boldVND, percent int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	num := func(format string, bold bool) *excelize.Style {
		return &excelize.Style{CustomNumFmt: &format, Font: &excelize.Font{Bold: bold}}
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	s.subtitle = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	s.header = mk(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border: []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
			{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}},
	})
	s.bold = mk(&excelize.Style{Font: &excelize.Font{Bold: true}})
	s.count = mk(num(fmtCount, false))
	s.hours = mk(num(fmtHours, false))
	s.vnd = mk(num(fmtVND, false))
	s.boldCount = mk(num(fmtCount, true))
	s.boldHours = mk(num(fmtHours, true))
	s.boldVND = mk(num(fmtVND, true))
	s.percent = mk(num("0.0", false))
	return s, err
}

// Workbook renders the tally as an .xlsx workbook in lang: for a month a
// summary sheet, a members sheet and a targets sheet (layout above); for a
// year the year's workbook (yearWorkbook). It needs PartWorkbook for the
// members sheet, and for a year PartTree (which a year's PartWorkbook
// implies) for the sheets per level.
func (t *Tally) Workbook(lang string) ([]byte, error) {
	if t.Figures.Period.IsYear() {
		return t.yearWorkbook(lang)
	}
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("workbook styles: %w", err)
	}
	summary, members, targets := T("report.sheet_summary"), T("report.sheet_members"), T("report.sheet_targets")
	if err := f.SetSheetName("Sheet1", summary); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	for _, name := range []string{members, targets} {
		if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("workbook: %w", err)
		}
	}
	if err := t.summarySheet(f, summary, lang, st); err != nil {
		return nil, fmt.Errorf("workbook summary: %w", err)
	}
	if err := t.membersSheet(f, members, lang, st); err != nil {
		return nil, fmt.Errorf("workbook members: %w", err)
	}
	if err := t.targetsSheet(f, targets, lang, st); err != nil {
		return nil, fmt.Errorf("workbook targets: %w", err)
	}
	title := T("report.book_title_year", t.Figures.Period.Year)
	if t.Figures.Period.IsMonth() {
		title = T("report.book_title_month", MonthYear(t.Figures.Period))
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title + " · " + t.Figures.Name, Creator: "youthbot", Language: lang}); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	// The first sheet is the active one as NewFile made it: SetActiveSheet
	// would parse back every streamed sheet to unselect it.
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return buf.Bytes(), nil
}

// fastZip deflates at the fastest level: a province's workbook is some
// 30 MB of XML, which the default level takes three times longer to
// compress for a file about 20% smaller.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func (t *Tally) summarySheet(f *excelize.File, sheet, lang string, st styles) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	fig := t.Figures
	title := T("report.book_title_year", fig.Period.Year)
	if fig.Period.IsMonth() {
		title = T("report.book_title_month", MonthYear(fig.Period))
	}
	w := &cellWriter{f: f, sheet: sheet}
	set := w.set
	set("A1", title, st.title)
	set("A2", fig.Name+" ("+fig.Unit+")", st.subtitle)
	headers := []string{"report.col.code", "report.col.unit", "report.col.members", "report.col.active", "report.col.new",
		"report.col.part", "report.col.pending", "report.col.hours", "report.col.value", "report.col.works", "report.col.tasks",
		"report.col.targets_met"}
	for i, h := range headers {
		set(cell(i+1, SummaryHeaderRow), T(h), st.header)
	}
	f7 := summaryF7()
	for i, r := range f7 {
		set(cell(ColF7+i, SummaryHeaderRow), strings.TrimSpace(T(r.label())), st.header) // no indent of "trong đó" in a heading
	}
	row := func(r int, x *youthbot.Figures, bold bool) {
		count, hours, vnd, text := st.count, st.hours, st.vnd, 0
		if bold {
			count, hours, vnd, text = st.boldCount, st.boldHours, st.boldVND, st.bold
		}
		set(cell(ColCode, r), x.Unit, text)
		set(cell(ColUnit, r), x.Name, text)
		for _, c := range []struct{ col, v int }{{ColMembers, x.MembersTotal}, {ColActive, x.MembersActive}, {ColNew, x.MembersNew},
			{ColParticipations, x.Participations}, {ColPending, x.ParticipationsPending}, {ColWorks, x.WorksCompleted}, {ColTasks, x.TasksCompleted}} {
			set(cell(c.col, r), c.v, count)
		}
		set(cell(ColHours, r), x.Hours(), hours)
		set(cell(ColValue, r), x.ValueVND, vnd)
		if len(x.Targets) > 0 {
			set(cell(ColTargetsMet, r), strconv.Itoa(x.TargetsMet())+"/"+strconv.Itoa(len(x.Targets)), text)
		}
		for i, fig := range f7 {
			set(cell(ColF7+i, r), cellValue(fig.kind, fig.value(x)), valueStyle(st, fig.kind, bold))
		}
	}
	row(SummaryFirstRow, fig, true)
	for i, c := range fig.Children {
		row(SummaryFirstRow+1+i, c, false)
	}
	if w.err != nil {
		return w.err
	}
	widths := []float64{16, 44, 12, 14, 12, 13, 13, 12, 20, 13, 13, 12}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	first, _ := excelize.ColumnNumberToName(ColF7)
	last, _ := excelize.ColumnNumberToName(ColF7 + len(f7) - 1)
	if err := f.SetColWidth(sheet, first, last, 16); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, SummaryHeaderRow, 60); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: SummaryHeaderRow,
		TopLeftCell: cell(3, SummaryFirstRow), ActivePane: "bottomRight"})
}

// Members sheet columns, 1-based.
const (
	MColNo = iota + 1
	MColCode
	MColUnit
	MColName
	MColParticipations
	MColPending
	MColHours
	MColNote
)

func (t *Tally) membersSheet(f *excelize.File, sheet, lang string, st styles) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	if t.MembersNotListed > 0 {
		if err := f.SetCellValue(sheet, "A1", T("report.members_not_listed", Number(lang, int64(t.MembersNotListed)), t.Figures.Unit)); err != nil {
			return err
		}
		return f.SetColWidth(sheet, "A", "A", 120)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range []float64{7, 16, 40, 30, 13, 13, 10, 34} {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := []any{}
	for _, h := range []string{"report.col.no", "report.col.code", "report.col.unit", "report.col.name", "report.col.part",
		"report.col.pending", "report.col.hours", "report.col.note"} {
		header = append(header, excelize.Cell{StyleID: st.header, Value: T(h)})
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	noteNew, noteInactive, noteLeft, noteBlocked := T("report.note.new"), T("report.note.inactive"), T("report.note.left"), T("report.note.unreachable")
	erased := T("report.erased")
	values := make([]any, 8)
	var note strings.Builder
	for i, m := range t.Members {
		name := m.Name
		if name == "" {
			name = erased
		}
		note.Reset()
		addNote := func(s string) {
			if note.Len() > 0 {
				note.WriteString("; ")
			}
			note.WriteString(s)
		}
		if !m.Member {
			addNote(noteLeft)
		}
		if m.New {
			addNote(noteNew)
		}
		if m.Member && m.Participations == 0 {
			addNote(noteInactive)
		}
		if m.Unreachable {
			addNote(noteBlocked)
		}
		values[0] = i + 1
		values[1] = m.Unit
		values[2] = m.UnitName
		values[3] = name
		values[4] = m.Participations // a member's counts are small: no grouping style
		values[5] = m.Pending
		values[6] = excelize.Cell{StyleID: st.hours, Value: float64(m.Tenths) / 10}
		values[7] = nil // no cell
		if note.Len() > 0 {
			values[7] = note.String()
		}
		if err := sw.SetRow(cell(1, i+2), values); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (t *Tally) targetsSheet(f *excelize.File, sheet, lang string, st styles) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	w := &cellWriter{f: f, sheet: sheet}
	set := w.set
	for i, h := range []string{"report.col.code", "report.col.unit", "report.col.metric", "report.col.target",
		"report.col.achieved", "report.col.percent", "report.col.met"} {
		set(cell(i+1, 1), T(h), st.header)
	}
	r := 2
	for _, x := range append([]*youthbot.Figures{t.Figures}, t.Figures.Children...) {
		for _, tg := range x.Targets {
			style := targetStyle(st, tg)
			result := T("report.not_met")
			if tg.Percent >= 100 {
				result = T("report.met")
			}
			set(cell(1, r), x.Unit, 0)
			set(cell(2, r), x.Name, 0)
			set(cell(3, r), TargetLabel(lang, tg), 0)
			set(cell(4, r), tg.Target, style)
			set(cell(5, r), tg.Achieved, style)
			set(cell(6, r), tg.Percent, st.percent)
			set(cell(7, r), result, 0)
			r++
		}
	}
	if r == 2 {
		set("A2", T("report.note.no_targets"), 0)
	}
	if w.err != nil {
		return w.err
	}
	for i, w := range []float64{16, 40, 26, 16, 16, 10, 10} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// cellWriter writes cells of one sheet, keeping the first error.
type cellWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

// set writes v at c with style (0: none), unless an earlier write failed.
func (w *cellWriter) set(c string, v any, style int) {
	if w.err == nil {
		w.err = w.f.SetCellValue(w.sheet, c, v)
	}
	if w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(w.sheet, c, c, style)
	}
}
