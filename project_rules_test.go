package youthbot

import (
	"errors"
	"testing"
	"time"
)

func keyOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}

func TestProjectValidate(t *testing.T) {
	today := Date{2026, 3, 10}
	ok := Project{Kind: ProjectWork, Title: "Thắp sáng đường quê", Start: Date{2026, 4, 1}, End: Date{2026, 4, 30}, Capacity: 20}
	if err := ok.Validate(today); err != nil {
		t.Fatalf("valid project: %v", err)
	}
	tests := []struct {
		name string
		edit func(p *Project)
		key  string
	}{
		{"RefusesEndBeforeStart", func(p *Project) { p.End = Date{2026, 3, 31} }, "err.project_end_before_start"},
		{"RefusesEmptyTitle", func(p *Project) { p.Title = "" }, "err.project_title"},
		{"RefusesZeroCapacity", func(p *Project) { p.Capacity = 0 }, "err.project_capacity"},
		{"RefusesNegativeCapacity", func(p *Project) { p.Capacity = -3 }, "err.project_capacity"},
		{"RefusesAbsurdCapacity", func(p *Project) { p.Capacity = MaxProjectCapacity + 1 }, "err.project_capacity"},
		{"RefusesUnknownKind", func(p *Project) { p.Kind = "x" }, "err.project_kind"},
		{"RefusesStartTwoYearsBack", func(p *Project) { p.Start = Date{2024, 3, 1} }, "err.project_start_old"},
		{"RefusesEndFarAhead", func(p *Project) { p.End = Date{2029, 1, 1} }, "err.project_end_far"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ok
			tt.edit(&p)
			if got := keyOf(p.Validate(today)); got != tt.key {
				t.Errorf("Validate: %q, want %q", got, tt.key)
			}
		})
	}
}

func TestProjectJoinLeaveCheckinDays(t *testing.T) {
	p := Project{Code: "P1", Start: Date{2026, 4, 1}, End: Date{2026, 4, 3}, Status: ProjectOpen, Capacity: 2}
	day := func(d int) Date { return Date{2026, 4, d} }
	if err := p.CanJoin(day(3)); err != nil {
		t.Errorf("join on the last day: %v", err)
	}
	if keyOf(p.CanJoin(day(4))) != "err.project_ended" {
		t.Error("join after the end allowed")
	}
	if err := p.CanLeave(Date{2026, 3, 31}, SeatJoined); err != nil {
		t.Errorf("leave the day before: %v", err)
	}
	if keyOf(p.CanLeave(day(1), SeatJoined)) != "err.project_started" {
		t.Error("leave on the first day allowed")
	}
	if err := p.CanLeave(day(2), SeatWaiting); err != nil {
		t.Errorf("leave the waiting list during the project: %v", err)
	}
	for d, key := range map[Date]string{Date{2026, 3, 31}: "err.project_checkin_early", day(1): "", day(3): "", day(4): "err.project_checkin_closed"} {
		if got := keyOf(p.CanCheckIn(d)); got != key {
			t.Errorf("check in on %s: %q, want %q", d, got, key)
		}
	}
	p.Status, p.DoneDate = ProjectDone, day(3)
	for _, err := range []error{p.CanJoin(day(2)), p.CanLeave(Date{2026, 3, 1}, SeatWaiting), p.CanCheckIn(day(2))} {
		if keyOf(err) != "err.project_done" {
			t.Errorf("completed project: %v, want err.project_done", err)
		}
	}
}

func TestCreditedPrefersThePresent(t *testing.T) {
	at := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	seats := []Participant{
		{Member: 1, State: SeatJoined, PresentAt: at},
		{Member: 2, State: SeatJoined},
		{Member: 3, State: SeatJoined, Attended: true},
		{Member: 4, State: SeatWaiting, PresentAt: at},
	}
	got, byAttendance := Credited(seats)
	if !byAttendance || len(got) != 2 || got[0].Member != 1 || got[1].Member != 3 {
		t.Errorf("Credited = %v %v, want members 1 and 3 by attendance", got, byAttendance)
	}
	got, byAttendance = Credited(seats[1:2])
	if byAttendance || len(got) != 1 || got[0].Member != 2 {
		t.Errorf("nobody present: Credited = %v %v, want every joined member", got, byAttendance)
	}
	if p := (Project{Capacity: 3}); p.SeatsLeft(seats) != 0 {
		t.Errorf("SeatsLeft = %d, want 0", p.SeatsLeft(seats))
	}
}

func TestTargetValidate(t *testing.T) {
	today := Date{2026, 3, 10}
	if err := (&Target{Year: 2030, Metric: MetricHours, Value: 5}).Validate(today); keyOf(err) != "err.target_year" {
		t.Errorf("year 2030: %v", err)
	}
	if err := (&Target{Year: 2026, Metric: "x", Value: 5}).Validate(today); keyOf(err) != "err.target_metric" {
		t.Errorf("metric x: %v", err)
	}
}
