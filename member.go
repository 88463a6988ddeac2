package youthbot

import (
	"cmp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"youthbot/vn"
)

// MemberStatus is where a member stands with their branch.
type MemberStatus string

// Member statuses.
const (
	StatusPending   MemberStatus = "pending"   // registered, waiting for a secretary
	StatusApproved  MemberStatus = "approved"  // a member of the branch
	StatusRejected  MemberStatus = "rejected"  // turned down; may register again
	StatusForgotten MemberStatus = "forgotten" // personal data erased; kept for counts
)

// Member is a union member (đoàn viên) of one branch. UserID is the member's
// Telegram user id; a forgotten member gets a negative anonymous id instead.
type Member struct {
	UserID       int64        `json:"user_id"`
	Unit         string       `json:"unit"`
	FullName     string       `json:"full_name,omitempty"`
	Birth        Date         `json:"birth,omitzero"`
	Phone        string       `json:"phone,omitempty"`
	Status       MemberStatus `json:"status"`
	RegisteredAt time.Time    `json:"registered_at"`
	DecidedAt    time.Time    `json:"decided_at,omitzero"` // approved or rejected
	DecidedBy    int64        `json:"decided_by,omitempty"`
	LeftAt       time.Time    `json:"left_at,omitzero"` // forgotten or left the union
	Past         []string     `json:"past,omitempty"`   // branches the member transferred from
	// Joined is the day the member joined the Union (ngày vào Đoàn), when
	// known: an imported member's membership (and members_new) dates from it.
	Joined Date   `json:"joined,omitzero"`
	Gender Gender `json:"gender,omitempty"`
	// Reason is why a rejected registration was rejected: a reason's code
	// or the secretary's own words (marked by a leading ":"); "" for none.
	Reason string `json:"reason,omitempty"`
}

// Union age bounds (Điều lệ Đoàn): members are 16 to 30 years old.
const (
	MinUnionAge = 16
	MaxUnionAge = 30
)

// Name limits.
const (
	MinNameLen = 2
	MaxNameLen = 80
)

// AgeOutsideUnion reports whether the member's age on day is outside 16-30.
// A member without a birth date is not flagged.
func (m *Member) AgeOutsideUnion(day Date) bool {
	if m.Birth.IsZero() {
		return false
	}
	age := m.Birth.YearsSince(day)
	return age < MinUnionAge || age > MaxUnionAge
}

// Active reports whether m counts as a member on day t: approved before t and
// not gone by then.
func (m *Member) Active(t time.Time) bool {
	if m.Status != StatusApproved && m.Status != StatusForgotten {
		return false
	}
	if m.DecidedAt.IsZero() || m.DecidedAt.After(t) {
		return false
	}
	return m.LeftAt.IsZero() || m.LeftAt.After(t)
}

// SortByName sorts members as a Vietnamese list of names is sorted
// (vn.SortByName): by given name first, then by family and middle names;
// member ids break ties.
func SortByName(ms []Member) {
	vn.SortByName(ms, func(m Member) string { return m.FullName },
		func(a, b Member) int { return cmp.Compare(a.UserID, b.UserID) })
}

// ValidateName checks a normalised full name: 2-80 letters, spaces and the
// marks - ' . used in names. It returns EINVALID errors with a reason.
func ValidateName(name string) error {
	n := utf8.RuneCountInString(name)
	if n > MaxNameLen {
		return Errorf(EINVALID, "err.name_long", MaxNameLen)
	}
	if n < MinNameLen {
		return Errorf(EINVALID, "err.name_short")
	}
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '\'', r == '.':
		default:
			return Errorf(EINVALID, "err.name_chars")
		}
	}
	if letters < MinNameLen {
		return Errorf(EINVALID, "err.name_short")
	}
	return nil
}

// ValidateBirth checks a date of birth against today: not in the future and
// an age between 6 and 100 (ages outside 16-30 are allowed but flagged).
func ValidateBirth(birth, today Date) error {
	if birth.After(today) {
		return Errorf(EINVALID, "err.birth_future")
	}
	if age := birth.YearsSince(today); age < 6 || age > 100 {
		return Errorf(EINVALID, "err.birth_implausible")
	}
	return nil
}

// NormalizePhone turns a phone number as Telegram clients send it (with or
// without '+', with spaces) into +digits. It returns "" when s has no digits.
func NormalizePhone(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "+" + b.String()
}

// MinJoinAge is the youngest age at which one may have joined the Union,
// for the plausibility of a day of joining (ngày vào Đoàn) told at
// registration.
const MinJoinAge = 14

// ValidateJoined checks the day a member says they joined the Union: not
// in the future, and not before they were MinJoinAge (when their birth is
// known). EINVALID errors with a reason.
func ValidateJoined(joined, birth, today Date) error {
	if joined.After(today) {
		return Errorf(EINVALID, "err.joined_future")
	}
	if !birth.IsZero() && birth.YearsSince(joined) < MinJoinAge {
		return Errorf(EINVALID, "err.joined_young", MinJoinAge)
	}
	return nil
}
