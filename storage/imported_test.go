package storage

import (
	"bytes"
	"testing"
	"time"

	"youthbot"
	"youthbot/storage/internal/kv"
)

func importedRow(name string, joined youthbot.Date, phone string) *youthbot.Member {
	return &youthbot.Member{Unit: "VT-A", FullName: name, Birth: youthbot.Date{Year: 2001, Month: 4, Day: 30}, Joined: joined, Phone: phone, Gender: youthbot.GenderFemale}
}

// TestImportedMembers: keyed rows, counted from the day they joined, found
// by phone (any form) or by name and birth, never sent anything.
func TestImportedMembers(t *testing.T) {
	db := withTree(t)
	loc := time.UTC
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	march := youthbot.Date{Year: 2025, Month: 3, Day: 26}
	var id int64
	steps := []struct {
		name string
		m    *youthbot.Member
		want Change
	}{
		{"New", importedRow("Trần Thị Hoa", march, "0912 345 678"), Created},
		{"Same", importedRow("Trần Thị Hoa", march, "+84912345678"), Unchanged},
		{"SameFolded", importedRow("TRẦN THỊ HOA", march, "0912345678"), Updated}, // the name's spelling is updated, the key is the same
		{"Joined", importedRow("TRẦN THỊ HOA", youthbot.Date{Year: 2025, Month: 9, Day: 2}, "0912345678"), Updated},
		{"Phone", importedRow("TRẦN THỊ HOA", youthbot.Date{Year: 2025, Month: 9, Day: 2}, "0987654321"), Updated},
		{"Other", importedRow("Lê Văn Nam", youthbot.Date{}, ""), Created}, // joined: the import's day
	}
	for _, s := range steps {
		update(t, db, func(tx *Tx) error {
			got, err := tx.UpsertImportedMember(s.m, now, loc)
			if err != nil || got != s.want {
				t.Errorf("%s: %v, %v; want %v", s.name, got, err, s.want)
			}
			if !youthbot.IsImportedID(s.m.UserID) || s.m.Status != youthbot.StatusApproved {
				t.Errorf("%s: id %d, status %s", s.name, s.m.UserID, s.m.Status)
			}
			if id == 0 {
				id = s.m.UserID
			}
			return nil
		})
	}
	view(t, db, func(tx *Tx) error {
		lookups := []struct {
			name  string
			find  func() (youthbot.Member, bool, error)
			found bool
		}{
			{"PhoneTelegramForm", func() (youthbot.Member, bool, error) { return tx.ImportedByPhone("84987654321") }, true},
			{"PhoneOfficeForm", func() (youthbot.Member, bool, error) { return tx.ImportedByPhone("0987 654 321") }, true},
			{"OldPhone", func() (youthbot.Member, bool, error) { return tx.ImportedByPhone("+84912345678") }, false},
			{"NameFolded", func() (youthbot.Member, bool, error) {
				return tx.ImportedByName("VT-A", "tran thi hoa", youthbot.Date{Year: 2001, Month: 4, Day: 30})
			}, true},
			{"OtherBirth", func() (youthbot.Member, bool, error) {
				return tx.ImportedByName("VT-A", "Trần Thị Hoa", youthbot.Date{Year: 2001, Month: 4, Day: 29})
			}, false},
			{"OtherBranch", func() (youthbot.Member, bool, error) {
				return tx.ImportedByName("VT-B", "Trần Thị Hoa", youthbot.Date{Year: 2001, Month: 4, Day: 30})
			}, false},
		}
		for _, l := range lookups {
			m, found, err := l.find()
			if err != nil || found != l.found || found && m.UserID != id {
				t.Errorf("%s: %d %v %v", l.name, m.UserID, found, err)
			}
		}
		// Counted from the day they joined: September, not March.
		for _, c := range []struct {
			p            youthbot.Period
			total, fresh int
		}{
			{youthbot.MonthPeriod(2025, 3), 0, 0},
			{youthbot.MonthPeriod(2025, 9), 1, 1},
			{youthbot.YearPeriod(2025), 1, 1},
			{youthbot.MonthPeriod(2026, 3), 2, 1},
		} {
			f, _ := tx.Figures("HG", c.p, loc)
			if f.MembersTotal != c.total || f.MembersNew != c.fresh {
				t.Errorf("%s: %d members, %d new; want %d, %d", c.p, f.MembersTotal, f.MembersNew, c.total, c.fresh)
			}
		}
		n, err := tx.CountRecipients([]string{"HG"})
		if err != nil || n != 0 {
			t.Errorf("recipients: %d, %v; imported members have no account", n, err)
		}
		if added, err := tx.Enqueue(&youthbot.Outgoing{Chat: id, Method: "sendMessage"}); added || err != nil {
			t.Errorf("a message to an imported member queued: %v %v", added, err)
		}
		return nil
	})
}

