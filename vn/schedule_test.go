package vn

import (
	"strings"
	"testing"
	"time"
)

func TestDescribeSchedule(t *testing.T) {
	for _, tt := range []struct{ spec, vi, en string }{
		{"0 8 * * 1", "Thứ Hai hằng tuần, 8:00", "Every Monday, 8:00"},
		{"30 7 * * *", "Hằng ngày, 7:30", "Daily, 7:30"},
		{"0 8 1 * *", "Ngày 1 hằng tháng, 8:00", "Day 1 of every month, 8:00"},
		{"0 8 1,15 * *", "Ngày 1 và 15 hằng tháng, 8:00", "Day 1 and 15 of every month, 8:00"},
		{"0 8 * * 0,6", "Thứ Bảy và Chủ nhật hằng tuần, 8:00", "Every Saturday and Sunday, 8:00"},
		{"0 19 * * 1,3,5", "Thứ Hai, Thứ Tư và Thứ Sáu hằng tuần, 19:00", "Every Monday, Wednesday and Friday, 19:00"},
		{"0 8 * * 1-5", "Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm và Thứ Sáu hằng tuần, 8:00", "Every Monday, Tuesday, Wednesday, Thursday and Friday, 8:00"},
		{"0 8 * * 0", "Chủ nhật hằng tuần, 8:00", "Every Sunday, 8:00"},
		{"0 8 * * 7", "Chủ nhật hằng tuần, 8:00", "Every Sunday, 8:00"},
		{"0 8 * * MON", "Thứ Hai hằng tuần, 8:00", "Every Monday, 8:00"},
		{"0 8 * * 0-6", "Hằng ngày, 8:00", "Daily, 8:00"},
		{"0 8,17 * * *", "Hằng ngày, 8:00 và 17:00", "Daily, 8:00 and 17:00"},
		{"  5  6 * * * ", "Hằng ngày, 6:05", "Daily, 6:05"},
		{"@daily", "Hằng ngày, 0:00", "Daily, 0:00"},
		{"@weekly", "Chủ nhật hằng tuần, 0:00", "Every Sunday, 0:00"},
		{"@monthly", "Ngày 1 hằng tháng, 0:00", "Day 1 of every month, 0:00"},
		{"@hourly", "Mỗi giờ", "Every hour"},
		// Shapes not said in words: a generic phrase, never the cron.
		{"*/30 8 * * *", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"0 8 1 * 1", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"0 8 1 3 *", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"0 */2 * * *", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"@every 6h", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"0 8 * *", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
		{"", "Theo lịch riêng (xem các lần nhắc tới)", "On a custom schedule (see the next reminders)"},
	} {
		if got := DescribeSchedule(tt.spec, "vi"); got != tt.vi {
			t.Errorf("DescribeSchedule(%q, vi) = %q, want %q", tt.spec, got, tt.vi)
		}
		if got := DescribeSchedule(tt.spec, "en"); got != tt.en {
			t.Errorf("DescribeSchedule(%q, en) = %q, want %q", tt.spec, got, tt.en)
		}
	}
}

func FuzzDescribeSchedule(f *testing.F) {
	for _, s := range []string{"0 8 * * 1", "0 8 1-31 * *", "1-5 1-5 1-5 * 1-5", "@weekly", "0 8 * * 5-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		got := DescribeSchedule(spec, "vi")
		if strings.Contains(got, "*") || got == "" {
			t.Errorf("DescribeSchedule(%q) = %q", spec, got)
		}
	})
}

func TestDescribeZone(t *testing.T) {
	hcm, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		loc      *time.Location
		lang, in string
	}{
		{hcm, "vi", "giờ Việt Nam"},
		{hcm, "en", "Vietnam time"},
		{time.FixedZone("X", 7*3600), "vi", "giờ UTC+07:00"},
		{time.UTC, "en", "UTC+00:00"},
		{time.FixedZone("Y", -(3*3600 + 1800)), "en", "UTC-03:30"},
	} {
		if got := DescribeZone(tt.loc, at, tt.lang); got != tt.in {
			t.Errorf("DescribeZone(%v, %s) = %q, want %q", tt.loc, tt.lang, got, tt.in)
		}
	}
}
