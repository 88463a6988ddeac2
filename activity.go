package youthbot

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ActivityStatus is where a logged participation stands.
type ActivityStatus string

// Activity statuses. Only confirmed activities count in figures.
const (
	ActivityPending   ActivityStatus = "pending"
	ActivityConfirmed ActivityStatus = "confirmed"
	ActivityRejected  ActivityStatus = "rejected"
	ActivityUndone    ActivityStatus = "undone" // withdrawn by the member before a decision
)

// Activity sources.
const (
	SourceLog     = "log"     // /log by the member
	SourceProject = "project" // /done of a youth project
)

// Activity is one participation (lượt tham gia) of a member in volunteer
// work. It is credited to the branch the member belonged to on that day,
// which a later transfer does not change.
type Activity struct {
	ID          uint64         `json:"id"`
	Member      int64          `json:"member"` // Telegram user id; negative once the member is forgotten
	Unit        string         `json:"unit"`   // branch credited
	Date        Date           `json:"date"`
	Tenths      int            `json:"tenths"` // hours × 10: 2.5 h is 25; 0 when not given
	Description string         `json:"description"`
	Project     string         `json:"project,omitempty"`  // project code
	Campaign    string         `json:"campaign,omitempty"` // campaign id
	Photo       string         `json:"photo,omitempty"`    // Telegram file_id of the evidence
	Status      ActivityStatus `json:"status"`
	Source      string         `json:"source"`
	CreatedAt   time.Time      `json:"created_at"`
	DecidedAt   time.Time      `json:"decided_at,omitzero"`
	DecidedBy   int64          `json:"decided_by,omitempty"`
	Reason      string         `json:"reason,omitempty"` // why it was rejected, as Member.Reason
}

// Hours returns the activity's hours.
func (a *Activity) Hours() float64 { return float64(a.Tenths) / 10 }

// Activity limits.
const (
	MaxTenthsPerDay   = 240 // 24 hours
	MaxDescriptionLen = 500
)

// ValidateActivityDate checks a participation date against today: not in
// the future, not before the same day of the previous year.
func ValidateActivityDate(d, today Date) error {
	if d.After(today) {
		return Errorf(EINVALID, "err.log_future")
	}
	if d.Before(Date{today.Year - 1, today.Month, today.Day}) {
		return Errorf(EINVALID, "err.log_too_old", Date{today.Year - 1, today.Month, today.Day}.String())
	}
	return nil
}

// ValidateTenths checks hours × 10: more than 0 and at most 24 hours.
func ValidateTenths(t int) error {
	if t <= 0 || t > MaxTenthsPerDay {
		return Errorf(EINVALID, "err.log_hours")
	}
	return nil
}

// NormalizeDescription cleans a description: spaces collapsed.
func NormalizeDescription(s string) string { return strings.Join(strings.Fields(s), " ") }

// ValidateDescription checks a normalised description: not empty, at most
// MaxDescriptionLen characters.
func ValidateDescription(s string) error {
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return Errorf(EINVALID, "err.log_description")
	case n > MaxDescriptionLen:
		return Errorf(EINVALID, "err.log_description_long", MaxDescriptionLen)
	}
	return nil
}
