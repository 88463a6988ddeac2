package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
)

// productKeys are the keys of the JSON report (figuresJSON documents them),
// which scripts read: a public interface.
var productKeys = []string{"unit", "name", "members_total", "members_active", "members_new", "participations",
	"participations_pending", "hours", "value_vnd", "participations_by", "person_days", "activities_held", "support_vnd",
	"beneficiaries", "works_completed", "tasks_completed", "works_by_level", "tasks_by_level", "targets", "targets_met",
	"targets_total", "targets_percent_min", "targets_percent_max", "breakthroughs_registered", "breakthroughs_completed",
	"models", "children", "tree"} // "dissolved" only for a unit that ceased (F8)

// productObjects are the keys of the JSON report's nested objects, and of
// the entries of its lists.
var productObjects = map[string][]string{
	"participations_by": {"members", "residents", "students", "youth"},
	"works_by_level":    {"branch", "district", "grassroots", "province"},
	"tasks_by_level":    {"branch", "district", "grassroots", "province"},
	"models":            {"doan", "doi"},
	"beneficiaries":     {"group", "people", "value_vnd"},
	"targets":           {"achieved", "code", "kind", "metric", "percent", "target", "text"},
}

func decodeJSON(t *testing.T, tl *Tally) map[string]any {
	t.Helper()
	data, err := tl.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // numbers as written, to compare with cells
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("report JSON does not decode: %v", err)
	}
	return m
}

func TestJSONHasExactlyTheKeysOfProduct(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	check := func(t *testing.T, obj map[string]any, when string) {
		t.Helper()
		want := append(slices.Clone(productKeys), when)
		slices.Sort(want)
		got := slices.Sorted(maps.Keys(obj))
		if !slices.Equal(got, want) {
			t.Errorf("keys of %v:\n got %v\nwant %v", obj["unit"], got, want)
		}
		for key, want := range productObjects {
			var objs []any
			switch v := obj[key].(type) {
			case []any:
				objs = v
			case map[string]any:
				objs = []any{v}
			default:
				t.Errorf("%v %s: %T, want an object or a list", obj["unit"], key, v)
			}
			for _, o := range objs {
				if got := slices.Sorted(maps.Keys(o.(map[string]any))); !slices.Equal(got, want) {
					t.Errorf("%v %s keys: got %v, want %v", obj["unit"], key, got, want)
				}
			}
		}
	}
	tests := []struct {
		name, unit string
		p          youthbot.Period
		when       string
		whenValue  any
	}{
		{"Month", "HG", march, "month", "2024-03"},
		{"Year", "HG", youthbot.YearPeriod(2024), "year", json.Number("2024")},
		{"Branch", cntt, march, "month", "2024-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obj := decodeJSON(t, load(t, db, tt.unit, tt.p, PartTree))
			check(t, obj, tt.when)
			if obj[tt.when] != tt.whenValue {
				t.Errorf("%s: got %v, want %v", tt.when, obj[tt.when], tt.whenValue)
			}
			jsonWalk(obj, func(u, _ map[string]any) { check(t, u, tt.when) })
		})
	}
	t.Run("TargetsEmptyWhenNone", func(t *testing.T) {
		obj := decodeJSON(t, load(t, db, cntt, march, PartTree))
		if tg, ok := obj["targets"].([]any); !ok || len(tg) != 0 {
			t.Errorf("targets: got %#v, want []", obj["targets"])
		}
	})
	t.Run("Figures", func(t *testing.T) {
		obj := decodeJSON(t, load(t, db, "HG", march, PartTree))
		want := map[string]string{"members_total": "10", "members_active": "6", "members_new": "1", "participations": "8",
			"participations_pending": "1", "hours": "17.5", "value_vnd": "26000000", "works_completed": "1", "tasks_completed": "1",
			"targets_met": "2", "targets_total": "3"}
		for k, v := range want {
			if fmt.Sprint(obj[k]) != v {
				t.Errorf("%s: got %v, want %v", k, obj[k], v)
			}
		}
	})
}

