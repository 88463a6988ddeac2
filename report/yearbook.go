package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/i18n"
)

// The year's workbook is what an office files upward with its year-end
// report. Its layout, which tests and users' macros rely on:
//
// Sheet 1, appendix ("Phụ lục số liệu"): row 1 the title, row 2 the unit,
// row AppendixHeaderRow the header (number, figure, each child unit's name
// in the order of the JSON report's "children", then the total), row
// AppendixCodeRow the units' codes, then from AppendixFirstRow one row per
// figure (figureRows' order): the child units' figures and, in the last
// column, the unit's own total (its whole subtree, its own activities
// included, so that it may exceed the sum of the children).
//
// Sheet 2, targets ("Chỉ tiêu"): row 1 the header, then one row per
// target of the unit, then of each unit below it in tree order: unit code,
// unit, target code, text, kind, target, achieved, percent, result.
//
// Then one sheet per level of the units below the unit ("Cấp huyện",
// "Cơ sở", "Chi đoàn"), top down: row 1 the header, then one row per unit
// of that kind in tree order: unit code, unit, parent code, then every
// figure in figureRows' order.
//
// Then, with PartWorkbook, the members sheet of the month's workbook.
const (
	AppendixHeaderRow = 3
	AppendixCodeRow   = 4
	AppendixFirstRow  = 5
	AppendixFirstCol  = 3 // the first child unit's column; the total is after the last child
)

// Columns of the sheets per level before the figures, 1-based.
const (
	LColCode = iota + 1
	LColUnit
	LColParent
	LColFirstFigure
)

// Columns of the year's targets sheet, 1-based.
const (
	TColUnitCode = iota + 1
	TColUnit
	TColCode
	TColText
	TColKind
	TColTarget
	TColAchieved
	TColPercent
	TColMet
)

// yearWorkbook renders the year's workbook (layout above) in lang.
func (t *Tally) yearWorkbook(lang string) ([]byte, error) {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(fastZip)
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("workbook styles: %w", err)
	}
	appendix, targets := T("report.sheet_appendix"), T("report.sheet_targets")
	if err := f.SetSheetName("Sheet1", appendix); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if err := t.appendixSheet(f, appendix, lang, st); err != nil {
		return nil, fmt.Errorf("workbook appendix: %w", err)
	}
	if _, err := f.NewSheet(targets); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if err := t.yearTargetsSheet(f, targets, lang, st); err != nil {
		return nil, fmt.Errorf("workbook targets: %w", err)
	}
	levels, rows := byLevel(t.Figures)
	for _, k := range levels {
		name := T("report.sheet_level." + string(k))
		if _, err := f.NewSheet(name); err != nil {
			return nil, fmt.Errorf("workbook: %w", err)
		}
		if err := levelSheet(f, name, lang, st, rows[k]); err != nil {
			return nil, fmt.Errorf("workbook level %s: %w", k, err)
		}
	}
	if t.parts&PartWorkbook != 0 {
		members := T("report.sheet_members")
		if _, err := f.NewSheet(members); err != nil {
			return nil, fmt.Errorf("workbook: %w", err)
		}
		if err := t.membersSheet(f, members, lang, st); err != nil {
			return nil, fmt.Errorf("workbook members: %w", err)
		}
	}
	title := T("report.book_title_year", t.Figures.Period.Year)
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

// valueStyle is the style of a figure's cell.
func valueStyle(st styles, k valueKind, bold bool) int {
	switch {
	case k == valPercent:
		return st.percent
	case k == valHours && bold:
		return st.boldHours
	case k == valHours:
		return st.hours
	case k == valVND && bold:
		return st.boldVND
	case k == valVND:
		return st.vnd
	case bold:
		return st.boldCount
	}
	return st.count
}

// cellValue is a figure as a cell holds it: hours with their decimal,
// counts and đồng whole.
func cellValue(k valueKind, x float64) any {
	if k == valHours || k == valPercent {
		return x
	}
	return int64(x)
}

