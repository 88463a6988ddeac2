package storage

import (
	"testing"
	"time"

	"youthbot"
)

// TestMoveMemberKeepsBothBranchesFigures: a member with confirmed
// activities in branch A moves to branch B on 15 March. A keeps the
// participations of before the move and loses the member from March on; B
// gains the member (not as a new one) and only what is logged after.
func TestMoveMemberKeepsBothBranchesFigures(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	db := withTree(t)
	approved := time.Date(2025, 12, 1, 9, 0, 0, 0, loc)
	moved := time.Date(2026, 3, 15, 10, 0, 0, 0, loc)
	add := func(tx *Tx, unit string, d youthbot.Date) error {
		a := youthbot.Activity{Member: 7, Unit: unit, Date: d, Tenths: 20, Description: "x", Status: youthbot.ActivityConfirmed, Source: youthbot.SourceLog}
		return tx.AddActivity(&a)
	}
	update(t, db, func(tx *Tx) error {
		m := youthbot.Member{UserID: 7, Unit: "VT-A", FullName: "An", Status: youthbot.StatusApproved, RegisteredAt: approved, DecidedAt: approved}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		if err := tx.OpenStint(7, "VT-A", approved, true); err != nil {
			return err
		}
		for _, d := range []youthbot.Date{{Year: 2026, Month: 2, Day: 10}, {Year: 2026, Month: 3, Day: 2}, {Year: 2026, Month: 3, Day: 14}} {
			if err := add(tx, "VT-A", d); err != nil {
				return err
			}
		}
		return nil
	})
	type want struct{ total, fresh, part, active int }
	check := func(name, unit string, p youthbot.Period, w want) {
		t.Helper()
		view(t, db, func(tx *Tx) error {
			f, err := tx.Figures(unit, p, loc)
			if err != nil {
				return err
			}
			got := want{f.MembersTotal, f.MembersNew, f.Participations, f.MembersActive}
			if got != w {
				t.Errorf("%s: %s %s = %+v, want %+v", name, unit, p, got, w)
			}
			return nil
		})
	}
	feb, mar := youthbot.MonthPeriod(2026, 2), youthbot.MonthPeriod(2026, 3)
	check("before", "VT-A", feb, want{1, 0, 1, 1})
	check("before", "VT-A", mar, want{1, 0, 2, 1})
	check("before", "VT-B", mar, want{0, 0, 0, 0})
	check("before", "VT", mar, want{1, 0, 2, 1})

	update(t, db, func(tx *Tx) error {
		m, err := tx.MoveMember(7, "VT-B", moved)
		if err != nil {
			return err
		}
		if m.Unit != "VT-B" || len(m.Past) != 1 || m.Past[0] != "VT-A" {
			t.Errorf("moved member: unit %s, past %v", m.Unit, m.Past)
		}
		return add(tx, "VT-B", youthbot.Date{Year: 2026, Month: 3, Day: 20})
	})
	check("after", "VT-A", feb, want{1, 0, 1, 1}) // the past is unchanged
	check("after", "VT-A", mar, want{0, 0, 2, 1}) // gone by the end of March, its March work kept
	check("after", "VT-B", mar, want{1, 0, 1, 1}) // transferred in: a member, not a new one
	check("after", "VT-B", feb, want{0, 0, 0, 0})
	check("after", "VT", mar, want{1, 0, 3, 1}) // the district counts the member once
	view(t, db, func(tx *Tx) error {
		if ms, _ := tx.MembersOf("VT-A"); len(ms) != 0 {
			t.Errorf("VT-A still lists %d members", len(ms))
		}
		if ms, _ := tx.MembersOf("VT-B"); len(ms) != 1 {
			t.Errorf("VT-B lists %d members, want 1", len(ms))
		}
		counts := tx.ConfirmedByMember([]string{"VT-A", "VT-B"}, youthbot.YearPeriod(2026))
		if got := counts[7]; got.Participations != 4 || got.Tenths != 80 {
			t.Errorf("ConfirmedByMember = %+v, want 4 participations, 80 tenths", got)
		}
		mt, err := tx.MemberTallyOf(7, mar)
		if err != nil {
			return err
		}
		if mt.Participations != 3 {
			t.Errorf("MemberTallyOf March = %+v, want 3", mt)
		}
		return nil
	})
}

