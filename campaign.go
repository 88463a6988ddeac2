package youthbot

import "time"

// Campaign is a campaign or peak period (Tháng Thanh niên, Mùa hè xanh,
// Xuân tình nguyện) of a unit's subtree, with a reminder schedule (5-field
// cron in the bot's time zone) active from Start to End.
type Campaign struct {
	ID        string    `json:"id"` // "C" and a number
	Name      string    `json:"name"`
	Unit      string    `json:"unit"`
	Start     Date      `json:"start"`
	End       Date      `json:"end"`
	Cron      string    `json:"cron"`
	Reminder  string    `json:"reminder"`
	CreatedBy int64     `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	EndedAt   time.Time `json:"ended_at,omitzero"` // ended early with /endcampaign
}

// ActiveOn reports whether the campaign runs on day.
func (c *Campaign) ActiveOn(day Date) bool {
	return c.EndedAt.IsZero() && !day.Before(c.Start) && !day.After(c.End)
}
