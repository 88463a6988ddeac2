package service_test

import (
	"path/filepath"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// The decisions' stores are implemented by the storage transaction.
var (
	_ service.UserStore     = (*storage.Tx)(nil)
	_ service.MemberStore   = (*storage.Tx)(nil)
	_ service.ActivityStore = (*storage.Tx)(nil)
	_ service.SeatStore     = (*storage.Tx)(nil)
	_ service.TransferStore = (*storage.Tx)(nil)
	_ service.DoneStore     = (*storage.Tx)(nil)
	_ service.ForgetStore   = (*storage.Tx)(nil)
)

var tree = []youthbot.Unit{
	{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince},
	{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: youthbot.KindDistrict},
	{Code: "VT-A", Name: "Chi đoàn A", Parent: "VT", Kind: youthbot.KindBranch},
	{Code: "VT-B", Name: "Chi đoàn B", Parent: "VT", Kind: youthbot.KindBranch},
	{Code: "PH", Name: "Huyện đoàn Phụng Hiệp", Parent: "HG", Kind: youthbot.KindDistrict},
	{Code: "PH-C", Name: "Chi đoàn C", Parent: "PH", Kind: youthbot.KindBranch},
}

var (
	loc, _ = time.LoadLocation("Asia/Ho_Chi_Minh")
	now    = time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	at     = service.When{Now: now, Today: youthbot.DateOf(now, loc)}
	sec    = service.Actor{ID: 900}
)

// openTree opens a database in t.TempDir() holding the unit tree.
func openTree(t *testing.T) *storage.DB {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "s.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	update(t, db, func(tx *storage.Tx) error {
		for _, u := range tree {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
	return db
}

func update(t *testing.T, db *storage.DB, fn func(tx *storage.Tx) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// member stores a member of unit with status, registered a week before now.
func member(t *testing.T, db *storage.DB, id int64, unit string, status youthbot.MemberStatus) youthbot.Member {
	t.Helper()
	m := youthbot.Member{UserID: id, Unit: unit, FullName: "Nguyễn Văn An", Status: status, RegisteredAt: now.AddDate(0, 0, -7)}
	update(t, db, func(tx *storage.Tx) error {
		if err := tx.PutMember(m); err != nil {
			return err
		}
		if status == youthbot.StatusApproved {
			return tx.OpenStint(id, unit, m.RegisteredAt, true)
		}
		return nil
	})
	return m
}

func text(key string, args ...any) service.Text { return service.Text{Key: key, Args: args} }

func notice(to int64, kind string, lines ...service.Text) service.Notice {
	return service.Notice{To: to, Kind: kind, Lines: lines}
}