func TestTransferIndexes(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var first youthbot.Transfer
	update(t, db, func(tx *Tx) error {
		first = youthbot.Transfer{Member: 7, From: "VT-A", To: "VT-B", RequestedBy: 7, RequestedAt: now, Status: youthbot.TransferPending}
		if err := tx.AddTransfer(&first); err != nil {
			return err
		}
		second := youthbot.Transfer{Member: 7, From: "VT-A", To: "PH-C", RequestedBy: 7, RequestedAt: now, Status: youthbot.TransferPending}
		if err := tx.AddTransfer(&second); youthbot.ErrorCode(err) != youthbot.ECONFLICT {
			t.Errorf("second pending transfer of a member: %v, want ECONFLICT", err)
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		got, found, err := tx.PendingTransferOf(7)
		if err != nil || !found || got.ID != first.ID {
			t.Errorf("PendingTransferOf = %+v, %v, %v", got, found, err)
		}
		if list, _ := tx.PendingTransfers("VT-B"); len(list) != 1 {
			t.Errorf("PendingTransfers(VT-B) = %d, want 1", len(list))
		}
		return nil
	})
	update(t, db, func(tx *Tx) error {
		first.Status, first.DecidedAt = youthbot.TransferRejected, now
		return tx.PutTransfer(&first)
	})
	view(t, db, func(tx *Tx) error {
		if _, found, _ := tx.PendingTransferOf(7); found {
			t.Error("a decided transfer is still the member's pending one")
		}
		if list, _ := tx.PendingTransfers("VT-B"); len(list) != 0 {
			t.Errorf("PendingTransfers(VT-B) = %d after the decision, want 0", len(list))
		}
		if _, err := tx.Transfer(first.ID); err != nil {
			t.Errorf("the decided transfer is gone: %v", err)
		}
		if _, err := tx.Transfer(999); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("unknown transfer: %v, want ENOTFOUND", err)
		}
		return nil
	})
}

func TestForgetMemberWithdrawsAndAnonymisesTransfers(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	var done, open youthbot.Transfer
	update(t, db, func(tx *Tx) error {
		if err := tx.PutMember(youthbot.Member{UserID: 7, Unit: "VT-A", FullName: "An", Status: youthbot.StatusApproved, DecidedAt: now}); err != nil {
			return err
		}
		done = youthbot.Transfer{Member: 7, From: "PH-C", To: "VT-A", RequestedBy: 7, Status: youthbot.TransferPending}
		if err := tx.AddTransfer(&done); err != nil {
			return err
		}
		done.Status = youthbot.TransferAccepted
		if err := tx.PutTransfer(&done); err != nil {
			return err
		}
		open = youthbot.Transfer{Member: 7, From: "VT-A", To: "VT-B", RequestedBy: 7, Status: youthbot.TransferPending}
		if err := tx.AddTransfer(&open); err != nil {
			return err
		}
		_, err := tx.ForgetMember(7, now)
		return err
	})
	view(t, db, func(tx *Tx) error {
		if _, found, _ := tx.PendingTransferOf(7); found {
			t.Error("the forgotten member still has a pending transfer")
		}
		if list, _ := tx.PendingTransfers("VT-B"); len(list) != 0 {
			t.Errorf("%d transfers still wait at VT-B", len(list))
		}
		for _, id := range []uint64{done.ID, open.ID} {
			tr, err := tx.Transfer(id)
			if err != nil {
				return err
			}
			if tr.Member >= 0 || tr.RequestedBy >= 0 {
				t.Errorf("transfer %d still names the person: %+v", id, tr)
			}
		}
		if tr, _ := tx.Transfer(open.ID); tr.Status != youthbot.TransferCancelled {
			t.Errorf("the pending transfer is %s, want cancelled", tr.Status)
		}
		return nil
	})
}