func TestCSVHasAHeaderAndOneRowPerUnit(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tl := load(t, db, "HG", march, PartTree)
	var buf bytes.Buffer
	if err := tl.CSV(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	if !strings.HasPrefix(data, "\uFEFF") {
		t.Fatalf("CSV does not start with the UTF-8 BOM: %q", data[:min(len(data), 10)])
	}
	if !strings.Contains(data, "\r\n") {
		t.Error("CSV lines do not end with CRLF")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[0], CSVHeader(march); !slices.Equal(got, want) {
		t.Errorf("header: got %v, want %v", got, want)
	}
	// One row per unit of the JSON report's tree, in its order, each
	// column the JSON value of its (dotted) key.
	obj := decodeJSON(t, tl)
	var units, parents []map[string]any
	jsonWalk(obj, func(u, parent map[string]any) { units, parents = append(units, u), append(parents, parent) })
	if len(units) != 12 || len(rows) != 1+len(units) {
		t.Fatalf("got %d rows, want header + %d units (the demo's 12)", len(rows), len(units))
	}
	for i, u := range units {
		row := map[string]string{}
		for j, h := range rows[0] {
			row[h] = rows[i+1][j]
		}
		parent := ""
		if parents[i] != nil {
			parent = parents[i]["unit"].(string)
		}
		if row["parent"] != parent || row["month"] != "2024-03" {
			t.Errorf("row %d: parent %q month %q, want %q", i+1, row["parent"], row["month"], parent)
		}
		for _, k := range rows[0][4:] {
			v, ok := jsonPath(u, k)
			if !ok {
				t.Errorf("CSV column %s is no key of the JSON report", k)
			} else if fmt.Sprint(v) != row[k] {
				t.Errorf("row %d %s: CSV %q, JSON %v", i+1, k, row[k], v)
			}
		}
	}
	if rows[1][1] != "Tỉnh đoàn Hậu Giang" {
		t.Errorf("name: got %q", rows[1][1])
	}
}

func TestWorkbookMatchesTheJSONReport(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	fixtureF7(t, db)
	for _, p := range []youthbot.Period{march, youthbot.MonthPeriod(2024, time.February)} { // a year's: yearbook_test.go
		t.Run(p.String(), func(t *testing.T) {
			tl := load(t, db, "HG", p, PartWorkbook|PartTree)
			data, err := tl.Workbook("vi")
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not an xlsx: %v", err)
			}
			defer f.Close()
			if got, want := f.GetSheetList(), []string{"Tổng hợp", "Đoàn viên", "Chỉ tiêu"}; !slices.Equal(got, want) {
				t.Errorf("sheets: got %v, want %v", got, want)
			}
			if got := f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("active sheet %d, want the summary", got)
			}
			obj := decodeJSON(t, tl)
			units := []map[string]any{obj}
			for _, c := range obj["children"].([]any) {
				units = append(units, c.(map[string]any))
			}
			rows, err := f.GetRows("Tổng hợp", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != SummaryFirstRow-1+len(units) {
				t.Fatalf("summary has %d rows, want %d", len(rows), SummaryFirstRow-1+len(units))
			}
			cols := map[int]string{ColCode: "unit", ColUnit: "name", ColMembers: "members_total", ColActive: "members_active",
				ColNew: "members_new", ColParticipations: "participations", ColPending: "participations_pending", ColHours: "hours",
				ColValue: "value_vnd", ColWorks: "works_completed", ColTasks: "tasks_completed"}
			for i, u := range units {
				row := rows[SummaryFirstRow-1+i]
				for col, key := range cols {
					if got, want := row[col-1], fmt.Sprint(u[key]); got != want {
						t.Errorf("summary row %d %s: cell %q, JSON %q", SummaryFirstRow+i, key, got, want)
					}
				}
				met := ""
				if n := num(u["targets_total"]); n > 0 {
					met = fmt.Sprintf("%v/%v", u["targets_met"], n)
				}
				if got := cellAt(row, ColTargetsMet); got != met {
					t.Errorf("summary row %d targets met: cell %q, want %q", SummaryFirstRow+i, got, met)
				}
				for j, fig := range summaryF7() {
					want, ok := jsonPath(u, fig.key)
					if got := cellAt(row, ColF7+j); !ok || got != fmt.Sprint(want) {
						t.Errorf("summary row %d %s: cell %q, JSON %v", SummaryFirstRow+i, fig.key, got, want)
					}
				}
			}

			// The members sheet adds up to the unit's figures.
			members, err := f.GetRows("Đoàn viên", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			var part, pending, listed int
			var hours float64
			for _, r := range members[1:] {
				n, _ := strconv.Atoi(r[MColParticipations-1])
				q, _ := strconv.Atoi(r[MColPending-1])
				h, _ := strconv.ParseFloat(r[MColHours-1], 64)
				part, pending, hours = part+n, pending+q, hours+h
				if !strings.Contains(cellAt(r, MColNote), "Không còn sinh hoạt") {
					listed++
				}
			}
			// Members' own participations: the JSON's less every head count.
			heads := 0.0
			for _, r := range f7Records {
				if p.Contains(youthbot.Date{Year: 2024, Month: r.month, Day: r.day}) {
					heads += r.adds["participations"]
				}
			}
			if part != int(num(obj["participations"])-heads) || pending != int(num(obj["participations_pending"])) || hours != num(obj["hours"]) {
				t.Errorf("members sheet sums to %d participations, %d pending, %v hours; JSON %v (%v head counts), %v, %v",
					part, pending, hours, obj["participations"], heads, obj["participations_pending"], obj["hours"])
			}
			if listed != int(num(obj["members_total"])) {
				t.Errorf("members sheet lists %d members, JSON members_total %v", listed, obj["members_total"])
			}

			// Targets: the unit's then the children's.
			targets, err := f.GetRows("Chỉ tiêu", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			var want [][]string
			for _, u := range units {
				for _, tg := range u["targets"].([]any) {
					m := tg.(map[string]any)
					want = append(want, []string{fmt.Sprint(u["unit"]), fmt.Sprint(m["target"]), fmt.Sprint(m["achieved"]), fmt.Sprint(m["percent"])})
				}
			}
			var got [][]string
			for _, r := range targets[1:] {
				got = append(got, []string{r[0], r[3], r[4], r[5]})
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("targets sheet: got %v, want %v", got, want)
			}
		})
	}
}

// num reads a JSON number decoded with UseNumber.
func num(v any) float64 {
	f, err := v.(json.Number).Float64()
	if err != nil {
		panic(err)
	}
	return f
}

func cellAt(row []string, col int) string {
	if col-1 < len(row) {
		return row[col-1]
	}
	return ""
}

func TestWorkbookIsFormattedAsUnionOfficesExpect(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	data, err := load(t, db, cntt, march, PartWorkbook).Workbook("vi")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bold := func(sheet, cell string) bool {
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Font != nil && st.Font.Bold
	}
	numFmt := func(sheet, cell string) string {
		id, _ := f.GetCellStyle(sheet, cell)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil {
			return ""
		}
		return *st.CustomNumFmt
	}
	tests := []struct {
		name      string
		got, want any
	}{
		{"SummaryHeaderBold", bold("Tổng hợp", "A3"), true},
		{"MembersHeaderBold", bold("Đoàn viên", "D1"), true},
		{"ValueIsVND", numFmt("Tổng hợp", "I4"), `#,##0 "đ"`},
		{"CountsGrouped", numFmt("Tổng hợp", "F4"), "#,##0"},
		{"Title", must(f.GetCellValue("Tổng hợp", "A1")), "BÁO CÁO KẾT QUẢ THÁNG 03/2024"},
		{"FirstMemberInVietnameseOrder", must(f.GetCellValue("Đoàn viên", "D2")), "Nguyễn Văn An"},
		{"SecondMember", must(f.GetCellValue("Đoàn viên", "D3")), "Phạm Thị Ánh"},
		{"NoteOfANewInactiveMember", must(f.GetCellValue("Đoàn viên", "H3")), "Đăng ký mới trên bot; Chưa tham gia"},
		{"NoteOfABlockedMember", must(f.GetCellValue("Đoàn viên", "H5")), "Đã chặn bot"},
		{"HTMLInANameKeptAsIs", must(f.GetCellValue("Đoàn viên", "D4")), "Ân <Hai> & Ba"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}
	for _, sheet := range []string{"Tổng hợp", "Đoàn viên", "Chỉ tiêu"} {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit == 0 {
			t.Errorf("%s: header not frozen: %+v", sheet, panes)
		}
		if w, err := f.GetColWidth(sheet, "B"); err != nil || w < 15 {
			t.Errorf("%s: column B width %v (%v), want set", sheet, w, err)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
