package service_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestDone(t *testing.T) {
	day := youthbot.Date{Year: 2026, Month: 3, Day: 21}
	when := service.When{Now: time.Date(2026, 3, 21, 17, 0, 0, 0, loc), Today: day}
	credited := func(to int64) service.Notice {
		return notice(to, "project_done", text("project.done_credited", "P1", "Ngày Chủ nhật xanh", "21/03/2026"))
	}
	present := func(id int64) youthbot.Participant {
		return youthbot.Participant{Member: id, State: youthbot.SeatJoined, Attended: true}
	}
	cases := []struct {
		name         string
		seats        []youthbot.Participant
		value        string
		byAttendance bool
		notices      []service.Notice
		vnd          int64
	}{
		// 3 moved to PH-C (the project is VT's), 4 was forgotten, 5 only waited.
		{"EveryEligibleJoinedMemberWhenNobodyWasPresent", []youthbot.Participant{seat(1, youthbot.SeatJoined), seat(2, youthbot.SeatJoined),
			seat(3, youthbot.SeatJoined), seat(4, youthbot.SeatJoined), seat(5, youthbot.SeatWaiting)},
			"5tr", false, []service.Notice{credited(1), credited(2)}, 5_000_000},
		{"OnlyThePresentOnesWhenSomeoneWas", []youthbot.Participant{seat(1, youthbot.SeatJoined), present(2)},
			"", true, []service.Notice{credited(2)}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 1, "VT-A", youthbot.StatusApproved)
			member(t, db, 2, "VT-B", youthbot.StatusApproved)
			member(t, db, 3, "PH-C", youthbot.StatusApproved)
			member(t, db, 5, "VT-A", youthbot.StatusApproved)
			p := project(t, db, 0, tc.seats...)
			var got service.Completion
			var notices []service.Notice
			update(t, db, func(tx *storage.Tx) (err error) {
				got, notices, err = service.Done(tx, sec, p, tc.value, when)
				return err
			})
			if got.Credited != len(tc.notices) || got.ByAttendance != tc.byAttendance || got.Project.Status != youthbot.ProjectDone ||
				got.Project.DoneDate != day || got.Project.ValueVND != tc.vnd {
				t.Errorf("got %+v, want %d credited, by attendance %v, done on %s, value %d", got, len(tc.notices), tc.byAttendance, day, tc.vnd)
			}
			if !reflect.DeepEqual(notices, tc.notices) {
				t.Errorf("got notices %+v, want %+v", notices, tc.notices)
			}
			update(t, db, func(tx *storage.Tx) error {
				f, err := tx.Figures("VT", youthbot.MonthPeriod(2026, 3), loc)
				if f.Participations != len(tc.notices) {
					t.Errorf("VT counts %d participations, want %d", f.Participations, len(tc.notices))
				}
				return err
			})
			err := db.Update(func(tx *storage.Tx) error {
				p, err := tx.Project("P1")
				if err != nil {
					return err
				}
				_, _, err = service.Done(tx, sec, p, "", when)
				return err
			})
			if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
				t.Errorf("done again: got %v, want %s", err, youthbot.ECONFLICT)
			}
		})
	}
}

func TestDoneRefuses(t *testing.T) {
	db := openTree(t)
	p := project(t, db, 0)
	for _, tc := range []struct {
		name  string
		value string
		today youthbot.Date
		key   string
	}{
		{"BeforeTheFirstDay", "", at.Today, "err.project_not_started"},
		{"AValueThatIsNoAmount", "nhiều", youthbot.Date{Year: 2026, Month: 3, Day: 21}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.Update(func(tx *storage.Tx) error {
				_, _, err := service.Done(tx, sec, p, tc.value, service.When{Now: now, Today: tc.today})
				return err
			})
			var e *youthbot.Error
			if !errors.As(err, &e) || tc.key != "" && e.Key != tc.key {
				t.Errorf("got %v, want a refusal %q", err, tc.key)
			}
		})
	}
}
