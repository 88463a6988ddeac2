package youthbot

import (
	"testing"
	"time"
)

func hcm(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestParseSchedule(t *testing.T) {
	for _, spec := range []string{"0 8 * * 1", "30 19 * * MON-FRI", "@daily", "@weekly", "@every 6h", " 0  8 1 * * "} {
		if _, err := ParseSchedule(spec); err != nil {
			t.Errorf("ParseSchedule(%q): %v", spec, err)
		}
	}
	for _, spec := range []string{"", "61 8 * * *", "0 8 * *", "0 0 8 * * *", "TZ=Asia/Tokyo 0 8 * * *", "TZ=", "CRON_TZ=x", "@yearlyish", "@every", "x y z w v"} {
		_, err := ParseSchedule(spec)
		if ErrorCode(err) != EINVALID {
			t.Errorf("ParseSchedule(%q) = %v, want invalid", spec, err)
		}
	}
}

func TestCampaignFiringsStayInsideItsDaysInTheBotZone(t *testing.T) {
	loc := hcm(t)
	c := Campaign{Name: "Tháng Thanh niên", Start: Date{2026, 3, 1}, End: Date{2026, 3, 31}, Cron: "0 8 * * 1", Reminder: "x"}
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	got, err := c.Firings(now, loc, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-03-16 08:00", "2026-03-23 08:00", "2026-03-30 08:00"}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if s := got[i].Format("2006-01-02 15:04"); s != want[i] || got[i].Location() != loc {
			t.Errorf("firing %d = %s (%s), want %s in the bot's zone", i, s, got[i].Location(), want[i])
		}
	}
	// Before the start, the first firing is on or after the first day.
	early := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	c.Cron = "@daily"
	got, _ = c.Firings(early, loc, 1)
	if len(got) != 1 || got[0].Format("2006-01-02 15:04") != "2026-03-01 00:00" {
		t.Errorf("first @daily firing = %v, want 2026-03-01 00:00", got)
	}
}

func TestCampaignValidate(t *testing.T) {
	loc := hcm(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	ok := Campaign{Name: "Mùa hè xanh", Start: Date{2026, 6, 1}, End: Date{2026, 8, 31}, Cron: "0 8 * * 1", Reminder: "Tham gia nhé"}
	if err := ok.Validate(now, loc); err != nil {
		t.Fatalf("valid campaign: %v", err)
	}
	tests := []struct {
		name string
		edit func(c *Campaign)
		key  string
	}{
		{"RefusesEndBeforeStart", func(c *Campaign) { c.End = Date{2026, 5, 1} }, "err.campaign_end_before_start"},
		{"RefusesEndPassed", func(c *Campaign) { c.Start, c.End = Date{2026, 1, 1}, Date{2026, 3, 9} }, "err.campaign_over"},
		{"RefusesEmptyName", func(c *Campaign) { c.Name = "" }, "err.campaign_name"},
		{"RefusesEmptyReminder", func(c *Campaign) { c.Reminder = "" }, "err.campaign_reminder"},
		{"RefusesBadCron", func(c *Campaign) { c.Cron = "61 8 * * *" }, "err.campaign_cron_minute"},
		{"RefusesEveryMinute", func(c *Campaign) { c.Cron = "* * * * *" }, "err.campaign_cron_often"},
		{"RefusesEveryTenSeconds", func(c *Campaign) { c.Cron = "@every 10s" }, "err.campaign_cron_often"},
		{"RefusesNeverFiring", func(c *Campaign) { c.Cron = "0 8 30 2 *" }, "err.campaign_cron_never"},
		{"RefusesNoFiringInsideDays", func(c *Campaign) { c.Start, c.End = Date{2026, 6, 2}, Date{2026, 6, 3}; c.Cron = "0 8 * * 0" }, "err.campaign_cron_never"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			if err := c.Validate(now, loc); keyOf(err) != tt.key {
				t.Errorf("Validate = %v, want %s", err, tt.key)
			}
		})
	}
}
