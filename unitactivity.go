package youthbot

import "time"

// UnitActivity is an activity held by a unit (hoạt động, `hd`): recorded as
// a whole by its secretary (/activity) or imported, with head counts of
// the people who took part rather than one participation per member.
type UnitActivity struct {
	ID         uint64 `json:"id"`
	OfficeCode string `json:"ma,omitempty"` // the office's own code (HoatDong's ma), unique among activities and projects; "" when recorded in the bot
	Unit       string `json:"unit"`
	Date       Date   `json:"date"`
	Title      string `json:"title"`
	Campaign   string `json:"campaign,omitempty"` // campaign id
	ValueVND   int64  `json:"value_vnd,omitempty"`
	Contribution
	CreatedBy int64     `json:"created_by,omitempty"` // who recorded it; 0 when imported
	CreatedAt time.Time `json:"created_at"`
	UpdatedBy int64     `json:"updated_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// UnitActivityEditDays is how long a unit's activity can be edited or
// deleted in the bot after it was recorded.
const UnitActivityEditDays = 30

// Participations is the activity's head count.
func (a *UnitActivity) Participations() int64 { return a.Heads.Total() }

// OfficeRef is what an office code (ma) names: a unit activity or a
// project, exactly one of the two.
type OfficeRef struct {
	Activity uint64 // a UnitActivity's id, 0 for a project
	Project  string // a Project's code, "" for an activity
}
