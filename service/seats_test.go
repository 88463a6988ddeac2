package service_test

import (
	"reflect"
	"strconv"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// project stores an open project of VT with capacity seats, from 20 to 22
// March 2026, and the seats in the order given (joined or waiting).
func project(t *testing.T, db *storage.DB, capacity int, seats ...youthbot.Participant) youthbot.Project {
	t.Helper()
	p := youthbot.Project{Code: "P1", Kind: youthbot.ProjectWork, Title: "Ngày Chủ nhật xanh", Unit: "VT", Capacity: capacity,
		Start: youthbot.Date{Year: 2026, Month: 3, Day: 20}, End: youthbot.Date{Year: 2026, Month: 3, Day: 22}, CreatedBy: sec.ID, CreatedAt: now}
	update(t, db, func(tx *storage.Tx) error {
		if err := tx.PutProject(&p); err != nil {
			return err
		}
		for i, s := range seats {
			s.JoinedAt = now.Add(time.Duration(i) * time.Second)
			if err := tx.PutSeat(p.Code, s); err != nil {
				return err
			}
		}
		return nil
	})
	return p
}

func seat(member int64, state string) youthbot.Participant {
	return youthbot.Participant{Member: member, State: state}
}

// seats reads P1's seats as "member:state".
func seats(t *testing.T, db *storage.DB) []string {
	t.Helper()
	var out []string
	update(t, db, func(tx *storage.Tx) error {
		ss, err := tx.Seats("P1")
		for _, s := range ss {
			out = append(out, strconv.FormatInt(s.Member, 10)+":"+s.State)
		}
		return err
	})
	return out
}

// TestLeavingPromotesTheFirstEligibleInLine: member 1 leaves a full project
// of two seats; 2 waits first but was moved to a branch the project is not
// for, so 3 gets the seat (and a notice), 2 loses their place, 4 waits on.
func TestLeavingPromotesTheFirstEligibleInLine(t *testing.T) {
	db := openTree(t)
	for id, unit := range map[int64]string{1: "VT-A", 2: "PH-C", 3: "VT-B", 4: "VT-A", 5: "VT-A"} {
		member(t, db, id, unit, youthbot.StatusApproved)
	}
	p := project(t, db, 2, seat(1, youthbot.SeatJoined), seat(5, youthbot.SeatJoined),
		seat(2, youthbot.SeatWaiting), seat(3, youthbot.SeatWaiting), seat(4, youthbot.SeatWaiting))
	var left []string
	var notices []service.Notice
	update(t, db, func(tx *storage.Tx) (err error) {
		left, notices, err = service.DropSeatsWhere(tx, 1, at.Today, func(youthbot.Project) (bool, error) { return true, nil })
		return err
	})
	if want := []string{"P1"}; !reflect.DeepEqual(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
	want := []service.Notice{notice(3, "project_seat", text("project.join_promoted", "P1", p.Title, "20/03/2026"))}
	if !reflect.DeepEqual(notices, want) {
		t.Errorf("got notices %+v, want %+v", notices, want)
	}
	if got, want := seats(t, db), []string{"5:joined", "3:joined", "4:waiting"}; !reflect.DeepEqual(got, want) {
		t.Errorf("seats %v, want %v", got, want)
	}
}

// TestPromoteWaitingAfterTheLastDayChangesNothing: a project past its last
// day takes nobody from its line.
func TestPromoteWaitingAfterTheLastDayChangesNothing(t *testing.T) {
	db := openTree(t)
	member(t, db, 3, "VT-A", youthbot.StatusApproved)
	p := project(t, db, 1, seat(3, youthbot.SeatWaiting))
	update(t, db, func(tx *storage.Tx) error {
		notices, err := service.PromoteWaiting(tx, p, youthbot.Date{Year: 2026, Month: 3, Day: 23})
		if len(notices) != 0 {
			t.Errorf("got notices %+v, want none", notices)
		}
		return err
	})
	if got, want := seats(t, db), []string{"3:waiting"}; !reflect.DeepEqual(got, want) {
		t.Errorf("seats %v, want %v", got, want)
	}
}

// TestDropSeatsOutsideKeepsWhatTheNewBranchSees: after a move from VT-A to
// PH-C the member leaves VT's open project; one of PH keeps them.
func TestDropSeatsOutsideKeepsWhatTheNewBranchSees(t *testing.T) {
	db := openTree(t)
	m := member(t, db, 1, "PH-C", youthbot.StatusApproved)
	project(t, db, 0, seat(1, youthbot.SeatJoined))
	ph := youthbot.Project{Code: "P2", Kind: youthbot.ProjectTask, Title: "Tiếp sức mùa thi", Unit: "PH",
		Start: youthbot.Date{Year: 2026, Month: 3, Day: 20}, End: youthbot.Date{Year: 2026, Month: 3, Day: 22}}
	update(t, db, func(tx *storage.Tx) error {
		if err := tx.PutProject(&ph); err != nil {
			return err
		}
		return tx.PutSeat("P2", youthbot.Participant{Member: 1, State: youthbot.SeatJoined, JoinedAt: now})
	})
	update(t, db, func(tx *storage.Tx) error {
		left, _, err := service.DropSeatsOutside(tx, m, at.Today)
		if want := []string{"P1"}; !reflect.DeepEqual(left, want) {
			t.Errorf("left %v, want %v", left, want)
		}
		return err
	})
}
