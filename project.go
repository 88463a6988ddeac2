package youthbot

import (
	"strconv"
	"time"
)

// ProjectKind says whether a youth project is a work or a task.
type ProjectKind string

// Project kinds, written ct and pv in commands.
const (
	ProjectWork ProjectKind = "work" // công trình thanh niên
	ProjectTask ProjectKind = "task" // phần việc thanh niên
)

// ProjectStatus is a project's stage.
type ProjectStatus string

// Project statuses.
const (
	ProjectOpen ProjectStatus = "open"
	ProjectDone ProjectStatus = "done"
)

// Project is a youth project (công trình / phần việc thanh niên) of a unit,
// visible to the unit's subtree. Its code is "P" and a number.
type Project struct {
	Code        string        `json:"code"`
	Kind        ProjectKind   `json:"kind"`
	Title       string        `json:"title"`
	Unit        string        `json:"unit"`
	Campaign    string        `json:"campaign,omitempty"`
	Start       Date          `json:"start"`
	End         Date          `json:"end"`
	Capacity    int           `json:"capacity"` // seats; 0 = unlimited
	Status      ProjectStatus `json:"status"`
	CreatedBy   int64         `json:"created_by"`
	CreatedAt   time.Time     `json:"created_at"`
	CheckinCode string        `json:"checkin_code,omitempty"` // the c_ deep link's code, once /checkin ran
	DoneAt      time.Time     `json:"done_at,omitzero"`
	DoneDate    Date          `json:"done_date,omitzero"` // the day its participations and value count on
	ValueVND    int64         `json:"value_vnd,omitempty"`
	// OfficeCode is the office's own code (HoatDong's ma) of an imported
	// project, unique among activities and projects; "" for the bot's.
	OfficeCode string `json:"ma,omitempty"`
	// Level is the recognition level (cấp công nhận): the kind of unit
	// that recognised the project; "" means its own unit's kind.
	Level UnitKind `json:"level,omitempty"`
	// Contribution is what the project adds once done, besides the members
	// credited individually: head counts of the others, person-days,
	// support and beneficiaries (/done, import).
	Contribution
}

// ProjectCode formats the code of the n-th project.
func ProjectCode(n uint64) string { return "P" + strconv.FormatUint(n, 10) }

// Participant states in a project.
const (
	SeatJoined  = "joined"
	SeatWaiting = "waiting"
)

// Participant is a member's place in a project.
type Participant struct {
	Member    int64     `json:"member"`
	State     string    `json:"state"` // SeatJoined or SeatWaiting
	JoinedAt  time.Time `json:"joined_at"`
	PresentAt time.Time `json:"present_at,omitzero"` // checked in on site
	Attended  bool      `json:"attended,omitempty"`  // presence confirmed by the secretary
}
