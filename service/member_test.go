package service_test

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestDecideMember(t *testing.T) {
	cases := []struct {
		name    string
		approve bool
		status  youthbot.MemberStatus
		key     string
		members int // VT-A's approved members now
	}{
		{"ApprovesAndOpensAStint", true, youthbot.StatusApproved, "member.approved", 1},
		{"RejectsWithoutAStint", false, youthbot.StatusRejected, "member.rejected", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 7, "VT-A", youthbot.StatusPending)
			var got youthbot.Member
			var notices []service.Notice
			update(t, db, func(tx *storage.Tx) (err error) {
				got, notices, err = service.DecideMember(tx, sec, 7, tc.approve, "", at)
				return err
			})
			if got.Status != tc.status || !got.DecidedAt.Equal(now) || got.DecidedBy != sec.ID {
				t.Errorf("got %s at %v by %d, want %s at %v by %d", got.Status, got.DecidedAt, got.DecidedBy, tc.status, now, sec.ID)
			}
			want := []service.Notice{notice(7, "decision", text(tc.key, "Chi đoàn A"))}
			if !reflect.DeepEqual(notices, want) {
				t.Errorf("got notices %+v, want %+v", notices, want)
			}
			if err := db.View(func(tx *storage.Tx) error {
				stored, err := tx.Member(7)
				if err != nil {
					return err
				}
				if stored.Status != tc.status {
					t.Errorf("stored status %s, want %s", stored.Status, tc.status)
				}
				f, err := tx.Figures("VT-A", youthbot.MonthPeriod(2026, 3), loc)
				if err != nil {
					return err
				}
				if f.MembersTotal != tc.members {
					t.Errorf("VT-A has %d members, want %d", f.MembersTotal, tc.members)
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestDecideMemberRefusesADecidedOrUnknownMember(t *testing.T) {
	db := openTree(t)
	member(t, db, 7, "VT-A", youthbot.StatusApproved)
	for _, tc := range []struct {
		name string
		id   int64
		code string
	}{
		{"DecidedIsAConflict", 7, youthbot.ECONFLICT},
		{"UnknownIsNotFound", 8, youthbot.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.Update(func(tx *storage.Tx) error {
				_, notices, err := service.DecideMember(tx, sec, tc.id, false, "", at)
				if len(notices) != 0 {
					t.Errorf("got notices %+v, want none", notices)
				}
				return err
			})
			if got := youthbot.ErrorCode(err); got != tc.code {
				t.Errorf("got %v (%s), want %s", err, got, tc.code)
			}
		})
	}
}
