package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"youthbot"
	"youthbot/i18n"
)

func d(y, m, day int) youthbot.Date { return youthbot.Date{Year: y, Month: time.Month(m), Day: day} }

func TestReadEverySheet(t *testing.T) {
	b := mustRead(t,
		sheetRows{"DonVi", [][]any{
			{"Mã đơn vị", "Tên đơn vị", "Mã cấp trên", "Cấp"},
			{"hg", "Tỉnh đoàn Hậu Giang", nil, "tinh"},
			{" vt ", "Thành đoàn Vị Thanh", "HG", "Huyện"},
			{"VT_P1", "Đoàn phường 1", "VT", "co so"},
			{"VT_P1_B1", "Chi đoàn khu vực 1", "vt_p1", "BRANCH"},
		}},
		sheetRows{"DoanVien", [][]any{
			{"HO_TEN", "NGAY_SINH", "MA_CHI_DOAN", "SO_DIEN_THOAI", "Ngày vào Đoàn", "Giới tính"},
			{"Nguyễn  Văn An", "15/03/2000", "VT_P1_B1", "0912 345 678", time.Date(2016, 3, 26, 0, 0, 0, 0, time.UTC), "nam"},
			{"Trần Thị Bình", dateCell(36892), "VT_P1_B1", 912345679, nil, "Nữ"}, // 36892 is 01/01/2001
		}},
		sheetRows{"Hoạt động", [][]any{
			{"Mã", "Tên", "Loại", "Mã đơn vị", "Ngày", "Ngày bắt đầu", "Trạng thái", "Cấp công nhận", "Chiến dịch",
				"Giá trị làm lợi", "Kinh phí hỗ trợ", "Lượt đoàn viên", "Lượt thanh niên", "Lượt học sinh", "Lượt nhân dân", "Ngày công", "Ghi chú"},
			{"ct-01", "Đường giao thông nông thôn", "ct", "VT", "20/07/2023", "2023-06-01", nil, "tinh", "Mùa hè xanh",
				"26.000.000", 1500000, nil, nil, nil, nil, "15,5", "ghi chú bỏ qua"},
			{"PV-01", "Thắp sáng đường quê", "pv", "VT_P1", time.Date(2023, 8, 2, 0, 0, 0, 0, time.UTC), nil, "đang thực hiện", nil, nil,
				nil, nil, nil, nil, nil, nil, nil},
			{"HD-01", "Hiến máu tình nguyện", "hd", "VT_P1_B1", "01/02/2023", nil, "hoan_thanh", nil, nil,
				"2,5 tỷ", nil, 12, "30", "1.234", 5, 2.5},
		}},
		sheetRows{"HuongLoi", [][]any{
			{"ma_hoat_dong", "doi_tuong", "so_nguoi", "tri_gia"},
			{"HD-01", "thiếu nhi", 120, "15.512.300"},
			{"hd-01", "households", "3", nil},
		}},
		sheetRows{"ChiTieu", [][]any{
			{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri", "dat"},
			{2023, "HG", "CT01", "Thực hiện 300 công trình", nil, "works", nil, 300, nil},
			{"2023", "HG", "CT02", "Mỗi chi đoàn ít nhất 01 phần việc", "per_unit", "phần việc", "chi_doan", 1, nil},
			{2023, "HG", "CT03", "Kết nạp mới 4.500 đoàn viên", "manual", nil, nil, "4.500", "5.000"},
			{2023, "HG", "CT04", "Hỗ trợ 60.000 thiếu nhi", "metric", "beneficiaries:thieu_nhi", nil, 60000, nil},
			{2023, "HG", "CT05", "Giới thiệu đoàn viên ưu tú", "manual", nil, nil, 100, nil},
		}},
		sheetRows{"NhiemVuDotPha", [][]any{
			{"nam", "ma_don_vi", "noi_dung", "trang_thai"},
			{2023, "HG", "Chuyển đổi số", "hoàn thành"},
			{2023, "HG", "Khởi nghiệp", nil},
		}},
		sheetRows{"MoHinh", [][]any{
			{"nam", "ma_don_vi", "ten", "linh_vuc"},
			{2023, "VT", "Tủ sách thiếu nhi", "doi"},
			{2023, "VT", "Cánh đồng thanh niên", nil},
		}},
		sheetRows{"ThayDoiDonVi", [][]any{
			{"ngay_hieu_luc", "loai", "ma_don_vi", "ma_dich", "ten_moi", "cap", "so_quyet_dinh"},
			{"01/07/2027", "thanh_lap", "VT_P2", "VT", "Đoàn phường 2", "co_so", "368-QĐ/TĐTN-TCKT"},
			{"01/01/2026", "sap_nhap", "VT_P1", "VT_P2", nil, nil, nil},
		}},
		sheetRows{"Ghi chú", [][]any{{"anything", "at", "all"}, {1, 2, 3}}},
	)
	want := &Book{
		Units: []UnitRow{
			{Row: 2, Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince},
			{Row: 3, Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: youthbot.KindDistrict},
			{Row: 4, Code: "VT_P1", Name: "Đoàn phường 1", Parent: "VT", Kind: youthbot.KindGrassroots},
			{Row: 5, Code: "VT_P1_B1", Name: "Chi đoàn khu vực 1", Parent: "VT_P1", Kind: youthbot.KindBranch},
		},
		Members: []MemberRow{
			{Row: 2, FullName: "Nguyễn Văn An", Birth: d(2000, 3, 15), Branch: "VT_P1_B1", Phone: "+84912345678", Joined: d(2016, 3, 26), JoinedSet: true, Gender: Male},
			{Row: 3, FullName: "Trần Thị Bình", Birth: d(2001, 1, 1), Branch: "VT_P1_B1", Phone: "+84912345679", Gender: Female},
		},
		Activities: []ActivityRow{
			{Row: 2, Code: "CT-01", Title: "Đường giao thông nông thôn", Kind: KindWork, Unit: "VT", Date: d(2023, 7, 20), Start: d(2023, 6, 1),
				Done: true, Level: youthbot.KindProvince, Campaign: "Mùa hè xanh", ValueVND: 26_000_000, SupportVND: 1_500_000, PersonDayTenths: 155},
			{Row: 3, Code: "PV-01", Title: "Thắp sáng đường quê", Kind: KindTask, Unit: "VT_P1", Date: d(2023, 8, 2)},
			{Row: 4, Code: "HD-01", Title: "Hiến máu tình nguyện", Kind: KindActivity, Unit: "VT_P1_B1", Date: d(2023, 2, 1), Done: true,
				ValueVND: 2_500_000_000, Heads: HeadCounts{Members: 12, Youth: 30, Students: 1234, Residents: 5}, PersonDayTenths: 25},
		},
		Beneficiaries: []BeneficiaryRow{
			{Row: 2, Activity: "HD-01", Group: GroupChildren, People: 120, ValueVND: 15_512_300, InBook: true},
			{Row: 3, Activity: "HD-01", Group: GroupHouseholds, People: 3, InBook: true},
		},
		Targets: []TargetRow{
			{Row: 2, Year: 2023, Unit: "HG", Code: "CT01", Text: "Thực hiện 300 công trình", Kind: TargetMetric, Metric: "works", Value: 300},
			{Row: 3, Year: 2023, Unit: "HG", Code: "CT02", Text: "Mỗi chi đoàn ít nhất 01 phần việc", Kind: TargetPerUnit, Metric: "tasks", UnitKind: youthbot.KindBranch, Value: 1},
			{Row: 4, Year: 2023, Unit: "HG", Code: "CT03", Text: "Kết nạp mới 4.500 đoàn viên", Kind: TargetManual, Value: 4500, Achieved: 5000, AchievedSet: true},
			{Row: 5, Year: 2023, Unit: "HG", Code: "CT04", Text: "Hỗ trợ 60.000 thiếu nhi", Kind: TargetMetric, Metric: "beneficiaries:children", Value: 60000},
			{Row: 6, Year: 2023, Unit: "HG", Code: "CT05", Text: "Giới thiệu đoàn viên ưu tú", Kind: TargetManual, Value: 100},
		},
		Breakthroughs: []BreakthroughRow{
			{Row: 2, Year: 2023, Unit: "HG", Text: "Chuyển đổi số", Done: true},
			{Row: 3, Year: 2023, Unit: "HG", Text: "Khởi nghiệp"},
		},
		Models: []ModelRow{
			{Row: 2, Year: 2023, Unit: "VT", Name: "Tủ sách thiếu nhi", Field: FieldDoi},
			{Row: 3, Year: 2023, Unit: "VT", Name: "Cánh đồng thanh niên", Field: FieldDoan},
		},
		Changes: []ChangeRow{
			{Row: 2, Date: d(2027, 7, 1), Kind: ChangeFound, Unit: "VT_P2", Target: "VT", NewName: "Đoàn phường 2", UnitKind: youthbot.KindGrassroots, Decision: "368-QĐ/TĐTN-TCKT"},
			{Row: 3, Date: d(2026, 1, 1), Kind: ChangeMerge, Unit: "VT_P1", Target: "VT_P2"},
		},
		Sheets: []string{"DonVi", "DoanVien", "Hoạt động", "HuongLoi", "ChiTieu", "NhiemVuDotPha", "MoHinh", "ThayDoiDonVi"},
	}
	for _, f := range []string{"Units", "Members", "Activities", "Beneficiaries", "Targets", "Breakthroughs", "Models", "Changes", "Sheets"} {
		got, w := reflect.ValueOf(b).Elem().FieldByName(f).Interface(), reflect.ValueOf(want).Elem().FieldByName(f).Interface()
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", f, got, w)
		}
	}
}

