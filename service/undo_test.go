package service_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// TestUndoMemberRejection: the secretary who rejected a registration may
// put it back to pending up to 24 h later, no one else and not later; a
// registration no longer rejected has nothing to undo.
func TestUndoMemberRejection(t *testing.T) {
	for _, tc := range []struct {
		name   string
		by     service.Actor
		after  time.Duration
		status youthbot.MemberStatus // of the registration when undone
		want   string                // error code, "" for undone
	}{
		{"Undone", sec, time.Hour, youthbot.StatusRejected, ""},
		{"LastMinute", sec, service.UndoWindow, youthbot.StatusRejected, ""},
		{"Late", sec, service.UndoWindow + time.Second, youthbot.StatusRejected, youthbot.ECONFLICT},
		{"SomeoneElse", service.Actor{ID: 901}, time.Hour, youthbot.StatusRejected, youthbot.EUNAUTHORIZED},
		{"NotRejected", sec, time.Hour, youthbot.StatusApproved, youthbot.ECONFLICT},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 7, "VT-A", youthbot.StatusPending)
			update(t, db, func(tx *storage.Tx) error {
				_, _, err := service.DecideMember(tx, sec, 7, tc.status == youthbot.StatusApproved, "", at)
				return err
			})
			later := service.When{Now: at.Now.Add(tc.after), Today: youthbot.DateOf(at.Now.Add(tc.after), loc)}
			var notices []service.Notice
			err := db.Update(func(tx *storage.Tx) (err error) {
				_, notices, err = service.UndoMemberRejection(tx, tc.by, 7, later)
				return err
			})
			var m youthbot.Member
			db.View(func(tx *storage.Tx) (err error) { m, err = tx.Member(7); return err })
			if tc.want != "" {
				if youthbot.ErrorCode(err) != tc.want || m.Status != tc.status {
					t.Errorf("got %v, status %s; want %s, unchanged", err, m.Status, tc.want)
				}
				return
			}
			if err != nil || m.Status != youthbot.StatusPending || !m.DecidedAt.IsZero() || m.DecidedBy != 0 || len(notices) != 1 ||
				notices[0].To != 7 || notices[0].Lines[0].Key != "member.reject_undone" {
				t.Errorf("got %v, %+v, notices %+v", err, m, notices)
			}
		})
	}
}

// TestTextReason: a reason in one's own words is stored and told as
// written (spaces collapsed); empty or too long words are refused.
func TestTextReason(t *testing.T) {
	for _, tc := range []struct {
		name, words string
		ok          bool
	}{
		{"Words", "  ảnh   mờ ", true},
		{"Longest", strings.Repeat("ă", service.MaxReasonLen), true},
		{"TooLong", strings.Repeat("ă", service.MaxReasonLen+1), false},
		{"Colon", ":", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			why := service.TextReason(tc.words)
			if tc.name == "Colon" {
				why = ":"
			}
			db := openTree(t)
			member(t, db, 7, "VT-A", youthbot.StatusPending)
			var m youthbot.Member
			var notices []service.Notice
			err := db.Update(func(tx *storage.Tx) (err error) {
				m, notices, err = service.DecideMember(tx, sec, 7, false, why, at)
				return err
			})
			if !tc.ok {
				if youthbot.ErrorCode(err) != youthbot.EINVALID {
					t.Errorf("got %v, want EINVALID", err)
				}
				return
			}
			words, _ := service.ReasonText(why)
			if err != nil || m.Reason != why || len(notices[0].Lines) != 2 || !reflect.DeepEqual(notices[0].Lines[1], text("reject.why_text", words)) {
				t.Errorf("got %v, reason %q, notices %+v", err, m.Reason, notices)
			}
			if words == "" || words[0] == ' ' {
				t.Errorf("words %q", words)
			}
		})
	}
}

// TestApprovalFromTheDayOfJoining: a member who said when they joined the
// Union has their first stint from that day (members_new counts them
// there), one who did not from the approval.
func TestApprovalFromTheDayOfJoining(t *testing.T) {
	for _, tc := range []struct {
		name   string
		joined youthbot.Date
		new    youthbot.Period // the month they count as new in
	}{
		{"Joined", youthbot.Date{Year: 2025, Month: 3, Day: 26}, youthbot.MonthPeriod(2025, 3)},
		{"Unknown", youthbot.Date{}, youthbot.MonthPeriod(at.Today.Year, at.Today.Month)},
		{"Today", at.Today, youthbot.MonthPeriod(at.Today.Year, at.Today.Month)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			m := member(t, db, 7, "VT-A", youthbot.StatusPending)
			m.Joined = tc.joined
			update(t, db, func(tx *storage.Tx) error {
				if err := tx.PutMember(m); err != nil {
					return err
				}
				_, _, err := service.DecideMember(tx, sec, 7, true, "", at)
				return err
			})
			db.View(func(tx *storage.Tx) error {
				f, err := tx.Figures("VT-A", tc.new, loc)
				if err != nil || f.MembersNew != 1 {
					t.Errorf("%v: new %v, %v", tc.new, f, err)
				}
				return nil
			})
		})
	}
}
