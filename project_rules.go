package youthbot

import (
	"unicode/utf8"

	"youthbot/vn"
)

// Project limits.
const (
	MaxProjectTitleLen  = 200
	MaxProjectCapacity  = 10000 // seats; more is a typo, not a project
	MaxProjectBackDays  = 365   // a project may be recorded up to a year after it started
	MaxProjectAheadDays = 730   // and planned up to two years ahead
)

// NormalizeTitle cleans a title as typed: Unicode NFC, spaces collapsed.
func NormalizeTitle(s string) string { return vn.NormalizeName(s) }

// ValidateProjectTitle checks a normalised title: not empty, at most
// MaxProjectTitleLen characters.
func ValidateProjectTitle(s string) error {
	switch n := utf8.RuneCountInString(s); {
	case n == 0:
		return Errorf(EINVALID, "err.project_title")
	case n > MaxProjectTitleLen:
		return Errorf(EINVALID, "err.project_title_long", MaxProjectTitleLen)
	}
	return nil
}

// ValidateProjectDates checks a new project's dates against today: the end
// not before the start, the start at most a year back, the end at most two
// years ahead.
func ValidateProjectDates(start, end, today Date) error {
	if end.Before(start) {
		return Errorf(EINVALID, "err.project_end_before_start", end.String(), start.String())
	}
	if start.Before(today.AddDays(-MaxProjectBackDays)) {
		return Errorf(EINVALID, "err.project_start_old", today.AddDays(-MaxProjectBackDays).String())
	}
	if end.After(today.AddDays(MaxProjectAheadDays)) {
		return Errorf(EINVALID, "err.project_end_far", today.AddDays(MaxProjectAheadDays).String())
	}
	return nil
}

// ValidateCapacity checks a project's seats: 1 to MaxProjectCapacity.
func ValidateCapacity(n int) error {
	if n < 1 || n > MaxProjectCapacity {
		return Errorf(EINVALID, "err.project_capacity", MaxProjectCapacity)
	}
	return nil
}

// Validate checks a new project against today: kind, title, dates and
// capacity. It returns EINVALID errors with the reason.
func (p *Project) Validate(today Date) error {
	if p.Kind != ProjectWork && p.Kind != ProjectTask {
		return Errorf(EINVALID, "err.project_kind")
	}
	if err := ValidateProjectTitle(p.Title); err != nil {
		return err
	}
	if err := ValidateProjectDates(p.Start, p.End, today); err != nil {
		return err
	}
	return ValidateCapacity(p.Capacity)
}

// Open reports whether the project is not completed yet.
func (p *Project) Open() bool { return p.Status != ProjectDone }

// CanJoin says whether members may join (or queue for) the project on
// today: not once it is completed or its last day has passed.
func (p *Project) CanJoin(today Date) error {
	if !p.Open() {
		return Errorf(ECONFLICT, "err.project_done", p.Code, p.DoneDate.String())
	}
	if today.After(p.End) {
		return Errorf(EINVALID, "err.project_ended", p.Code, p.End.String())
	}
	return nil
}

// CanLeave says whether a member in state (SeatJoined or SeatWaiting) may
// leave on today: a joined member only before the first day (the secretary
// counts on them from then on); the waiting list may be left until the
// project is completed.
func (p *Project) CanLeave(today Date, state string) error {
	if !p.Open() {
		return Errorf(ECONFLICT, "err.project_done", p.Code, p.DoneDate.String())
	}
	if state == SeatJoined && !today.Before(p.Start) {
		return Errorf(EINVALID, "err.project_started", p.Code, p.Start.String())
	}
	return nil
}

// CanCheckIn says whether the check-in link works on today: from the
// project's first day to its last, while it is not completed.
func (p *Project) CanCheckIn(today Date) error {
	switch {
	case !p.Open():
		return Errorf(ECONFLICT, "err.project_done", p.Code, p.DoneDate.String())
	case today.Before(p.Start):
		return Errorf(EINVALID, "err.project_checkin_early", p.Code, p.Start.String())
	case today.After(p.End):
		return Errorf(EINVALID, "err.project_checkin_closed", p.Code, p.End.String())
	}
	return nil
}

// Joined counts the participants holding a seat.
func Joined(seats []Participant) int {
	n := 0
	for _, s := range seats {
		if s.State == SeatJoined {
			n++
		}
	}
	return n
}

// SeatsLeft is how many seats are free given the participants; -1 when
// the project has no limit.
func (p *Project) SeatsLeft(seats []Participant) int {
	if p.Capacity <= 0 {
		return -1
	}
	return max(p.Capacity-Joined(seats), 0)
}

// Present reports whether the participant was on site: checked in with
// the link, or confirmed by the secretary.
func (s *Participant) Present() bool { return !s.PresentAt.IsZero() || s.Attended }

// Credited returns the participants a completed project credits with a
// participation: the joined members who were present (checked in, or
// confirmed by the secretary), or every joined member when nobody was.
// byAttendance tells which rule applied.
func Credited(seats []Participant) (credited []Participant, byAttendance bool) {
	var joined, present []Participant
	for _, s := range seats {
		if s.State != SeatJoined {
			continue
		}
		joined = append(joined, s)
		if s.Present() {
			present = append(present, s)
		}
	}
	if len(present) > 0 {
		return present, true
	}
	return joined, false
}