func (t *Tally) appendixSheet(f *excelize.File, sheet, lang string, st styles) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	fig := t.Figures
	w := &cellWriter{f: f, sheet: sheet}
	set := w.set
	set("A1", T("report.appendix_title", fig.Period.Year), st.title)
	set("A2", fig.Name+" ("+fig.Unit+")", st.subtitle)
	set(cell(1, AppendixHeaderRow), T("report.col.no"), st.header)
	set(cell(2, AppendixHeaderRow), T("report.col.figure"), st.header)
	set(cell(1, AppendixCodeRow), "", st.header)
	set(cell(2, AppendixCodeRow), "", st.header)
	cols := append(append([]*youthbot.Figures{}, fig.Children...), fig)
	for i, c := range cols {
		name := c.Name
		if c == fig {
			name = T("report.col.total")
		}
		set(cell(AppendixFirstCol+i, AppendixHeaderRow), name, st.header)
		set(cell(AppendixFirstCol+i, AppendixCodeRow), c.Code(), st.header)
	}
	for r, row := range figureRows() {
		rn := AppendixFirstRow + r
		set(cell(1, rn), r+1, 0)
		set(cell(2, rn), T(row.label()), 0)
		for i, c := range cols {
			set(cell(AppendixFirstCol+i, rn), cellValue(row.kind, row.value(c)), valueStyle(st, row.kind, c == fig))
		}
	}
	if w.err != nil {
		return w.err
	}
	if err := f.SetColWidth(sheet, "A", "A", 6); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "B", "B", 48); err != nil {
		return err
	}
	first, _ := excelize.ColumnNumberToName(AppendixFirstCol)
	last, _ := excelize.ColumnNumberToName(AppendixFirstCol + len(cols) - 1)
	if err := f.SetColWidth(sheet, first, last, 18); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, AppendixHeaderRow, 45); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: AppendixCodeRow,
		TopLeftCell: cell(AppendixFirstCol, AppendixFirstRow), ActivePane: "bottomRight"})
}

func (t *Tally) yearTargetsSheet(f *excelize.File, sheet, lang string, st styles) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	w := &cellWriter{f: f, sheet: sheet}
	set := w.set
	for i, h := range []string{"report.col.code", "report.col.unit", "report.col.target_code", "report.col.target_text",
		"report.col.kind", "report.col.target", "report.col.achieved", "report.col.percent", "report.col.met"} {
		set(cell(i+1, 1), T(h), st.header)
	}
	r := 2
	walkTree(t.Figures, func(x, _ *youthbot.Figures, _ int) {
		for _, tg := range x.Targets {
			style := targetStyle(st, tg)
			result := T("report.not_met")
			if tg.Percent >= 100 {
				result = T("report.met")
			}
			set(cell(TColUnitCode, r), x.Unit, 0)
			set(cell(TColUnit, r), x.Name, 0)
			set(cell(TColCode, r), tg.Code, 0)
			set(cell(TColText, r), TargetLabel(lang, tg), 0)
			set(cell(TColKind, r), T("report.kind."+string(targetKind(tg))), 0)
			set(cell(TColTarget, r), tg.Target, style)
			set(cell(TColAchieved, r), tg.Achieved, style)
			set(cell(TColPercent, r), tg.Percent, st.percent)
			set(cell(TColMet, r), result, 0)
			r++
		}
	})
	if r == 2 {
		set("A2", T("report.note.no_targets"), 0)
	}
	if w.err != nil {
		return w.err
	}
	for i, w := range []float64{16, 36, 10, 60, 14, 16, 16, 10, 10} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// levelSheet writes the units of one level, one row each, with every
// figure; streamed, as a province has hundreds of branches.
func levelSheet(f *excelize.File, sheet, lang string, st styles, units []levelRow) error {
	T := func(key string, args ...any) string { return Plain(i18n.T(lang, key, args...)) }
	figs := figureRows()
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	widths := []float64{16, 40, 16}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetColWidth(LColFirstFigure, LColFirstFigure+len(figs)-1, 16); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: cell(3, 2), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	header := []any{
		excelize.Cell{StyleID: st.header, Value: T("report.col.code")},
		excelize.Cell{StyleID: st.header, Value: T("report.col.unit")},
		excelize.Cell{StyleID: st.header, Value: T("report.col.parent")},
	}
	for _, r := range figs {
		header = append(header, excelize.Cell{StyleID: st.header, Value: strings.TrimSpace(T(r.label()))}) // no indent of "trong đó" in a heading
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 60}); err != nil {
		return err
	}
	values := make([]any, LColFirstFigure-1+len(figs))
	for i, u := range units {
		values[0], values[1], values[2] = u.f.Code(), u.f.Name, ""
		if u.parent != nil {
			values[2] = u.parent.Unit
		}
		for j, r := range figs {
			values[LColFirstFigure-1+j] = excelize.Cell{StyleID: valueStyle(st, r.kind, false), Value: cellValue(r.kind, r.value(u.f))}
		}
		if err := sw.SetRow(cell(1, i+2), values); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// targetStyle is the style of a target's planned and achieved cells:
// units for a per_unit target, else as its metric is written.
func targetStyle(st styles, tg youthbot.TargetProgress) int {
	switch {
	case tg.Kind == youthbot.TargetPerUnit:
		return st.count
	case tg.Metric.IsVND():
		return st.vnd
	case tg.Metric == youthbot.MetricHours || tg.Metric == youthbot.MetricPersonDays:
		return st.hours
	}
	return st.count
}

// targetKind is a target's kind, metric when not set.
func targetKind(tg youthbot.TargetProgress) youthbot.TargetKind {
	if tg.Kind == "" {
		return youthbot.TargetMetric
	}
	return tg.Kind
}
