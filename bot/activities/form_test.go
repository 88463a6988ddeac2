package activities

import (
	"maps"
	"testing"

	"youthbot"
)

var today = youthbot.Date{Year: 2026, Month: 3, Day: 10}

func errKey(err error) string {
	if e, ok := err.(*youthbot.Error); ok {
		return e.Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name string
		line string
		want map[string]string
		err  string
	}{
		{"ReadsEveryLabelInVietnamese",
			"hôm qua | Ngày Chủ nhật xanh | đoàn viên 30 | thanh niên 20 | học sinh 10 | người dân 5 | ngày công 50 | giá trị 26.000.000 | kinh phí 5tr | thiếu nhi 20 2tr | hộ nghèo 3 hộ | chiến dịch c1",
			map[string]string{fDate: "2026-03-09", fTitle: "Ngày Chủ nhật xanh", fHeads: "30 20 10 5", fDays: "500", fValue: "26000000",
				fSupport: "5000000", fBenef: "children 20 2000000;households 3 0", fCamp: "C1"}, ""},
		{"ReadsLabelsWithoutDiacriticsAndAbbreviated",
			"08/03 | Hiến máu | dv 1.500 | nd 12 | gia tri lam loi 15,5 tỷ",
			map[string]string{fDate: "2026-03-08", fTitle: "Hiến máu", fHeads: "1500 0 0 12", fDays: "0", fValue: "15500000000",
				fSupport: "0", fBenef: none, fCamp: none}, ""},
		{"ReadsEnglishAndAUnit",
			"today | Clean-up | members 4 | unit vt-p5",
			map[string]string{fDate: "2026-03-10", fTitle: "Clean-up", fHeads: "4 0 0 0", fDays: "0", fValue: "0", fSupport: "0",
				fBenef: none, fCamp: none, fUnit: "VT-P5"}, ""},
		{"RefusesNegativeHeadCount", "hôm nay | Dọn kênh | đoàn viên -5", nil, "activity.heads_negative"},
		{"RefusesAbsurdHeadCount", "hôm nay | Dọn kênh | đoàn viên 100.001", nil, "activity.heads_absurd"},
		{"RefusesAbsurdTotal", "hôm nay | Dọn kênh | đoàn viên 60.000 | người dân 50.000", nil, "activity.heads_absurd"},
		{"RefusesNoParticipant", "hôm nay | Dọn kênh | giá trị 5tr", nil, "activity.heads_none"},
		{"RefusesTextAsHeadCount", "hôm nay | Dọn kênh | đoàn viên ba mươi", nil, "activity.heads_number"},
		{"RefusesUnknownLabel", "hôm nay | Dọn kênh | đoàn viên 3 | xe tải 2", nil, "activity.unknown_label"},
		{"RefusesALabelTwice", "hôm nay | Dọn kênh | đv 3 | đoàn viên 2", nil, "activity.twice"},
		{"RefusesFutureDay", "20/03/2026 | Dọn kênh | đv 3", nil, "err.log_future"},
		{"RefusesImpossibleDay", "31/02/2026 | Dọn kênh | đv 3", nil, "err.date_impossible"},
		{"RefusesEmptyTitle", "hôm nay |  | đv 3", nil, "activity.title_empty"},
		{"RefusesTooFewParts", "hôm nay | Dọn kênh", nil, "activity.usage"},
		{"RefusesNegativeMoney", "hôm nay | Dọn kênh | đv 3 | giá trị -5tr", nil, "activity.money_negative"},
		{"RefusesBadMoney", "hôm nay | Dọn kênh | đv 3 | kinh phí nhiều", nil, "activity.money"},
		{"ReadsDecimalPersonDays", "hôm nay | Dọn kênh | đv 3 | ngày công 15,5", map[string]string{fDate: "2026-03-10", fTitle: "Dọn kênh", fHeads: "3 0 0 0", fDays: "155", fValue: "0", fSupport: "0", fBenef: none, fCamp: none}, ""},
		{"RefusesAbsurdPersonDays", "hôm nay | Dọn kênh | đv 3 | ngày công 2.000.000", nil, "activity.days_number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			err := parseLine(tt.line, today, got)
			if errKey(err) != tt.err {
				t.Fatalf("error: got %q (%v), want %q", errKey(err), err, tt.err)
			}
			if tt.err == "" && !maps.Equal(got, tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestParseHeads(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  string
	}{
		{"30 20 10 5", "30 20 10 5", ""},
		{"30", "30 0 0 0", ""},
		{"1.500 0 0 2", "1500 0 0 2", ""},
		{"người dân 5 đoàn viên 30", "30 0 0 5", ""},
		{"dv 30, hs 12", "30 0 12 0", ""},
		{"30 20 10 5 1", "", "activity.heads_many"},
		{"-3", "", "activity.heads_negative"},
		{"0 0", "", "activity.heads_none"},
		{"100001", "", "activity.heads_absurd"},
		{"đoàn viên", "", "activity.heads_number"},
		{"đv 3 đv 4", "", "activity.twice"},
		{"ba mươi", "", "activity.heads_number"},
	}
	for _, tt := range tests {
		heads, err := parseHeads(tt.in)
		if errKey(err) != tt.err {
			t.Errorf("%q: error %q, want %q", tt.in, errKey(err), tt.err)
			continue
		}
		if tt.err == "" && formatHeads(heads) != tt.want {
			t.Errorf("%q: got %q, want %q", tt.in, formatHeads(heads), tt.want)
		}
	}
}

func TestParseBenefits(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  string
	}{
		{"thiếu nhi 20 2tr; hộ nghèo 3 1,5tr; người cao tuổi 10", "children 20 2000000;elderly 10 0;households 3 1500000", ""},
		{"thieu nhi 69.191 em 15,5 tỷ", "children 69191 15500000000", ""},
		{"khác 4\nthiếu nhi 2", "children 2 0;others 4 0", ""},
		{"xe đạp 3", "", "activity.benef_group"},
		{"thiếu nhi nhiều", "", "activity.benef_number"},
		{"thiếu nhi -2", "", "activity.benef_number"},
		{"thiếu nhi 2; thiếu nhi 3", "", "activity.twice"},
	}
	for _, tt := range tests {
		b, err := parseBenefits(tt.in)
		if errKey(err) != tt.err {
			t.Errorf("%q: error %q, want %q", tt.in, errKey(err), tt.err)
			continue
		}
		if tt.err == "" {
			if got := formatBenef(b); got != tt.want {
				t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
			}
			if back := formatBenef(readBenef(tt.want)); back != tt.want {
				t.Errorf("readBenef(%q) gives back %q", tt.want, back)
			}
		}
	}
}

// FuzzParseLine: any one-line /activity either is refused with a catalog
// error or gives fields within the limits that read back as written.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		"hôm qua | Ngày Chủ nhật xanh | đoàn viên 30 | thanh niên 20 | ngày công 15,5 | giá trị 26.000.000 | thiếu nhi 20 2tr",
		"08/03 | x | dv 1.500 | nd -1", "| | |", "hôm nay | a | hộ nghèo 3 hộ 1,5tr | đơn vị vt", "\xff|\xfe|đv 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		data := map[string]string{}
		err := parseLine(line, today, data)
		if err != nil {
			if _, ok := err.(*youthbot.Error); !ok {
				t.Fatalf("%q: an error without a catalog key: %v", line, err)
			}
			return
		}
		var sum int64
		for _, h := range readHeads(data[fHeads]) {
			if h < 0 {
				t.Fatalf("%q: negative head count %q", line, data[fHeads])
			}
			sum += h
		}
		if sum == 0 || sum > youthbot.MaxHeadCount || formatHeads(readHeads(data[fHeads])) != data[fHeads] {
			t.Fatalf("%q: head counts %q", line, data[fHeads])
		}
		if b := data[fBenef]; b != none && formatBenef(readBenef(b)) != b {
			t.Fatalf("%q: beneficiaries %q do not read back", line, b)
		}
	})
}
