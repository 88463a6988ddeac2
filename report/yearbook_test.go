package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/storage"
)

// openBook renders tl's workbook in lang and opens it back.
func openBook(t *testing.T, tl *Tally, lang string) *excelize.File {
	t.Helper()
	data, err := tl.Workbook(lang)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not an xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func rawRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestYearWorkbookMatchesTheJSONReport opens the year's workbook back and
// checks it cell by cell against the JSON report (built apart from it): the
// appendix's figure of each child unit and the total, the targets of every
// unit of the tree, and each unit of each level with every figure.
func TestYearWorkbookMatchesTheJSONReport(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	fixtureF7(t, db)
	year := youthbot.YearPeriod(2024)
	tl := load(t, db, "HG", year, PartWorkbook)
	obj := decodeJSON(t, tl)
	for _, tt := range []struct {
		lang                              string
		sheets                            []string
		appendixTitle, total, firstFigure string
		kinds                             []string // metric, per_unit, manual
		metrics                           map[string]string
	}{
		{"vi", []string{"Phụ lục số liệu", "Chỉ tiêu", "Cấp huyện", "Cơ sở", "Chi đoàn", "Đoàn viên"},
			"PHỤ LỤC SỐ LIỆU TỔNG KẾT NĂM 2024", "Tổng cộng", "Tổng số đoàn viên", []string{"Theo số liệu", "Theo từng đơn vị", "Đơn vị tự đánh giá"},
			map[string]string{"participations": "Lượt tham gia", "hours": "Số giờ tình nguyện", "works": "Công trình thanh niên", "value_vnd": "Giá trị làm lợi"}},
		{"en", []string{"Figures", "Targets", "Districts", "Grassroots", "Branches", "Members"},
			"YEAR-END FIGURES 2024", "Total", "Members", []string{"Measured", "Every unit", "Stated by the unit"},
			map[string]string{"participations": "Participations", "hours": "Volunteer hours", "works": "Youth works", "value_vnd": "Value produced"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			f := openBook(t, tl, tt.lang)
			if got := f.GetSheetList(); !slices.Equal(got, tt.sheets) {
				t.Fatalf("sheets: got %v, want %v", got, tt.sheets)
			}
			if got := f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("active sheet %d, want the appendix", got)
			}

			// Appendix: a row per figure, a column per child and the total.
			rows := rawRows(t, f, tt.sheets[0])
			if rows[0][0] != tt.appendixTitle || rows[1][0] != "Tỉnh đoàn Hậu Giang (HG)" {
				t.Errorf("appendix title %q, unit %q", rows[0][0], rows[1][0])
			}
			cols := append(slices.Clone(obj["children"].([]any)), any(obj))
			head, codes := rows[AppendixHeaderRow-1], rows[AppendixCodeRow-1]
			if len(head) != AppendixFirstCol-1+len(cols) {
				t.Fatalf("appendix header %v: want %d columns", head, AppendixFirstCol-1+len(cols))
			}
			for i, c := range cols {
				u := c.(map[string]any)
				name := u["name"]
				if i == len(cols)-1 {
					name = tt.total
				}
				if head[AppendixFirstCol-1+i] != name || codes[AppendixFirstCol-1+i] != u["unit"] {
					t.Errorf("appendix column %d: %q (%q), want %q (%q)", AppendixFirstCol+i, head[AppendixFirstCol-1+i], codes[AppendixFirstCol-1+i], name, u["unit"])
				}
			}
			figs := figureRows()
			if len(rows) != AppendixFirstRow-1+len(figs) {
				t.Fatalf("appendix has %d rows, want %d", len(rows), AppendixFirstRow-1+len(figs))
			}
			if rows[AppendixFirstRow-1][1] != tt.firstFigure {
				t.Errorf("first figure %q, want %q", rows[AppendixFirstRow-1][1], tt.firstFigure)
			}
			for r, fig := range figs {
				row := rows[AppendixFirstRow-1+r]
				if row[0] != strconv.Itoa(r+1) || row[1] == "" {
					t.Errorf("appendix row %d: number %q, label %q", AppendixFirstRow+r, row[0], row[1])
				}
				for i, c := range cols {
					want, ok := jsonPath(c.(map[string]any), fig.key)
					if got := cellAt(row, AppendixFirstCol+i); !ok || got != fmt.Sprint(want) {
						t.Errorf("appendix %s of %v: cell %q, JSON %v", fig.key, c.(map[string]any)["unit"], got, want)
					}
				}
			}

			// Targets: every unit's, in tree order.
			var want [][]string
			jsonWalk(obj, func(u, _ map[string]any) {
				for _, tg := range u["targets"].([]any) {
					m := tg.(map[string]any)
					kind := map[any]string{"metric": tt.kinds[0], "per_unit": tt.kinds[1], "manual": tt.kinds[2]}[m["kind"]]
					text := m["text"]
					if text == "" {
						text = tt.metrics[m["metric"].(string)]
					}
					want = append(want, []string{fmt.Sprint(u["unit"]), fmt.Sprint(m["code"]), fmt.Sprint(text), kind,
						fmt.Sprint(m["target"]), fmt.Sprint(m["achieved"]), fmt.Sprint(m["percent"])})
				}
			})
			var got [][]string
			for _, r := range rawRows(t, f, tt.sheets[1])[1:] {
				got = append(got, []string{r[TColUnitCode-1], r[TColCode-1], r[TColText-1], r[TColKind-1], r[TColTarget-1], r[TColAchieved-1], r[TColPercent-1]})
			}
			if len(want) != 6 || fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("targets sheet: got %v, want %v (the fixture's 6)", got, want)
			}

			// A sheet per level: every unit of that kind, with every figure.
			levels := map[string][][]string{}
			for i, k := range []youthbot.UnitKind{youthbot.KindDistrict, youthbot.KindGrassroots, youthbot.KindBranch} {
				levels[string(k)] = rawRows(t, f, tt.sheets[2+i])[1:]
			}
			next := map[string]int{}
			jsonWalk(obj, func(u, parent map[string]any) {
				if parent == nil {
					return
				}
				kind := unitKind(t, db, u["unit"].(string))
				rows := levels[kind]
				if next[kind] >= len(rows) {
					t.Errorf("unit %v missing from the %s sheet", u["unit"], kind)
					return
				}
				row := rows[next[kind]]
				next[kind]++
				if row[LColCode-1] != u["unit"] || row[LColUnit-1] != u["name"] || row[LColParent-1] != parent["unit"] {
					t.Errorf("%s sheet: row %v, want unit %v of %v", kind, row[:3], u["unit"], parent["unit"])
				}
				for j, fig := range figs {
					want, _ := jsonPath(u, fig.key)
					if got := cellAt(row, LColFirstFigure+j); got != fmt.Sprint(want) {
						t.Errorf("%s sheet %v %s: cell %q, JSON %v", kind, u["unit"], fig.key, got, want)
					}
				}
			})
			for k, rows := range levels {
				if next[k] != len(rows) {
					t.Errorf("%s sheet has %d rows, the tree %d units of that kind", k, len(rows), next[k])
				}
			}
		})
	}
}