// TestTakeOverMember: the person who registers takes the record over with
// its history; the re-import then changes nothing; the figures are the same.
func TestTakeOverMember(t *testing.T) {
	db := withTree(t)
	loc := time.UTC
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, loc)
	joined := youthbot.Date{Year: 2025, Month: 3, Day: 26}
	const user = int64(880123457)
	var imported int64
	update(t, db, func(tx *Tx) error {
		m := importedRow("Trần Thị Hoa", joined, "0912345678")
		if _, err := tx.UpsertImportedMember(m, now, loc); err != nil {
			return err
		}
		imported = m.UserID
		// The person registered meanwhile: a pending record of their own.
		return tx.PutMember(youthbot.Member{UserID: user, Unit: "VT-A", FullName: "Hoa", Status: youthbot.StatusPending, RegisteredAt: now})
	})
	before := figuresOf(t, db, "HG", youthbot.YearPeriod(2025))
	update(t, db, func(tx *Tx) error {
		m, err := tx.TakeOverMember(imported, user)
		if err != nil {
			return err
		}
		if m.UserID != user || m.Status != youthbot.StatusApproved || m.FullName != "Trần Thị Hoa" || m.Joined != joined {
			t.Errorf("taken over: %+v", m)
		}
		if _, err := tx.Member(imported); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("the imported record is still there: %v", err)
		}
		if _, ok, _ := tx.ImportedByPhone("0912345678"); ok {
			t.Error("a taken-over member is still found by phone")
		}
		if _, ok, _ := tx.ImportedByName("VT-A", "Trần Thị Hoa", importedRow("", joined, "").Birth); ok {
			t.Error("a taken-over member is still found by name")
		}
		again := importedRow("Trần Thị Hoa", joined, "0900000000")
		if c, err := tx.UpsertImportedMember(again, now, loc); err != nil || c != Unchanged || again.UserID != user {
			t.Errorf("re-import after the take-over: %v, %v, id %d", c, err, again.UserID)
		}
		if _, err := tx.TakeOverMember(imported, user); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("second take-over: %v", err)
		}
		return nil
	})
	if after := figuresOf(t, db, "HG", youthbot.YearPeriod(2025)); after.MembersTotal != before.MembersTotal || after.MembersNew != before.MembersNew || before.MembersTotal != 1 {
		t.Errorf("members before %d/%d, after %d/%d", before.MembersTotal, before.MembersNew, after.MembersTotal, after.MembersNew)
	}
	// Another imported record cannot go to an approved member.
	err := db.Update(func(tx *Tx) error {
		m := importedRow("Lê Văn Nam", joined, "")
		if _, err := tx.UpsertImportedMember(m, now, loc); err != nil {
			return err
		}
		_, err := tx.TakeOverMember(m.UserID, user)
		return err
	})
	if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
		t.Errorf("take-over by an approved member: %v", err)
	}
	// /forgetme erases the import key: the name and birth are nowhere.
	update(t, db, func(tx *Tx) error {
		_, err := tx.Erase(user, now, "-")
		return err
	})
	view(t, db, func(tx *Tx) error {
		for _, name := range [][]byte{kv.ImportedKeys, kv.ImportedIDs, kv.MemberPhones} {
			tx.Bolt().Bucket(name).ForEach(func(k, v []byte) error {
				if bytes.Contains(k, []byte("tran thi hoa")) || bytes.Contains(v, []byte("tran thi hoa")) {
					t.Errorf("%s still holds the forgotten member's key %q", name, k)
				}
				return nil
			})
		}
		return nil
	})
}

func figuresOf(t *testing.T, db *DB, unit string, p youthbot.Period) *youthbot.Figures {
	t.Helper()
	var f *youthbot.Figures
	view(t, db, func(tx *Tx) error {
		var err error
		f, err = tx.Figures(unit, p, time.UTC)
		return err
	})
	return f
}

// TestReimportOfARemovedMember: a record removed in the bot since the
// import is not brought back by the same row, and the import goes on.
func TestReimportOfARemovedMember(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	row := func() *youthbot.Member {
		return importedRow("Trần Thị Hoa", youthbot.Date{Year: 2025, Month: 3, Day: 26}, "")
	}
	update(t, db, func(tx *Tx) error {
		m := row()
		if _, err := tx.UpsertImportedMember(m, now, time.UTC); err != nil {
			return err
		}
		return tx.DeleteMember(m.UserID)
	})
	update(t, db, func(tx *Tx) error {
		m := row()
		c, err := tx.UpsertImportedMember(m, now, time.UTC)
		if err != nil || c != Unchanged {
			t.Errorf("re-import of a removed member: %v, %v", c, err)
		}
		if _, err := tx.Member(m.UserID); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("the removed member came back: %v", err)
		}
		return nil
	})
}
