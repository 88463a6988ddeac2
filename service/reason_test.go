package service_test

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// TestDecideMemberReason: a rejection's reason is one more line of the
// member's notice; an unknown reason, or a reason with an approval, is
// refused before anything is decided.
func TestDecideMemberReason(t *testing.T) {
	for _, tc := range []struct {
		name    string
		approve bool
		why     string
		want    []service.Text // the notice's lines, nil for a refusal
	}{
		{"Reason", false, "proof", []service.Text{text("member.rejected", "Chi đoàn A"), {Key: "reject.why_proof"}}},
		{"NoReason", false, "", []service.Text{text("member.rejected", "Chi đoàn A")}},
		{"UnknownReason", false, "forged", nil},
		{"ReasonOnApproval", true, "info", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTree(t)
			member(t, db, 7, "VT-A", youthbot.StatusPending)
			var notices []service.Notice
			err := db.Update(func(tx *storage.Tx) (err error) {
				_, notices, err = service.DecideMember(tx, sec, 7, tc.approve, tc.why, at)
				return err
			})
			var status youthbot.MemberStatus
			db.View(func(tx *storage.Tx) error { m, _ := tx.Member(7); status = m.Status; return nil })
			if tc.want == nil {
				if youthbot.ErrorCode(err) != youthbot.EINVALID || status != youthbot.StatusPending || len(notices) != 0 {
					t.Errorf("got %v, status %s, notices %+v; want a refusal", err, status, notices)
				}
				return
			}
			if err != nil || len(notices) != 1 || !reflect.DeepEqual(notices[0].Lines, tc.want) {
				t.Errorf("got %v, notices %+v, want lines %+v", err, notices, tc.want)
			}
		})
	}
}