// TestYearWorkbookOfABranch has no sheet of levels below, and its appendix
// only the total column.
func TestYearWorkbookOfABranch(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	f := openBook(t, load(t, db, cntt, youthbot.YearPeriod(2024), PartWorkbook), "vi")
	if got, want := f.GetSheetList(), []string{"Phụ lục số liệu", "Chỉ tiêu", "Đoàn viên"}; !slices.Equal(got, want) {
		t.Errorf("sheets: got %v, want %v", got, want)
	}
	rows := rawRows(t, f, "Phụ lục số liệu")
	if got := rows[AppendixHeaderRow-1]; len(got) != AppendixFirstCol || got[AppendixFirstCol-1] != "Tổng cộng" {
		t.Errorf("header %v: want the total only", got)
	}
	if got := rows[AppendixFirstRow-1][AppendixFirstCol-1]; got != "5" {
		t.Errorf("members total %q, want 5", got)
	}
	if got, _ := f.GetCellValue("Chỉ tiêu", "A2"); got != "Chưa giao chỉ tiêu" {
		t.Errorf("targets sheet A2 %q: want no targets", got)
	}
}

func unitKind(t *testing.T, db *storage.DB, code string) string {
	t.Helper()
	var u youthbot.Unit
	view(t, db, func(tx *storage.Tx) (err error) { u, err = tx.Unit(code); return err })
	return string(u.Kind)
}