func TestHeadingsMatchWithoutCaseDiacriticsSpacesOrUnderscores(t *testing.T) {
	for _, h := range [][]string{
		{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap"},
		{"MA_DON_VI", "TEN_DON_VI", "MA_CAP_TREN", "CAP"},
		{"Mã đơn vị", "Tên đơn vị", "Mã cấp trên", "Cấp"},
		{"ma don vi", "ten  don vi", "Ma Cap Tren", " cap "},
		{"MÃ ĐƠN VỊ (*)", "Tên Đơn Vị *", "mã-cấp-trên", "CẤP"},
		{"cap", "ma cap tren", "ten don vi", "ma don vi"}, // any order
	} {
		t.Run(h[0], func(t *testing.T) {
			row := []any{"HG", "Tỉnh đoàn Hậu Giang", nil, "tinh"}
			if h[0] == "cap" {
				row = []any{"tinh", nil, "Tỉnh đoàn Hậu Giang", "HG"}
			}
			b := mustRead(t, sheetRows{"Đơn vị", [][]any{{h[0], h[1], h[2], h[3]}, row}})
			want := []UnitRow{{Row: 2, Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince}}
			if !reflect.DeepEqual(b.Units, want) {
				t.Errorf("Units = %+v, want %+v", b.Units, want)
			}
		})
	}
	b := mustRead(t, sheetRows{"DoanVien", [][]any{{"Họ tên", "Ngày sinh", "Mã chi đoàn", "Ngày vào Đoàn"}, {"Lê Văn Cường", "02/09/1999", "B1", "26/03/2015"}}})
	if m := b.Members[0]; !m.JoinedSet || m.Joined != d(2015, 3, 26) {
		t.Errorf("Ngày vào Đoàn read as %+v", m)
	}
}

func TestEmptyRowsAndOtherSheetsAreSkipped(t *testing.T) {
	b := mustRead(t,
		sheetRows{"Sheet1", [][]any{{"not", "ours"}}},
		sheetRows{"DonVi", [][]any{
			{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap", "Ghi chú"},
			{nil, nil, nil, nil},
			{"HG", "Tỉnh đoàn", nil, "tinh"},
			{"  ", "", nil, nil},
			nil, nil,
			{nil, nil, nil, nil, "ghi chú: một dòng chỉ có ghi chú"},
			{"VT", "Thành đoàn", "HG", "huyen"},
		}})
	if len(b.Units) != 2 || b.Units[0].Row != 3 || b.Units[1].Row != 8 {
		t.Errorf("Units = %+v, want rows 3 and 8", b.Units)
	}
	if !reflect.DeepEqual(b.Sheets, []string{"DonVi"}) {
		t.Errorf("Sheets = %v, want [DonVi]", b.Sheets)
	}
}

var (
	unitsHead    = []any{"ma_don_vi", "ten_don_vi", "ma_cap_tren", "cap"}
	activityHead = []any{"ma", "ten", "loai", "ma_don_vi", "ngay", "ngay_bat_dau", "trang_thai", "cap_cong_nhan", "chien_dich",
		"gia_tri_lam_loi", "kinh_phi_ho_tro", "luot_doan_vien", "luot_thanh_nien", "luot_hoc_sinh", "luot_nhan_dan", "ngay_cong"}
	targetHead = []any{"nam", "ma_don_vi", "ma", "noi_dung", "loai", "chi_so", "cap_don_vi", "gia_tri", "dat"}
)

// act is a HoatDong row: the given cells by column name, the rest empty.
func act(cells map[string]any) []any {
	row := make([]any, len(activityHead))
	base := map[string]any{"ma": "HD1", "ten": "Hiến máu", "loai": "hd", "ma_don_vi": "B1", "ngay": "01/02/2023"}
	for i, h := range activityHead {
		if v, ok := cells[h.(string)]; ok {
			row[i] = v
		} else {
			row[i] = base[h.(string)]
		}
	}
	return row
}

func TestBadRowsAreRefusedWithSheetRowAndColumn(t *testing.T) {
	tests := []struct {
		name   string
		sheets []sheetRows
		want   []string
	}{
		{"ImpossibleDate", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"ngay": "31/02/2023"})}}},
			[]string{"HoatDong!2: ngay: there is no date «31/02/2023»"}},
		{"NotADate", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"ngay": "hôm qua"})}}},
			[]string{"HoatDong!2: ngay: «hôm qua» is not a date"}},
		{"FutureDate", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"ngay": "02/12/2026"})}}},
			[]string{"HoatDong!2: ngay: 02/12/2026 is after today (01/12/2026)"}},
		{"FutureDateCell", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"ngay": time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)})}}},
			[]string{"HoatDong!2: ngay: 01/01/2027 is after today"}},
		{"NegativeHeadCount", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"luot_thanh_nien": -5})}}},
			[]string{"HoatDong!2: luot_thanh_nien: -5 is negative"}},
		{"AbsurdHeadCount", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"luot_nhan_dan": "150.000"})}}},
			[]string{"HoatDong!2: luot_nhan_dan: 150.000 is too large (at most 100.000)"}},
		{"AbsurdHeadCountsTogether", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"luot_doan_vien": 60000, "luot_nhan_dan": 50000})}}},
			[]string{"HoatDong!2: luot_doan_vien: 110.000 participations in all, more than 100.000"}},
		{"TextInANumberColumn", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"gia_tri_lam_loi": "nhiều lắm"})}}},
			[]string{"HoatDong!2: gia_tri_lam_loi: «nhiều lắm» is not a whole number"}},
		{"FractionOfAPerson", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"luot_hoc_sinh": 12.5})}}},
			[]string{"HoatDong!2: luot_hoc_sinh: «12.5» is not a whole number"}},
		{"UnknownKind", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"loai": "xyz"})}}},
			[]string{"HoatDong!2: loai: «xyz» is not valid; use ct, pv, hd"}},
		{"RequiredCellEmpty", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"ten": " "})}}},
			[]string{"HoatDong!2: ten: empty, but required"}},
		{"RequiredColumnMissing", []sheetRows{{"DonVi", [][]any{{"ma_don_vi", "cap"}, {"HG", "tinh"}}}},
			[]string{"DonVi!1: ten_don_vi: required column missing from row 1"}},
		{"ColumnTwice", []sheetRows{{"DonVi", [][]any{{"ma_don_vi", "ten_don_vi", "cap", "Mã đơn vị"}, {"HG", "Tỉnh", "tinh", "HG"}}}},
			[]string{"DonVi!1: ma_don_vi: the column is in row 1 twice (columns A and D)"}},
		{"BadUnitCode", []sheetRows{{"DonVi", [][]any{unitsHead, {"HG-1", "Tỉnh", nil, "tinh"}, {"ABCDEFGHIJKLMNOPQ", "Tỉnh", nil, "tinh"}}}},
			[]string{"DonVi!2: ma_don_vi: «HG-1» is not a unit code", "DonVi!3: ma_don_vi: «ABCDEFGHIJKLMNOPQ» is not a unit code"}},
		{"DuplicateUnit", []sheetRows{{"DonVi", [][]any{unitsHead, {"HG", "Tỉnh", nil, "tinh"}, {"VT", "TP", "HG", "huyen"}, {"hg", "Tỉnh 2", nil, "tinh"}}}},
			[]string{"DonVi!4: ma_don_vi: the same as row 2"}},
		{"CycleInDonVi", []sheetRows{{"DonVi", [][]any{unitsHead, {"HG", "Tỉnh", nil, "tinh"}, {"A", "A", "C", "huyen"}, {"B", "B", "A", "co_so"}, {"C", "C", "B", "co_so"}}}},
			[]string{"DonVi!3: ma_cap_tren: units A → C → B → A form a cycle"}},
		{"OwnParent", []sheetRows{{"DonVi", [][]any{unitsHead, {"HG", "Tỉnh", "HG", "tinh"}}}},
			[]string{"DonVi!2: ma_cap_tren: unit HG cannot be its own parent"}},
		{"ChildOfABranch", []sheetRows{{"DonVi", [][]any{unitsHead, {"B1", "Chi đoàn", nil, "chi_doan"}, {"B2", "Chi đoàn 2", "B1", "chi_doan"}}}},
			[]string{"DonVi!3: ma_cap_tren: parent B1 is a branch"}},
		{"MemberOfANonBranch", []sheetRows{
			{"DonVi", [][]any{unitsHead, {"HG", "Tỉnh", nil, "tinh"}}},
			{"DoanVien", [][]any{{"ho_ten", "ngay_sinh", "ma_chi_doan"}, {"Lê Văn Cường", "02/09/1999", "HG"}}}},
			[]string{"DoanVien!2: ma_chi_doan: unit HG is not a branch"}},
		{"DuplicateMember", []sheetRows{{"DoanVien", [][]any{{"ho_ten", "ngay_sinh", "ma_chi_doan"},
			{"Lê Văn Cường", "02/09/1999", "B1"}, {"Le Van Cuong", dateCell(36405), "b1"}}}}, // 36405 is 02/09/1999
			[]string{"DoanVien!3: ma_chi_doan+ho_ten+ngay_sinh: the same as row 2"}},
		{"BadPhone", []sheetRows{{"DoanVien", [][]any{{"ho_ten", "ngay_sinh", "ma_chi_doan", "so_dien_thoai"}, {"Lê Văn Cường", "02/09/1999", "B1", "12345"}}}},
			[]string{"DoanVien!2: so_dien_thoai: «12345» is not a Vietnamese phone number"}},
		{"HuongLoiNamingNoHoatDong", []sheetRows{
			{"HoatDong", [][]any{activityHead, act(nil)}},
			{"HuongLoi", [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi"}, {"HD1", "thieu_nhi", 10}, {"HD9", "thieu_nhi", 10}}}},
			[]string{"HuongLoi!3: ma_hoat_dong: no row of sheet HoatDong has ma «HD9»"}},
		{"DuplicateBeneficiary", []sheetRows{
			{"HoatDong", [][]any{activityHead, act(nil)}},
			{"HuongLoi", [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi"}, {"HD1", "thieu_nhi", 10}, {"HD1", "children", 12}}}},
			[]string{"HuongLoi!3: ma_hoat_dong+doi_tuong: the same as row 2"}},
		{"PerUnitWithoutCap", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "Mỗi chi đoàn 1 phần việc", "per_unit", "tasks", nil, 1, nil}}}},
			[]string{"ChiTieu!2: cap_don_vi: required for a per_unit target"}},
		{"MetricWithoutMetric", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "300 công trình", nil, nil, nil, 300, nil}}}},
			[]string{"ChiTieu!2: chi_so: required unless the target is manual"}},
		{"UnknownMetric", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "300 công trình", nil, "beneficiaries:dogs", nil, 300, nil}}}},
			[]string{"ChiTieu!2: chi_so: «beneficiaries:dogs» is not valid"}},
		{"PerUnitKindNotBelow", []sheetRows{
			{"DonVi", [][]any{unitsHead, {"VT", "TP", nil, "huyen"}}},
			{"ChiTieu", [][]any{targetHead, {2023, "VT", "CT01", "Mỗi huyện", "per_unit", "tasks", "huyen", 1, nil}}}},
			[]string{"ChiTieu!2: cap_don_vi: kind district is not below unit VT"}},
		{"DuplicateTarget", []sheetRows{{"ChiTieu", [][]any{targetHead,
			{2023, "HG", "CT01", "a", "manual", nil, nil, 1, nil}, {2024, "HG", "CT01", "a", "manual", nil, nil, 1, nil}, {"2023", "hg", "ct01", "b", "manual", nil, nil, 1, nil}}}},
			[]string{"ChiTieu!4: nam+ma_don_vi+ma: the same as row 2"}},
		{"BadYear", []sheetRows{{"MoHinh", [][]any{{"nam", "ma_don_vi", "ten"}, {2027, "HG", "Mô hình"}, {"năm nay", "HG", "Mô hình"}}}},
			[]string{"MoHinh!2: nam: «2027» is not a year from 1950 to 2026", "MoHinh!3: nam: «năm nay» is not a year"}},
		{"ChangeWithoutItsTarget", []sheetRows{{"ThayDoiDonVi", [][]any{{"ngay_hieu_luc", "loai", "ma_don_vi", "ma_dich"}, {"01/01/2025", "chuyen", "VT", nil}}}},
			[]string{"ThayDoiDonVi!2: ma_dich: required for a change chuyen"}},
		{"SheetTwice", []sheetRows{{"DonVi", [][]any{unitsHead}}, {"Đơn vị", [][]any{unitsHead}}},
			[]string{"Đơn vị: this sheet and sheet «DonVi» are both DonVi"}},
		{"NoSheetToImport", []sheetRows{{"Sheet1", [][]any{{"a"}}}},
			[]string{"no sheet to import"}},
		{"EveryProblemOfARow", []sheetRows{{"HoatDong", [][]any{activityHead,
			act(map[string]any{"ma": "?", "loai": "x", "ngay": "32/01/2023", "luot_doan_vien": -1})}}},
			[]string{"HoatDong!2: ma: «?» is not a code", "HoatDong!2: loai:", "HoatDong!2: ngay:", "HoatDong!2: luot_doan_vien: -1 is negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := read(t, build(t, tt.sheets...), Options{})
			if b != nil {
				t.Errorf("Read returned a Book with its error")
			}
			wantProblems(t, err, tt.want...)
		})
	}
}

