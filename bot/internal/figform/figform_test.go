package figform

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
)

// Table tests of the /done forms' readers (figform.go).

func TestParseDoneLine(t *testing.T) {
	heads := func(m, y, s, r int64) youthbot.Contribution {
		return youthbot.Contribution{Heads: youthbot.HeadCounts{Members: m, Youth: y, Students: s, Residents: r}}
	}
	for _, tt := range []struct {
		line string
		want service.DoneFigures
	}{
		{"", service.DoneFigures{}},
		{"5tr", service.DoneFigures{ValueVND: 5_000_000}},
		{"5.000.000", service.DoneFigures{ValueVND: 5_000_000}},
		{"| 5tr | tn 2", service.DoneFigures{ValueVND: 5_000_000, Contribution: heads(0, 2, 0, 0)}},
		{"| thanh niên 20", service.DoneFigures{Contribution: heads(0, 20, 0, 0)}},
		{"thanh niên 20 | người dân 1.500", service.DoneFigures{Contribution: heads(0, 20, 0, 1500)}},
		{"| dv 3; tn 4; hssv 5; nd 6", service.DoneFigures{Contribution: heads(3, 4, 5, 6)}},
		{"| Đoàn viên: 3 | Học sinh, sinh viên 7", service.DoneFigures{Contribution: heads(3, 0, 7, 0)}},
		{"| members 1 | youth 2 | students 3 | residents 4", service.DoneFigures{Contribution: heads(1, 2, 3, 4)}},
		{"| ngày công 15,5", service.DoneFigures{Contribution: youthbot.Contribution{PersonDayTenths: 155}}},
		{"| person-days 2", service.DoneFigures{Contribution: youthbot.Contribution{PersonDayTenths: 20}}},
		{"| giá trị làm lợi 26.000.000 | kinh phí hỗ trợ 2,5tr", service.DoneFigures{ValueVND: 26_000_000,
			Contribution: youthbot.Contribution{SupportVND: 2_500_000}}},
		{"| hộ nghèo 3 hộ 5tr | thiếu nhi 20", service.DoneFigures{Contribution: youthbot.Contribution{Beneficiaries: []youthbot.Benefit{
			{Group: youthbot.BenefitChildren, People: 20}, {Group: youthbot.BenefitHouseholds, People: 3, ValueVND: 5_000_000}}}}},
		{"| người cao tuổi 4 người 400k | khác 1", service.DoneFigures{Contribution: youthbot.Contribution{Beneficiaries: []youthbot.Benefit{
			{Group: youthbot.BenefitElderly, People: 4, ValueVND: 400_000}, {Group: youthbot.BenefitOthers, People: 1}}}}},
		{"| cấp huyện", service.DoneFigures{Level: youthbot.KindDistrict}},
		{"| cấp cơ sở", service.DoneFigures{Level: youthbot.KindGrassroots}},
		{"| level province", service.DoneFigures{Level: youthbot.KindProvince}},
		{"| cap chi doan", service.DoneFigures{Level: youthbot.KindBranch}},
	} {
		got, err := ParseLine(tt.line)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseLine(%q) = %+v, %v; want %+v", tt.line, got, err, tt.want)
		}
	}
}

func TestParseDoneLineRefuses(t *testing.T) {
	for _, tt := range []struct{ line, key string }{
		{"năm triệu", "err.project_value"},
		{"-5tr", "err.done_money_negative"},
		{"| thanh niên -1", "err.done_heads_negative"},
		{"| thanh niên 100.001", "err.done_heads_absurd"},
		{"| thanh niên 50.000 | người dân 50.001", "err.done_heads_absurd"},
		{"| thanh niên 2,5", "err.done_heads_number"},
		{"| thanh niên", "err.done_heads_number"},
		{"| thanh niên hai", "err.done_heads_number"},
		{"| ngày công 1,25", "err.done_days"},
		{"| ngày công -1", "err.done_days"},
		{"| ngày công 1.000.001", "err.done_days"},
		{"| kinh phí nhiều", "err.done_money"},
		{"| kinh phí -2tr", "err.done_money_negative"},
		{"| thiếu nhi", "err.done_benef_number"},
		{"| thiếu nhi -3", "err.done_benef_number"},
		{"| thiếu nhi 1.000.001", "err.done_benef_number"},
		{"| thiếu nhi 3 nhiều", "err.done_money"},
		{"| cấp xã hội", "err.done_level_word"},
		{"| mèo 3", "err.done_label"},
		{"5tr | 6tr", "err.done_label"},
		{"| tn 2 | 6tr", "err.done_label"},
		{"5tr thanh niên 20", "err.done_label"},
		{"| tn 1 | thanh niên 2", "err.done_twice"},
		{"5tr | giá trị 6tr", "err.done_twice"},
	} {
		_, err := ParseLine(tt.line)
		if e, ok := err.(*youthbot.Error); !ok || e.Key != tt.key {
			t.Errorf("ParseLine(%q): got %v, want %s", tt.line, err, tt.key)
		}
	}
}

