package targets

import (
	"errors"
	"testing"

	"youthbot"
	"youthbot/bot"
)

// TestParseTargetForms reads every form of /target: the three kinds, an
// optional code and plan text, value and metric in either order, every
// metric's Vietnamese words, a unit at the end; and the refusals, each
// with its own message.
func TestParseTargetForms(t *testing.T) {
	today := youthbot.Date{Year: 2026, Month: 3, Day: 10}
	isUnit := func(code string) bool { return code == "VT" || code == "VT-CDCD" || code == "CT99" }
	type tg = youthbot.Target
	tests := []struct {
		name, line string
		want       tg
		unit       string
		err        string // the refusal's key
	}{
		{name: "Metric", line: "2026 lượt 5000", want: tg{Metric: youthbot.MetricParticipations, Value: 5000}},
		{name: "MetricValueFirst", line: "2026 5000 lượt", want: tg{Metric: youthbot.MetricParticipations, Value: 5000}},
		{name: "MetricWithUnit", line: "2026 công trình 12 VT", want: tg{Metric: youthbot.MetricWorks, Value: 12}, unit: "VT"},
		{name: "MetricVND", line: "2026 giá trị làm lợi 500 triệu", want: tg{Metric: youthbot.MetricValueVND, Value: 500_000_000}},
		{name: "MetricCodeAndText", line: `2026 ct01 "Thực hiện 300 công trình" công trình 300`,
			want: tg{Code: "CT01", Text: "Thực hiện 300 công trình", Metric: youthbot.MetricWorks, Value: 300}},
		{name: "Activities", line: "2026 hoạt động 1.500", want: tg{Metric: youthbot.MetricActivities, Value: 1500}},
		{name: "PersonDays", line: "2026 ngày công 800", want: tg{Metric: youthbot.MetricPersonDays, Value: 800}},
		{name: "Support", line: "2026 kinh phí hỗ trợ 15,5 tỷ", want: tg{Metric: youthbot.MetricSupportVND, Value: 15_500_000_000}},
		{name: "Beneficiaries", line: "2026 người hưởng lợi 70000", want: tg{Metric: youthbot.MetricBeneficiaries, Value: 70000}},
		{name: "Children", line: "2026 thiếu nhi 69.191", want: tg{Metric: youthbot.BeneficiariesOf(youthbot.BenefitChildren), Value: 69191}},
		{name: "Households", line: "2026 hộ nghèo 120", want: tg{Metric: youthbot.BeneficiariesOf(youthbot.BenefitHouseholds), Value: 120}},
		{name: "Elderly", line: "2026 người cao tuổi 40", want: tg{Metric: youthbot.BeneficiariesOf(youthbot.BenefitElderly), Value: 40}},
		{name: "NewMembers", line: "2026 đoàn viên mới 4.500", want: tg{Metric: youthbot.MetricNewMembers, Value: 4500}},
		{name: "TargetCodeThatIsAUnit", line: "2026 CT99 lượt 5", err: "err.target_metric"},

		{name: "PerUnit", line: "2026 mỗi chi đoàn 1 phần việc",
			want: tg{Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindBranch, Metric: youthbot.MetricTasks, Value: 1}},
		{name: "PerUnitAsPlansWriteIt", line: "2026 CT02 mỗi Đoàn cơ sở có ít nhất 01 công trình VT",
			want: tg{Code: "CT02", Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindGrassroots, Metric: youthbot.MetricWorks, Value: 1}, unit: "VT"},
		{name: "PerUnitMetricFirst", line: "2026 moi chi doan hoat dong 2",
			want: tg{Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindBranch, Metric: youthbot.MetricActivities, Value: 2}},
		{name: "PerUnitEnglish", line: "2026 each branch at least 3 tasks",
			want: tg{Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindBranch, Metric: youthbot.MetricTasks, Value: 3}},
		{name: "PerUnitWithoutUnitKind", line: "2026 mỗi xã 1 phần việc", err: "err.target_per_unit_kind"},
		{name: "PerUnitNothingAfter", line: "2026 mỗi", err: "err.target_per_unit_kind"},
		{name: "PerUnitWithoutMetric", line: "2026 mỗi chi đoàn 1", err: "err.target_metric"},

		{name: "Manual", line: `2026 thủ công "Kết nạp 7.000 đoàn viên mới" 7000`,
			want: tg{Kind: youthbot.TargetManual, Text: "Kết nạp 7.000 đoàn viên mới", Value: 7000}},
		{name: "ManualCurlyQuotesCodeMetricUnit", line: "2026 CT05 nhập tay “Kết nạp đoàn viên” 4.500 đoàn viên mới VT-CDCD",
			want: tg{Code: "CT05", Kind: youthbot.TargetManual, Text: "Kết nạp đoàn viên", Metric: youthbot.MetricNewMembers, Value: 4500}, unit: "VT-CDCD"},
		{name: "ManualWithoutValue", line: `2026 thủ công "Kết nạp 7.000 đoàn viên mới"`, err: "err.target_manual_value"},
		{name: "ManualMetricWithoutValue", line: `2026 thủ công "Kết nạp" đoàn viên mới`, err: "err.target_manual_value"},
		{name: "ManualWithoutText", line: "2026 thủ công 7000", err: "err.target_manual_text"},
		{name: "ManualValueNotANumber", line: `2026 thủ công "Kết nạp" nhiều`, err: "err.target_value"},
		{name: "EmptyQuotes", line: `2026 "" lượt 5`, err: "err.target_text"},

		{name: "UnknownMetric", line: "2026 nụ cười 5", err: "err.target_metric"},
		{name: "UnknownMetricAfterValue", line: "2026 5 nụ cười", err: "err.target_metric"},
		{name: "NoValue", line: "2026 lượt", err: "err.target_usage"},
		{name: "NoYear", line: "lượt 5000", err: "err.target_usage"},
		{name: "Nothing", line: "", err: "err.target_usage"},
		{name: "ZeroValue", line: "2026 giờ 0", err: "err.target_value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form, err := parseTarget(tt.line, today, isUnit)
			if tt.err != "" {
				var e *youthbot.Error
				if !errors.As(err, &e) || e.Key != tt.err {
					t.Fatalf("parseTarget(%q) = %+v, %v; want the refusal %s", tt.line, form, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseTarget(%q): %v", tt.line, err)
			}
			tt.want.Year = 2026
			if form.target != tt.want || form.unit != tt.unit {
				t.Errorf("parseTarget(%q) = %+v unit %q, want %+v unit %q", tt.line, form.target, form.unit, tt.want, tt.unit)
			}
		})
	}
}

// TestTargetButtonsRoundTrip: a target without text goes through its
// button's data unchanged, for every metric and kind, within Telegram's
// 64 bytes even with the longest unit code and value.
func TestTargetButtonsRoundTrip(t *testing.T) {
	unit := "ABCDEFGHIJKLMNOPQRSTUVWX" // youthbot.MaxUnitCodeLen
	var cases []youthbot.Target
	for _, m := range youthbot.AllMetrics {
		v := int64(youthbot.MaxTargetCount)
		if m.IsVND() {
			v = youthbot.MaxValueVND
		}
		cases = append(cases,
			youthbot.Target{Year: 2026, Metric: m, Value: v},
			youthbot.Target{Year: 2026, Metric: m, Value: v, Code: "ABCD1234"},
			youthbot.Target{Year: 2026, Metric: m, Value: v, Code: "CT02", Kind: youthbot.TargetPerUnit, UnitKind: youthbot.KindBranch},
			youthbot.Target{Year: 2026, Metric: m, Value: v, Kind: youthbot.TargetManual})
	}
	cases = append(cases, youthbot.Target{Year: 2026, Value: 7000, Kind: youthbot.TargetManual, Code: "CT09"})
	seen := map[string]youthbot.Metric{}
	for _, tg := range cases {
		data := targetButton(tg, unit, "")
		if len(data) > 64 {
			t.Errorf("%+v: %d bytes of callback data %q", tg, len(data), data)
		}
		if l := metricLetters[tg.Metric]; seen[l] != "" && seen[l] != tg.Metric {
			t.Errorf("letter %q names %s and %s", l, seen[l], tg.Metric)
		} else {
			seen[l] = tg.Metric
		}
		prefix, args := bot.DecodeData(data)
		got, u, ok := targetOfButton(args)
		if prefix != cbSetTarget || !ok || got != tg || u != unit {
			t.Errorf("%+v: data %q read back as %+v %q ok=%v", tg, data, got, u, ok)
		}
	}
	for _, bad := range []string{"kt:2026:x:5:VT", "kt:2026:-:5:VT", "kt:2026:h:5:VT:z", "kt:2026:h:5:VT::bad-code", "kt:2026:h:5", "kt:2026:t:1:VT:uz"} {
		if _, args := bot.DecodeData(bad); func() bool { _, _, ok := targetOfButton(args); return ok }() {
			t.Errorf("%q read as a target", bad)
		}
	}
}