func TestKnownActivityAcceptsAHuongLoiRowOfTheDatabase(t *testing.T) {
	data := build(t, sheetRows{"HuongLoi", [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi"}, {"hd9", "thieu_nhi", 10}, {"HD8", "thieu_nhi", 10}}})
	b, err := read(t, data, Options{KnownActivity: func(code string) bool { return code == "HD9" }})
	wantProblems(t, err, "HuongLoi!3: ma_hoat_dong: no row of sheet HoatDong has ma «HD8»")
	if b != nil {
		t.Fatal("a Book with the error")
	}
	data = build(t, sheetRows{"HuongLoi", [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi"}, {"hd9", "thieu_nhi", 10}}})
	b, err = read(t, data, Options{KnownActivity: func(code string) bool { return code == "HD9" }})
	if err != nil || len(b.Beneficiaries) != 1 || b.Beneficiaries[0].InBook {
		t.Errorf("Read = %+v, %v; want one row not in the book", b, err)
	}
}

func TestManyProblemsAreAllCountedAndAHundredListed(t *testing.T) {
	rows := [][]any{unitsHead}
	for i := range 300 {
		rows = append(rows, []any{fmt.Sprintf("U%d", i), "Đơn vị", nil, "không rõ"})
	}
	_, err := read(t, build(t, sheetRows{"DonVi", rows}), Options{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Read: %v", err)
	}
	if e.Total != 300 || len(e.Problems) != MaxListed || e.Problems[0].Row != 2 || e.Problems[99].Row != 101 {
		t.Fatalf("Total %d, %d listed from row %d; want 300, 100 from row 2", e.Total, len(e.Problems), e.Problems[0].Row)
	}
	lines := strings.Split(e.Text("vi"), "\n")
	if len(lines) != 101 || lines[100] != "… và 200 lỗi khác" || !strings.HasPrefix(lines[0], "DonVi!2: cap: «không rõ» không hợp lệ") {
		t.Errorf("Text(vi): %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

// unreadable is a ReaderAt that fails the test if anything is read.
type unreadable struct{ tb testing.TB }

func (u unreadable) ReadAt(p []byte, off int64) (int, error) {
	u.tb.Errorf("ReadAt(%d bytes at %d): a file over the limit was read", len(p), off)
	return 0, errors.New("read")
}

func TestBadFilesAreRefusedWhole(t *testing.T) {
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	w.Write(bytes.Repeat([]byte{' '}, 2<<20)) // 2 MB of spaces: a few kB zipped
	zw.Close()

	var styles bytes.Buffer
	zw = zip.NewWriter(&styles)
	w, _ = zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	w, _ = zw.Create("xl/media/image1.png")
	w.Write(bytes.Repeat([]byte{0}, MaxOtherParts+1))
	zw.Close()

	var notXLSX bytes.Buffer
	zw = zip.NewWriter(&notXLSX)
	w, _ = zw.Create("word/document.xml")
	w.Write([]byte("<document/>"))
	zw.Close()

	for _, tt := range []struct {
		name string
		data []byte
		opts Options
		want string
	}{
		{"Empty", nil, Options{}, "the file is empty"},
		{"Text", []byte("ma_don_vi,ten_don_vi\nHG,Tỉnh đoàn\n"), Options{}, "not an .xlsx workbook"},
		{"Short", []byte("PK"), Options{}, "not an .xlsx workbook"},
		{"OldXLS", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), Options{}, "an old .xls or password-protected file"},
		{"BrokenZip", append([]byte("PK\x03\x04"), make([]byte, 100)...), Options{}, "not an .xlsx workbook"},
		{"ZipOfAnotherKind", notXLSX.Bytes(), Options{}, "not an .xlsx workbook"},
		{"ZipBomb", bomb.Bytes(), Options{MaxUnzippedSize: 1 << 20}, "the file unpacks to 2.0 MB, at most 1.0 MB"},
		{"HugeOtherPart", styles.Bytes(), Options{}, "the file unpacks to 32.0 MB"},
		{"DamagedWorkbook", bomb.Bytes(), Options{}, "the workbook is damaged"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := read(t, tt.data, tt.opts)
			if b != nil {
				t.Error("a Book with the error")
			}
			wantProblems(t, err, tt.want)
		})
	}
	t.Run("FiftyMegabytesUnread", func(t *testing.T) {
		b, err := Read(unreadable{t}, 50<<20, today)
		if b != nil {
			t.Error("a Book with the error")
		}
		wantProblems(t, err, "the file is 50.0 MB, at most 20.0 MB")
	})
}

func TestDatesAndNumbersOfEveryCellType(t *testing.T) {
	b := mustRead(t, sheetRows{"HoatDong", [][]any{activityHead,
		act(map[string]any{"ma": "A1", "ngay": time.Date(2023, 3, 15, 14, 30, 0, 0, time.UTC), "gia_tri_lam_loi": 26148500000, "luot_doan_vien": "1.234", "ngay_cong": "15,5"}),
		act(map[string]any{"ma": "A2", "ngay": dateCell(45000), "gia_tri_lam_loi": "26.148.500.000", "luot_doan_vien": 1.234e3, "ngay_cong": 15.5}),
		act(map[string]any{"ma": "A3", "ngay": 45000, "gia_tri_lam_loi": 1234567.6, "luot_doan_vien": "1,234", "ngay_cong": "0,3"}),
		act(map[string]any{"ma": "A4", "ngay": "2023-03-15", "gia_tri_lam_loi": "5tr", "luot_doan_vien": " 7 ", "ngay_cong": 1}),
		act(map[string]any{"ma": "A5", "ngay": "15.3.2023", "gia_tri_lam_loi": "1.500", "luot_doan_vien": true, "ngay_cong": 0.25}),
	}})
	type got struct {
		date        youthbot.Date
		value, mems int64
		days        int64
	}
	want := []got{
		{d(2023, 3, 15), 26_148_500_000, 1234, 155},
		{d(2023, 3, 15), 26_148_500_000, 1234, 155}, // serial 45000 is 15/03/2023
		{d(2023, 3, 15), 1_234_568, 1234, 3},
		{d(2023, 3, 15), 5_000_000, 7, 10},
		{d(2023, 3, 15), 1500, 1, 3},
	}
	for i, a := range b.Activities {
		if g := (got{a.Date, a.ValueVND, a.Heads.Members, a.PersonDayTenths}); g != want[i] {
			t.Errorf("row %d: %+v, want %+v", a.Row, g, want[i])
		}
	}
	// A numeric cell 1.234 is one and a bit of a person: refused, where the
	// text 1.234 above is 1234.
	_, err := read(t, build(t, sheetRows{"HoatDong", [][]any{activityHead, act(map[string]any{"luot_doan_vien": 1.234})}}), Options{})
	wantProblems(t, err, "HoatDong!2: luot_doan_vien: «1.234» is not a whole number")
}

func TestUnfinishedProjectsMayBeDatedAhead(t *testing.T) {
	b := mustRead(t, sheetRows{"HoatDong", [][]any{activityHead,
		act(map[string]any{"ma": "P1", "loai": "ct", "trang_thai": "dang_thuc_hien", "ngay": "30/06/2027", "ngay_bat_dau": "01/11/2026"}),
		act(map[string]any{"ma": "P2", "loai": "pv", "trang_thai": "dang_thuc_hien", "ngay": nil}),
	}})
	if a := b.Activities[0]; a.Done || a.Date != d(2027, 6, 30) || a.Start != d(2026, 11, 1) {
		t.Errorf("P1 = %+v", a)
	}
	if a := b.Activities[1]; a.Done || !a.Date.IsZero() {
		t.Errorf("P2 = %+v", a)
	}
	_, err := read(t, build(t, sheetRows{"HoatDong", [][]any{activityHead, act(map[string]any{"ma": "P3", "loai": "ct", "ngay": nil})}}), Options{})
	wantProblems(t, err, "HoatDong!2: ngay: empty, but required")
}

func TestMoreBadRows(t *testing.T) {
	memberHead := []any{"ho_ten", "ngay_sinh", "ma_chi_doan", "ngay_vao_doan"}
	tests := []struct {
		name   string
		sheets []sheetRows
		want   []string
	}{
		{"ZeroTarget", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "a", "metric", "works", nil, "0", nil}}}},
			[]string{"ChiTieu!2: gia_tri: the target must be more than 0"}},
		{"CapOfAMetricTarget", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "a", "metric", "works", "chi_doan", 5, nil}}}},
			[]string{"ChiTieu!2: cap_don_vi: only for a per_unit target"}},
		{"AchievedOfAMetricTarget", []sheetRows{{"ChiTieu", [][]any{targetHead, {2023, "HG", "CT01", "a", nil, "works", nil, 5, 7}}}},
			[]string{"ChiTieu!2: dat: an achieved value only for a manual target"}},
		{"JoinedBeforeBirth", []sheetRows{{"DoanVien", [][]any{memberHead, {"Lê Văn Cường", "02/09/1999", "B1", "01/01/1999"}}}},
			[]string{"DoanVien!2: ngay_vao_doan: joined the Union on 01/01/1999, before the date of birth 02/09/1999"}},
		{"ImplausibleBirth", []sheetRows{{"DoanVien", [][]any{memberHead, {"Lê Văn Cường", "02/09/1900", "B1", nil}}}},
			[]string{"DoanVien!2: ngay_sinh: date of birth 02/09/1900 is implausible"}},
		{"NotAName", []sheetRows{{"DoanVien", [][]any{memberHead, {"A1", "02/09/1999", "B1", nil}}}},
			[]string{"DoanVien!2: ho_ten: «A1» is not a full name"}},
		{"StartAfterCompletion", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"loai": "ct", "ngay_bat_dau": "02/02/2023"})}}},
			[]string{"HoatDong!2: ngay_bat_dau: start 02/02/2023 is after completion 01/02/2023"}},
		{"LevelOfAnActivity", []sheetRows{{"HoatDong", [][]any{activityHead, act(map[string]any{"cap_cong_nhan": "tinh"})}}},
			[]string{"HoatDong!2: cap_cong_nhan: only works (ct) and tasks (pv) have a recognition level"}},
		{"DuplicateActivityCode", []sheetRows{{"HoatDong", [][]any{activityHead, act(nil), act(map[string]any{"ma": "hd1"})}}},
			[]string{"HoatDong!3: ma: the same as row 2"}},
		{"LongText", []sheetRows{{"DonVi", [][]any{unitsHead, {"HG", strings.Repeat("x", 121), nil, "tinh"}}}},
			[]string{"DonVi!2: ten_don_vi: 121 characters long, at most 120"}},
		{"NegativeValue", []sheetRows{{"HuongLoi", [][]any{{"ma_hoat_dong", "doi_tuong", "so_nguoi", "tri_gia"}, {"HD1", "khac", 3, "-500.000"}}}},
			[]string{"HuongLoi!2: tri_gia: -500.000 is negative"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := read(t, build(t, tt.sheets...), Options{KnownActivity: func(string) bool { return true }})
			wantProblems(t, err, tt.want...)
		})
	}
}

