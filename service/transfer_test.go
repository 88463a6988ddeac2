package service_test

import (
	"reflect"
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// transferSetup: member 7 of VT-A holds the only seat of VT-A's project P1
// (8 waits for it); 901, secretary of VT-A, asked to move 7 to VT-B; 902 is
// VT-A's other secretary; the actor 900 decides for VT-B.
func transferSetup(t *testing.T) (*storage.DB, youthbot.Transfer) {
	t.Helper()
	db := openTree(t)
	member(t, db, 7, "VT-A", youthbot.StatusApproved)
	member(t, db, 8, "VT-A", youthbot.StatusApproved)
	p := project(t, db, 1, seat(7, youthbot.SeatJoined), seat(8, youthbot.SeatWaiting))
	tr := youthbot.Transfer{Member: 7, From: "VT-A", To: "VT-B", RequestedBy: 901, RequestedAt: now, Status: youthbot.TransferPending}
	update(t, db, func(tx *storage.Tx) error {
		p.Unit = "VT-A"
		if err := tx.PutProject(&p); err != nil {
			return err
		}
		for _, id := range []int64{901, 902} {
			if err := tx.AddSecretary(id, "VT-A"); err != nil {
				return err
			}
		}
		return tx.AddTransfer(&tr)
	})
	return db, tr
}

func TestDecideTransfer(t *testing.T) {
	accepted := func(to int64, key string, left bool) service.Notice {
		n := notice(to, "transfer", text(key, "Nguyễn Văn An", "Chi đoàn A", "Chi đoàn B"))
		if left {
			n.Lines = append(n.Lines, text("transfer.projects_left", "P1"))
		}
		return n
	}
	cases := []struct {
		name    string
		accept  bool
		before  func(tx *storage.Tx) error
		status  youthbot.TransferStatus
		unit    string // member 7's branch after
		seats   []string
		notices []service.Notice
	}{
		{
			name: "AcceptMovesTheMemberAndGivesUpTheirSeat", accept: true,
			status: youthbot.TransferAccepted, unit: "VT-B", seats: []string{"8:joined"},
			notices: []service.Notice{
				notice(8, "project_seat", text("project.join_promoted", "P1", "Ngày Chủ nhật xanh", "20/03/2026")),
				accepted(7, "transfer.accepted", true),
				accepted(901, "transfer.accepted", false),
				accepted(902, "transfer.left", true),
			},
		},
		{
			name: "RejectTellsTheMemberAndTheRequester", accept: false,
			status: youthbot.TransferRejected, unit: "VT-A", seats: []string{"7:joined", "8:waiting"},
			notices: []service.Notice{
				notice(7, "transfer", text("transfer.rejected", "Nguyễn Văn An", "Chi đoàn B")),
				notice(901, "transfer", text("transfer.rejected", "Nguyễn Văn An", "Chi đoàn B")),
			},
		},
		{
			name: "AMemberNoLongerApprovedIsCancelledSilently", accept: true,
			before: func(tx *storage.Tx) error {
				m, err := tx.Member(7)
				if err != nil {
					return err
				}
				m.Status = youthbot.StatusRejected
				return tx.PutMember(m)
			},
			status: youthbot.TransferCancelled, unit: "VT-A", seats: []string{"7:joined", "8:waiting"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db, tr := transferSetup(t)
			if tc.before != nil {
				update(t, db, tc.before)
			}
			var got youthbot.Transfer
			var notices []service.Notice
			update(t, db, func(tx *storage.Tx) (err error) {
				got, notices, err = service.DecideTransfer(tx, sec, tr.ID, tc.accept, at)
				return err
			})
			if got.Status != tc.status || !got.DecidedAt.Equal(now) || got.DecidedBy != sec.ID {
				t.Errorf("got %v at %v by %d, want %v at %v by %d", got.Status, got.DecidedAt, got.DecidedBy, tc.status, now, sec.ID)
			}
			if !reflect.DeepEqual(notices, tc.notices) {
				t.Errorf("got notices\n%+v\nwant\n%+v", notices, tc.notices)
			}
			update(t, db, func(tx *storage.Tx) error {
				m, err := tx.Member(7)
				if m.Unit != tc.unit {
					t.Errorf("member 7 in %s, want %s", m.Unit, tc.unit)
				}
				stored, _ := tx.Transfer(tr.ID)
				if stored.Status != tc.status {
					t.Errorf("stored %v, want %v", stored.Status, tc.status)
				}
				return err
			})
			if got := seats(t, db); !reflect.DeepEqual(got, tc.seats) {
				t.Errorf("seats %v, want %v", got, tc.seats)
			}
			err := db.Update(func(tx *storage.Tx) error {
				_, _, err := service.DecideTransfer(tx, sec, tr.ID, true, at)
				return err
			})
			if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
				t.Errorf("deciding again: got %v, want %s", err, youthbot.ECONFLICT)
			}
		})
	}
}

// TestAcceptTransferTellsTheActorNothing: a requester who accepts their
// own request (a secretary over both branches) is not told.
func TestAcceptTransferTellsTheActorNothing(t *testing.T) {
	db, tr := transferSetup(t)
	update(t, db, func(tx *storage.Tx) error {
		m, err := tx.Member(7)
		if err != nil {
			return err
		}
		notices, err := service.AcceptTransfer(tx, service.Actor{ID: 901}, &tr, m, at)
		for _, n := range notices {
			if n.To == 901 {
				t.Errorf("the actor was told: %+v", n)
			}
		}
		if len(notices) != 3 {
			t.Errorf("got %d notices, want 3 (8's seat, 7, 902)", len(notices))
		}
		return err
	})
}
