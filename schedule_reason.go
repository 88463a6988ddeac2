package youthbot

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

// scheduleRefusal says, from the catalogs, why spec (normalised, which
// robfig/cron's parser refused) is not a schedule: the wrong number of
// fields, which field is wrong, an unknown @ form or a bad @every
// duration. The parser's own text (English, "expected exactly 5 fields,
// found 3") never reaches a user.
func scheduleRefusal(spec string) *Error {
	if d, ok := strings.CutPrefix(spec, "@every"); ok {
		if _, err := time.ParseDuration(strings.TrimSpace(d)); err != nil || strings.TrimSpace(d) == "" {
			return Errorf(EINVALID, "err.campaign_cron_every", spec)
		}
		return Errorf(EINVALID, "err.campaign_cron", spec)
	}
	if strings.HasPrefix(spec, "@") {
		return Errorf(EINVALID, "err.campaign_cron_descriptor", spec, strings.Join(cronDescriptors, ", "))
	}
	fields := strings.Fields(spec)
	if len(fields) != 5 {
		return Errorf(EINVALID, "err.campaign_cron_fields", spec, len(fields))
	}
	// The first field that, alone among stars, still does not parse.
	for i, f := range fields {
		probe := []string{"*", "*", "*", "*", "*"}
		probe[i] = f
		if _, err := parseStandard(strings.Join(probe, " ")); err != nil {
			return Errorf(EINVALID, cronFieldKeys[i], spec, f)
		}
	}
	return Errorf(EINVALID, "err.campaign_cron", spec)
}