func TestTooManyRows(t *testing.T) {
	rows := [][]any{unitsHead}
	for i := range 6 {
		rows = append(rows, []any{fmt.Sprintf("U%d", i), "Đơn vị", nil, "huyen"})
	}
	_, err := read(t, build(t, sheetRows{"DonVi", rows}), Options{MaxRows: 5})
	wantProblems(t, err, "DonVi!7: the sheet has more than 5 rows")
}

func TestDate1904Workbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	yes := true
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	f.SetSheetRow("Sheet1", "A1", &[]any{"ho_ten", "ngay_sinh", "ma_chi_doan"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Lê Văn Cường", 34943, "B1"}) // 34943 days after 1904-01-01 is 1999-09-02 (36405 in the 1900 system)
	f.SetSheetName("Sheet1", "DoanVien")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := read(t, buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Members[0].Birth; got != d(1999, 9, 2) {
		t.Errorf("birth = %v, want 02/09/1999", got)
	}
}

// TestEveryMessageKeyIsInTheCatalogs: a key of this package missing from
// i18n would show users the key itself.
func TestEveryMessageKeyIsInTheCatalogs(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"(wb\.[a-z_]+|err\.[a-z_]+)"`)
	n := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			n++
			if !i18n.Has(m[1]) {
				t.Errorf("%s: key %s is not in the catalogs", name, m[1])
			}
		}
	}
	if n < 40 {
		t.Errorf("found %d keys: the pattern misses them", n)
	}
}
