package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/storage"
)

func TestBuildGivesEveryPartOfTheDelivery(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	var r *Report
	view(t, db, func(tx *storage.Tx) (err error) {
		r, err = Build(tx, cntt, march, hcm, "vi")
		return err
	})
	if len(r.Messages) != 1 || len(r.Chart) == 0 || len(r.Workbook) == 0 {
		t.Fatalf("got %d messages, %d bytes of chart, %d bytes of workbook", len(r.Messages), len(r.Chart), len(r.Workbook))
	}
	if r.FileName != "tally-VT-CDCD-CNTT-2024-03.xlsx" {
		t.Errorf("file name: got %q", r.FileName)
	}
	out := r.Outgoing(-100123, youthbot.LaneNotify, "tally")
	var methods []string
	for _, o := range out {
		methods = append(methods, o.Method)
		if o.Chat != -100123 || !o.Group || o.Lane != youthbot.LaneNotify || o.Params["chat_id"] != "-100123" || o.Params["parse_mode"] != "HTML" {
			t.Errorf("%s: %+v", o.Method, o)
		}
	}
	if want := []string{"sendMessage", "sendPhoto", "sendDocument"}; !slices.Equal(methods, want) {
		t.Fatalf("methods: got %v, want %v", methods, want)
	}
	if f := out[1].File; f.Field != "photo" || !bytes.Equal(f.Data, r.Chart) || f.Name != "tally-VT-CDCD-CNTT-2024-03.png" {
		t.Errorf("photo: %s %s %d bytes", f.Field, f.Name, len(f.Data))
	}
	if f := out[2].File; f.Field != "document" || f.Name != r.FileName || !bytes.Equal(f.Data, r.Workbook) {
		t.Errorf("document: %s %s %d bytes", f.Field, f.Name, len(f.Data))
	}
	if c := out[2].Params["caption"]; !strings.Contains(c, "tháng 03/2024") || !strings.Contains(c, "Chi đoàn Khoa Công nghệ thông tin") {
		t.Errorf("document caption: %q", c)
	}
}

func TestBuildIsAFunctionOfTheData(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	build := func() *Report {
		var r *Report
		view(t, db, func(tx *storage.Tx) (err error) {
			r, err = Build(tx, "HG", march, hcm, "vi")
			return err
		})
		return r
	}
	a, b := build(), build()
	if !slices.Equal(a.Messages, b.Messages) || !bytes.Equal(a.Chart, b.Chart) || !bytes.Equal(a.Workbook, b.Workbook) {
		t.Error("two builds of the same data differ")
	}
}

func TestLoadReadsOnlyWhatThePartsNeed(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tests := []struct {
		name          string
		unit          string
		parts         Parts
		prev, members bool
		bars          int
	}{
		{"FiguresOnly", cntt, 0, false, false, 0},
		{"TextOfABranch", cntt, PartText, true, true, 0},
		{"TextOfAProvince", "HG", PartText, true, false, 0},
		{"ChartOnly", cntt, PartChart, false, false, 4},
		{"WorkbookOfAProvince", "HG", PartWorkbook, false, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := load(t, db, tt.unit, march, tt.parts)
			if (tl.Prev != nil) != tt.prev || (len(tl.Members) > 0) != tt.members || len(tl.Bars) != tt.bars {
				t.Errorf("prev %v, %d members, %d bars", tl.Prev != nil, len(tl.Members), len(tl.Bars))
			}
		})
	}
	t.Run("UnknownUnit", func(t *testing.T) {
		err := db.View(func(tx *storage.Tx) error { _, err := Load(tx, "NOPE", march, hcm, PartAll); return err })
		if youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("got %v, want ENOTFOUND", err)
		}
	})
}

func TestWorkbookListsEveryMemberOfTheSubtreeInTreeOrder(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	tl := load(t, db, "HG", march, PartWorkbook)
	var units []string
	for _, m := range tl.Members {
		if len(units) == 0 || units[len(units)-1] != m.Unit {
			units = append(units, m.Unit)
		}
	}
	// Depth first, children by code: PH before VT.
	if want := []string{"PH-TB-TLA", cntt, "VT-P5-KV1"}; !slices.Equal(units, want) {
		t.Errorf("units: got %v, want %v", units, want)
	}
	// Hạnh took part in February only: still a member, with 0 in March.
	for _, m := range tl.Members {
		if m.Name == "Dương Thị Hạnh" && (m.Participations != 0 || !m.Member) {
			t.Errorf("Hạnh: %+v", m)
		}
	}
}

func TestWorkbookOfALargeUnitSaysWhereItsMembersAre(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	defer func(n int) { listLimit = n }(listLimit)
	listLimit = 9 // the province has 10 members, the district VT 8
	tests := []struct {
		unit   string
		listed int
	}{{"HG", 0}, {"VT", 8}}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			tl := load(t, db, tt.unit, march, PartAll)
			if len(tl.Members) != tt.listed {
				t.Fatalf("got %d members, want %d", len(tl.Members), tt.listed)
			}
			data, err := tl.Workbook("vi")
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a1, _ := f.GetCellValue("Đoàn viên", "A1")
			if tt.listed == 0 && !strings.Contains(a1, "Đơn vị có 10 đoàn viên: danh sách từng đoàn viên có trong báo cáo của từng đơn vị trực thuộc") {
				t.Errorf("A1: %q", a1)
			}
			if tt.listed > 0 && a1 != "STT" {
				t.Errorf("A1: %q, want the header", a1)
			}
			if v, _ := f.GetCellValue("Tổng hợp", "C4"); v == "" {
				t.Error("summary is empty")
			}
		})
	}
}

// TestBuildOfAYearIsTheYearsReport: /tally YYYY and the year's delivery
// carry the year's workbook (appendix, targets, a sheet per level, the
// members) and messages ending with the targets line.
func TestBuildOfAYearIsTheYearsReport(t *testing.T) {
	db := openDB(t)
	fixture(t, db)
	fixtureF7(t, db)
	var r *Report
	view(t, db, func(tx *storage.Tx) (err error) {
		r, err = Build(tx, "VT", youthbot.YearPeriod(2024), hcm, "vi")
		return err
	})
	if r.FileName != "tally-VT-2024.xlsx" {
		t.Errorf("file name: got %q", r.FileName)
	}
	last := Plain(r.Messages[len(r.Messages)-1])
	if !strings.HasSuffix(last, "\nđạt 1/1 chỉ tiêu (từ 160% đến 160%)") {
		t.Errorf("last message does not end with the targets line:\n%s", last)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Phụ lục số liệu", "Chỉ tiêu", "Cơ sở", "Chi đoàn", "Đoàn viên"}; !slices.Equal(got, want) {
		t.Errorf("sheets: got %v, want %v", got, want)
	}
	if got, _ := f.GetCellValue("Đoàn viên", "D2"); got != "Nguyễn Văn An" {
		t.Errorf("first member %q", got)
	}
}
