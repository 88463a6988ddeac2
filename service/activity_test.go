package service_test

import (
	"reflect"
	"strings"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestDecideActivity(t *testing.T) {
	long := strings.Repeat("dọn rác ", 20) // 160 characters: the notice quotes 100
	quoted := string([]rune(long)[:99]) + "…"
	cases := []struct {
		name    string
		member  int64
		confirm bool
		status  youthbot.ActivityStatus
		want    []service.Notice
	}{
		{"ConfirmsAndTellsTheMember", 7, true, youthbot.ActivityConfirmed,
			[]service.Notice{notice(7, "activity_decision", text("activity.confirmed", "08/03/2026", quoted))}},
		{"RejectsAndTellsTheMember", 7, false, youthbot.ActivityRejected,
			[]service.Notice{notice(7, "activity_decision", text("activity.rejected", "08/03/2026", quoted))}},
		{"TellsNobodyForAForgottenMember", -3, true, youthbot.ActivityConfirmed, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			a := youthbot.Activity{Member: tc.member, Unit: "VT-A", Date: youthbot.Date{Year: 2026, Month: 3, Day: 8}, Tenths: 20,
				Description: long, Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: now}
			update(t, db, func(tx *storage.Tx) error { return tx.AddActivity(&a) })
			var got youthbot.Activity
			var notices []service.Notice
			update(t, db, func(tx *storage.Tx) (err error) {
				got, notices, err = service.DecideActivity(tx, sec, a.ID, tc.confirm, "", at)
				return err
			})
			if got.Status != tc.status || !got.DecidedAt.Equal(now) || got.DecidedBy != sec.ID {
				t.Errorf("got %v at %v by %d, want %v at %v by %d", got.Status, got.DecidedAt, got.DecidedBy, tc.status, now, sec.ID)
			}
			if !reflect.DeepEqual(notices, tc.want) {
				t.Errorf("got notices %+v, want %+v", notices, tc.want)
			}
			update(t, db, func(tx *storage.Tx) error {
				stored, err := tx.Activity(a.ID)
				if stored.Status != tc.status {
					t.Errorf("stored %v, want %v", stored.Status, tc.status)
				}
				return err
			})
			err := db.Update(func(tx *storage.Tx) error {
				_, _, err := service.DecideActivity(tx, sec, a.ID, !tc.confirm, "", at)
				return err
			})
			if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
				t.Errorf("deciding again: got %v, want %s", err, youthbot.ECONFLICT)
			}
		})
	}
}
