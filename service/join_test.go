package service_test

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// TestJoinTakesASeatThenTheLine: with one seat, the first takes it, the
// next two queue in the order they came in the same batch (the same now),
// and joining again changes nothing.
func TestJoinTakesASeatThenTheLine(t *testing.T) {
	db := openTree(t)
	ms := map[int64]youthbot.Member{}
	for _, id := range []int64{1, 2, 3} {
		ms[id] = member(t, db, id, "VT-A", youthbot.StatusApproved)
	}
	project(t, db, 1)
	join := func(id int64) service.Joining {
		t.Helper()
		var j service.Joining
		update(t, db, func(tx *storage.Tx) (err error) {
			j, err = service.Join(tx, ms[id], "P1", at)
			return err
		})
		return j
	}
	type got struct {
		state    string
		already  bool
		position int
	}
	for _, step := range []struct {
		id   int64
		want got
	}{
		{1, got{youthbot.SeatJoined, false, 0}},
		{2, got{youthbot.SeatWaiting, false, 1}},
		{3, got{youthbot.SeatWaiting, false, 2}},
		{2, got{youthbot.SeatWaiting, true, 1}},
		{1, got{youthbot.SeatJoined, true, 0}},
	} {
		j := join(step.id)
		if g := (got{j.Seat.State, j.Already, j.Position}); g != step.want || j.Project.Code != "P1" {
			t.Errorf("join %d: got %+v in %s, want %+v in P1", step.id, g, j.Project.Code, step.want)
		}
	}
	if got, want := seats(t, db), []string{"1:joined", "2:waiting", "3:waiting"}; !reflect.DeepEqual(got, want) {
		t.Errorf("seats %v, want %v", got, want)
	}
}

func TestJoinRefuses(t *testing.T) {
	db := openTree(t)
	ph := member(t, db, 1, "PH-C", youthbot.StatusApproved)
	va := member(t, db, 2, "VT-A", youthbot.StatusApproved)
	project(t, db, 0)
	for _, tc := range []struct {
		name string
		m    youthbot.Member
		at   service.When
		code string
	}{
		{"AProjectTheBranchDoesNotSee", ph, at, youthbot.ENOTFOUND},
		{"AfterTheLastDay", va, service.When{Now: now, Today: youthbot.Date{Year: 2026, Month: 3, Day: 23}}, youthbot.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.Update(func(tx *storage.Tx) error {
				_, err := service.Join(tx, tc.m, "P1", tc.at)
				return err
			})
			if youthbot.ErrorCode(err) != tc.code {
				t.Errorf("got %v, want %s", err, tc.code)
			}
		})
	}
	if got := seats(t, db); len(got) != 0 {
		t.Errorf("seats %v, want none", got)
	}
}

func TestLeave(t *testing.T) {
	cases := []struct {
		name    string
		who     int64
		today   youthbot.Date
		code    string
		seats   []string
		notices []service.Notice
	}{
		{"ASeatGoesToTheFirstInLine", 1, at.Today, "", []string{"2:joined"},
			[]service.Notice{notice(2, "project_seat", text("project.join_promoted", "P1", "Ngày Chủ nhật xanh", "20/03/2026"))}},
		{"TheLineIsLeftWithoutPromotion", 2, at.Today, "", []string{"1:joined"}, nil},
		{"ASeatIsKeptOnceTheProjectStarted", 1, youthbot.Date{Year: 2026, Month: 3, Day: 20}, youthbot.EINVALID, []string{"1:joined", "2:waiting"}, nil},
		{"NoPlaceNoLeave", 3, at.Today, youthbot.EINVALID, []string{"1:joined", "2:waiting"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 1, "VT-A", youthbot.StatusApproved)
			member(t, db, 2, "VT-B", youthbot.StatusApproved)
			project(t, db, 1, seat(1, youthbot.SeatJoined), seat(2, youthbot.SeatWaiting))
			var notices []service.Notice
			err := db.Update(func(tx *storage.Tx) (err error) {
				_, _, notices, err = service.Leave(tx, service.Actor{ID: tc.who}, "P1", service.When{Now: now, Today: tc.today})
				return err
			})
			if youthbot.ErrorCode(err) != tc.code {
				t.Fatalf("got %v, want %q", err, tc.code)
			}
			if !reflect.DeepEqual(notices, tc.notices) {
				t.Errorf("got notices %+v, want %+v", notices, tc.notices)
			}
			if got := seats(t, db); !reflect.DeepEqual(got, tc.seats) {
				t.Errorf("seats %v, want %v", got, tc.seats)
			}
		})
	}
}
