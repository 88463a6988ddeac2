package youthbot

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/robfig/cron/v3"

	"youthbot/vn"
)

// Campaign limits.
const (
	MaxCampaignNameLen = 120
	MaxReminderLen     = 1000
	// MinReminderGap is the shortest time between two reminders: a
	// reminder goes to every member of a subtree, so a schedule firing
	// more often than hourly is refused as a mistake.
	MinReminderGap = time.Hour
)

// ParseSchedule reads a campaign's reminder schedule with robfig/cron's
// standard parser: five fields (minute hour day-of-month month
// day-of-week) or a descriptor (@daily, @weekly, @every 6h). It runs in
// the bot's time zone: a TZ= or CRON_TZ= prefix is refused. It returns
// EINVALID errors that say why in the catalogs' words (vn.ScheduleRefusal).
func ParseSchedule(spec string) (cron.Schedule, error) {
	spec = strings.Join(strings.Fields(spec), " ")
	if spec == "" {
		return nil, Errorf(EINVALID, "err.campaign_cron_empty")
	}
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		return nil, Errorf(EINVALID, "err.campaign_cron_tz")
	}
	s, err := parseStandard(spec)
	if err != nil {
		key, args := vn.ScheduleRefusal(spec, func(p string) bool { _, err := parseStandard(p); return err == nil })
		return nil, Errorf(EINVALID, key, args...)
	}
	return s, nil
}

// parseStandard is cron.ParseStandard without its panics on odd input.
func parseStandard(spec string) (s cron.Schedule, err error) {
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("%v", p)
		}
	}()
	return cron.ParseStandard(spec)
}

// NormalizeCampaignText cleans a name or reminder as typed.
func NormalizeCampaignText(s string) string { return NormalizeTitle(s) }

// Schedule parses the campaign's reminder schedule.
func (c *Campaign) Schedule() (cron.Schedule, error) { return ParseSchedule(c.Cron) }

// Firings returns up to n times the campaign's reminders fire after
// after, within its days (Start 00:00 to the end of End, in loc), in loc.
func (c *Campaign) Firings(after time.Time, loc *time.Location, n int) ([]time.Time, error) {
	s, err := c.Schedule()
	if err != nil {
		return nil, err
	}
	from, until := c.Start.Time(loc).Add(-time.Second), c.End.AddDays(1).Time(loc)
	if after.After(from) {
		from = after
	}
	var out []time.Time
	for t := s.Next(from.In(loc)); len(out) < n && !t.IsZero() && t.Before(until); t = s.Next(t) {
		out = append(out, t.In(loc))
	}
	return out, nil
}

// ValidateDetails checks what a new campaign has before its schedule is
// chosen: a name, the end not before the start and not already past (now
// in loc), a reminder text.
func (c *Campaign) ValidateDetails(now time.Time, loc *time.Location) error {
	switch n := utf8.RuneCountInString(c.Name); {
	case n == 0:
		return Errorf(EINVALID, "err.campaign_name")
	case n > MaxCampaignNameLen:
		return Errorf(EINVALID, "err.campaign_name_long", MaxCampaignNameLen)
	}
	if c.End.Before(c.Start) {
		return Errorf(EINVALID, "err.campaign_end_before_start", c.End.String(), c.Start.String())
	}
	if today := DateOf(now, loc); c.End.Before(today) {
		return Errorf(EINVALID, "err.campaign_over", c.End.String())
	}
	switch n := utf8.RuneCountInString(c.Reminder); {
	case n == 0:
		return Errorf(EINVALID, "err.campaign_reminder")
	case n > MaxReminderLen:
		return Errorf(EINVALID, "err.campaign_reminder_long", MaxReminderLen)
	}
	return nil
}

// Validate checks a new campaign against now (in loc): its details
// (ValidateDetails) and a schedule that parses, fires at least once
// between now and the end, and never twice within MinReminderGap. It
// returns EINVALID errors with the reason.
func (c *Campaign) Validate(now time.Time, loc *time.Location) error {
	if err := c.ValidateDetails(now, loc); err != nil {
		return err
	}
	s, err := c.Schedule()
	if err != nil {
		return err
	}
	// The gap between firings, over a sample of the schedule.
	prev := s.Next(c.Start.Time(loc).Add(-time.Second))
	for i := 0; i < 24 && !prev.IsZero(); i++ {
		next := s.Next(prev)
		if next.IsZero() {
			break
		}
		if next.Sub(prev) < MinReminderGap {
			return Errorf(EINVALID, "err.campaign_cron_often", c.Cron)
		}
		prev = next
	}
	if f, _ := c.Firings(now, loc, 1); len(f) == 0 {
		return Errorf(EINVALID, "err.campaign_cron_never", c.Cron, c.Start.String(), c.End.String())
	}
	return nil
}
