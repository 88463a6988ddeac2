package service_test

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// TestForgetGivesUpTheSeatThenErases: 1 holds the only seat of P1 and 2
// waits; 1 forgets themselves: 2 gets the seat (and a notice), 1's member
// record is gone.
func TestForgetGivesUpTheSeatThenErases(t *testing.T) {
	db := openTree(t)
	member(t, db, 1, "VT-A", youthbot.StatusApproved)
	member(t, db, 2, "VT-B", youthbot.StatusApproved)
	project(t, db, 1, seat(1, youthbot.SeatJoined), seat(2, youthbot.SeatWaiting))
	var notices []service.Notice
	update(t, db, func(tx *storage.Tx) (err error) {
		notices, err = service.Forget(tx, service.Actor{ID: 1}, "(ẩn danh)", []string{"An"}, at)
		return err
	})
	want := []service.Notice{notice(2, "project_seat", text("project.join_promoted", "P1", "Ngày Chủ nhật xanh", "20/03/2026"))}
	if !reflect.DeepEqual(notices, want) {
		t.Errorf("got notices %+v, want %+v", notices, want)
	}
	if got, want := seats(t, db), []string{"2:joined"}; !reflect.DeepEqual(got, want) {
		t.Errorf("seats %v, want %v", got, want)
	}
	update(t, db, func(tx *storage.Tx) error {
		_, err := tx.Member(1)
		if youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("member 1 after erasure: got %v, want %s", err, youthbot.ENOTFOUND)
		}
		return nil
	})
}