func TestParseHeads(t *testing.T) {
	for _, tt := range []struct {
		typed string
		want  youthbot.HeadCounts
		key   string
	}{
		{typed: "5 20 0 3", want: youthbot.HeadCounts{Members: 5, Youth: 20, Residents: 3}},
		{typed: "5, 20", want: youthbot.HeadCounts{Members: 5, Youth: 20}},
		{typed: "0 1.500", want: youthbot.HeadCounts{Youth: 1500}},
		{typed: "thanh niên 20, người dân 3", want: youthbot.HeadCounts{Youth: 20, Residents: 3}},
		{typed: "người dân 1 500 đv 2", want: youthbot.HeadCounts{Members: 2, Residents: 1500}},
		{typed: "", key: "err.done_heads_number"},
		{typed: "1 2 3 4 5", key: "err.done_heads_many"},
		{typed: "-1", key: "err.done_heads_negative"},
		{typed: "100001", key: "err.done_heads_absurd"},
		{typed: "60000 40001", key: "err.done_heads_absurd"},
		{typed: "thanh niên 2 tn 3", key: "err.done_twice"},
		{typed: "thanh niên 2 thiếu nhi 3", key: "err.done_heads_number"},
		{typed: "hai", key: "err.done_heads_number"},
	} {
		got, err := ParseHeads(tt.typed)
		if tt.key != "" {
			if e, ok := err.(*youthbot.Error); !ok || e.Key != tt.key {
				t.Errorf("ParseHeads(%q): got %v, want %s", tt.typed, err, tt.key)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseHeads(%q) = %+v, %v; want %+v", tt.typed, got, err, tt.want)
		}
	}
}

// TestDoneFiguresRoundTrip: what the dialog keeps reads back the same.
func TestDoneFiguresRoundTrip(t *testing.T) {
	for _, fig := range []service.DoneFigures{
		{},
		{ValueVND: 26_000_000, Level: youthbot.KindDistrict, Contribution: youthbot.Contribution{
			Heads: youthbot.HeadCounts{Members: 1, Youth: 2, Students: 3, Residents: 4}, PersonDayTenths: 155, SupportVND: 7,
			Beneficiaries: []youthbot.Benefit{{Group: youthbot.BenefitChildren, People: 20, ValueVND: 2}, {Group: youthbot.BenefitOthers, People: 1}}}},
	} {
		data := map[string]string{}
		Put(data, fig)
		if got := Read(data); !reflect.DeepEqual(got, fig) {
			t.Errorf("round trip of %+v: %+v (data %v)", fig, got, data)
		}
	}
}

// FuzzParseLine: no line panics, and a line accepted gives figures
// the domain accepts.
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"5tr", "| thanh niên 20 | người dân 1.500", "| thiếu nhi 20 2tr; hộ nghèo 3 hộ 5.000.000đ",
		"26tr | hssv 40 | ngày công 15,5 | kinh phí 2tr | cấp tỉnh", "| tn 99999 | nd 1", "|||", "| cấp"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		fig, err := ParseLine(line)
		if err != nil {
			if _, ok := err.(*youthbot.Error); !ok {
				t.Fatalf("%q: a refusal without a catalog message: %v", line, err)
			}
			return
		}
		if err := fig.Contribution.Validate(); err != nil || fig.ValueVND < 0 || fig.ValueVND > youthbot.MaxValueVND {
			t.Fatalf("%q: accepted %+v, which the domain refuses (%v)", line, fig, err)
		}
	})
}
