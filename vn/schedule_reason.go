package vn

import (
	"strings"
	"time"
)

// cronFieldKeys name, in the catalogs, the refusal of each of the five
// fields of a cron schedule (minute hour day-of-month month day-of-week).
var cronFieldKeys = [5]string{
	"err.campaign_cron_minute", "err.campaign_cron_hour", "err.campaign_cron_day",
	"err.campaign_cron_month", "err.campaign_cron_weekday",
}

// cronDescriptors are the @ forms robfig/cron's standard parser knows.
var cronDescriptors = []string{"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}

// ScheduleRefusal says, as a message of the catalogs (its key and
// arguments), why spec (normalised, which the cron parser refused) is not
// a schedule: the wrong number of fields, which field is wrong, an unknown
// @ form or a bad @every duration. parses is that parser (robfig/cron's
// standard one): a field is wrong when it does not parse among stars. The
// parser's own text (English, "expected exactly 5 fields, found 3") never
// reaches a user.
func ScheduleRefusal(spec string, parses func(spec string) bool) (key string, args []any) {
	if d, ok := strings.CutPrefix(spec, "@every"); ok {
		if _, err := time.ParseDuration(strings.TrimSpace(d)); err != nil || strings.TrimSpace(d) == "" {
			return "err.campaign_cron_every", []any{spec}
		}
		return "err.campaign_cron", []any{spec}
	}
	if strings.HasPrefix(spec, "@") {
		return "err.campaign_cron_descriptor", []any{spec, strings.Join(cronDescriptors, ", ")}
	}
	fields := strings.Fields(spec)
	if len(fields) != 5 {
		return "err.campaign_cron_fields", []any{spec, len(fields)}
	}
	// The first field that, alone among stars, still does not parse.
	for i, f := range fields {
		probe := []string{"*", "*", "*", "*", "*"}
		probe[i] = f
		if !parses(strings.Join(probe, " ")) {
			return cronFieldKeys[i], []any{spec, f}
		}
	}
	return "err.campaign_cron", []any{spec}
}
