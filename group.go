package youthbot

import "time"

// GroupLink ties a Telegram group to a unit: the group receives the unit's
// monthly tallies and the reminders of campaigns covering the unit. A group
// is linked to at most one unit; a unit may have several groups.
type GroupLink struct {
	Chat     int64     `json:"chat"` // the group's chat id (the supergroup's once migrated)
	Unit     string    `json:"unit"`
	Title    string    `json:"title,omitempty"`
	LinkedBy int64     `json:"linked_by"`
	LinkedAt time.Time `json:"linked_at"`
}
