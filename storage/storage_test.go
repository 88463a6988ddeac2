package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"youthbot"
	"youthbot/storage/internal/kv"
	"youthbot/unitcsv"
)

// open returns a fresh database in a temp dir; at cleanup it checks the
// file's consistency and the indexes against the records.
func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "test.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		checkConsistent(t, db)
		db.Close()
	})
	return db
}

func checkConsistent(t *testing.T, db *DB) {
	t.Helper()
	err := db.View(func(tx *Tx) error {
		for err := range tx.tx.Check() {
			return err
		}
		// Every member is indexed under its unit with its status, and
		// every index entry has its member.
		n := 0
		err := tx.Bolt().Bucket(kv.Members).ForEach(func(k, v []byte) error {
			var m youthbot.Member
			if err := json.Unmarshal(v, &m); err != nil {
				return err
			}
			got := tx.Bolt().Bucket(kv.UnitMembers).Get(kv.Join([]byte(m.Unit), k))
			if string(got) != string(m.Status) {
				t.Errorf("member %d: index has status %q, record %q", m.UserID, got, m.Status)
			}
			n++
			return nil
		})
		if err != nil {
			return err
		}
		if idx := tx.Bolt().Bucket(kv.UnitMembers).Stats().KeyN; idx != n {
			t.Errorf("unit_members has %d entries for %d members", idx, n)
		}
		return nil
	})
	if err != nil {
		t.Errorf("consistency: %v", err)
	}
}

func update(t *testing.T, db *DB, fn func(tx *Tx) error) {
	t.Helper()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func view(t *testing.T, db *DB, fn func(tx *Tx) error) {
	t.Helper()
	if err := db.View(fn); err != nil {
		t.Fatal(err)
	}
}

var tree = []youthbot.Unit{
	{Code: "HG", Name: "Tỉnh đoàn Hậu Giang", Kind: youthbot.KindProvince},
	{Code: "VT", Name: "Thành đoàn Vị Thanh", Parent: "HG", Kind: youthbot.KindDistrict},
	{Code: "PH", Name: "Huyện đoàn Phụng Hiệp", Parent: "HG", Kind: youthbot.KindDistrict},
	{Code: "VT-A", Name: "Chi đoàn A", Parent: "VT", Kind: youthbot.KindBranch},
	{Code: "VT-B", Name: "Chi đoàn B", Parent: "VT", Kind: youthbot.KindBranch},
	{Code: "PH-C", Name: "Chi đoàn C", Parent: "PH", Kind: youthbot.KindBranch},
}

func withTree(t *testing.T) *DB {
	db := open(t)
	update(t, db, func(tx *Tx) error {
		for _, u := range tree {
			if err := tx.PutUnit(u); err != nil {
				return err
			}
		}
		return nil
	})
	return db
}

func TestOpenRecordsSchemaAndRefusesNewer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *Tx) error { return tx.Bolt().Bucket(kv.Meta).Put(kv.KeySchema, kv.U64Key(SchemaVersion+1)) })
	db.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("got %v, want a refusal of the newer schema", err)
	}
}

func TestOpenFailsFastWhenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "l.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	_, err = Open(path, Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("got %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v to fail", d)
	}
}

func TestUnitTree(t *testing.T) {
	db := withTree(t)
	view(t, db, func(tx *Tx) error {
		if got, want := tx.ChildCodes(""), []string{"HG"}; !slices.Equal(got, want) {
			t.Errorf("roots = %v, want %v", got, want)
		}
		if got, want := tx.ChildCodes("VT"), []string{"VT-A", "VT-B"}; !slices.Equal(got, want) {
			t.Errorf("children of VT = %v, want %v", got, want)
		}
		path, err := tx.Ancestors("VT-B")
		if err != nil {
			return err
		}
		if want := []string{"VT-B", "VT", "HG"}; !slices.Equal(path, want) {
			t.Errorf("ancestors = %v, want %v", path, want)
		}
		if got, want := tx.Subtree("HG"), []string{"HG", "PH", "VT", "PH-C", "VT-A", "VT-B"}; !slices.Equal(got, want) {
			t.Errorf("subtree = %v, want %v", got, want)
		}
		if _, err := tx.Unit("NOPE"); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("unknown unit: got %v, want ENOTFOUND", err)
		}
		return nil
	})
}

func TestPutUnitMovesItInTheTree(t *testing.T) {
	db := withTree(t)
	update(t, db, func(tx *Tx) error {
		return tx.PutUnit(youthbot.Unit{Code: "VT-B", Name: "Chi đoàn B", Parent: "PH", Kind: youthbot.KindBranch})
	})
	view(t, db, func(tx *Tx) error {
		if got, want := tx.ChildCodes("VT"), []string{"VT-A"}; !slices.Equal(got, want) {
			t.Errorf("children of VT = %v, want %v", got, want)
		}
		if got, want := tx.ChildCodes("PH"), []string{"PH-C", "VT-B"}; !slices.Equal(got, want) {
			t.Errorf("children of PH = %v, want %v", got, want)
		}
		return nil
	})
}

func TestMembersIndexFollowsUnitAndStatus(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	update(t, db, func(tx *Tx) error {
		for i, unit := range []string{"VT-A", "VT-A", "VT-B"} {
			m := youthbot.Member{UserID: int64(100 + i), Unit: unit, FullName: "X", Status: youthbot.StatusPending, RegisteredAt: now}
			if err := tx.PutMember(m); err != nil {
				return err
			}
		}
		m, err := tx.Member(101)
		if err != nil {
			return err
		}
		m.Status, m.Unit = youthbot.StatusApproved, "VT-B"
		return tx.PutMember(m)
	})
	view(t, db, func(tx *Tx) error {
		a, _ := tx.MembersOf("VT-A")
		b, _ := tx.MembersOf("VT-B", youthbot.StatusApproved)
		pending, _ := tx.MembersOf("VT-B", youthbot.StatusPending)
		if len(a) != 1 || a[0].UserID != 100 {
			t.Errorf("VT-A members = %v, want [100]", a)
		}
		if len(b) != 1 || b[0].UserID != 101 {
			t.Errorf("VT-B approved = %v, want [101]", b)
		}
		if len(pending) != 1 || pending[0].UserID != 102 {
			t.Errorf("VT-B pending = %v, want [102]", pending)
		}
		if got := tx.CountMembers("VT-B"); got[youthbot.StatusApproved] != 1 || got[youthbot.StatusPending] != 1 {
			t.Errorf("counts = %v", got)
		}
		return nil
	})
}

func TestForgetMemberKeepsAnAnonymousCount(t *testing.T) {
	db := withTree(t)
	reg := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	approved := reg.Add(time.Hour)
	forgot := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	var anon int64
	update(t, db, func(tx *Tx) error {
		m := youthbot.Member{UserID: 7, Unit: "VT-A", FullName: "Nguyễn Văn An", Phone: "+84901234567",
			Birth: youthbot.Date{Year: 2004, Month: 3, Day: 15}, Status: youthbot.StatusApproved, RegisteredAt: reg, DecidedAt: approved}
		if err := tx.PutMember(m); err != nil {
			return err
		}
		var err error
		anon, err = tx.ForgetMember(7, forgot)
		return err
	})
	view(t, db, func(tx *Tx) error {
		if _, err := tx.Member(7); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
			t.Errorf("member 7 still there: %v", err)
		}
		ms, _ := tx.MembersOf("VT-A")
		if len(ms) != 1 {
			t.Fatalf("got %d records in VT-A, want the anonymous one", len(ms))
		}
		m := ms[0]
		if m.UserID != anon || anon >= 0 || m.FullName != "" || m.Phone != "" || !m.Birth.IsZero() {
			t.Errorf("anonymous record keeps personal data or id: %+v", m)
		}
		if !m.Active(forgot.Add(-time.Hour)) || m.Active(forgot.Add(time.Hour)) {
			t.Errorf("anonymous record must count until %v and not after: %+v", forgot, m)
		}
		return nil
	})
}

func TestSecretariesAndRights(t *testing.T) {
	db := withTree(t)
	update(t, db, func(tx *Tx) error {
		if err := tx.AddSecretary(1, "VT"); err != nil {
			return err
		}
		if err := tx.AddSecretary(1, "PH-C"); err != nil {
			return err
		}
		return tx.AddSecretary(2, "VT-A")
	})
	view(t, db, func(tx *Tx) error {
		if got, want := tx.SecretaryUnits(1), []string{"PH-C", "VT"}; !slices.Equal(got, want) {
			t.Errorf("units of 1 = %v, want %v", got, want)
		}
		tests := []struct {
			units []string
			unit  string
			want  bool
		}{
			{[]string{"VT"}, "VT-A", true},
			{[]string{"VT"}, "VT", true},
			{[]string{"VT"}, "PH-C", false},
			{[]string{"VT"}, "HG", false},
			{[]string{"VT-A"}, "VT-B", false},
			{nil, "VT-A", false},
			{[]string{"VT"}, "NOPE", false},
		}
		for _, tt := range tests {
			if got, err := tx.Manages(tt.units, tt.unit); err != nil || got != tt.want {
				t.Errorf("Manages(%v, %s) = %v, %v; want %v", tt.units, tt.unit, got, err, tt.want)
			}
		}
		ids, at, _ := tx.NearestSecretaries("VT-B")
		if !slices.Equal(ids, []int64{1}) || at != "VT" {
			t.Errorf("nearest of VT-B = %v at %s, want [1] at VT", ids, at)
		}
		ids, at, _ = tx.NearestSecretaries("VT-A")
		if !slices.Equal(ids, []int64{2}) || at != "VT-A" {
			t.Errorf("nearest of VT-A = %v at %s, want [2] at VT-A", ids, at)
		}
		return nil
	})
	update(t, db, func(tx *Tx) error { return tx.RemoveSecretary(1, "VT") })
	view(t, db, func(tx *Tx) error {
		if got := tx.Secretaries("VT"); len(got) != 0 {
			t.Errorf("VT secretaries after removal = %v", got)
		}
		return nil
	})
}

func TestMemberInviteIsTheUnitsStandingLink(t *testing.T) {
	db := withTree(t)
	update(t, db, func(tx *Tx) error {
		return tx.PutInvite(youthbot.Invite{Code: "abcd2345", Kind: youthbot.InviteMember, Unit: "VT-A"})
	})
	view(t, db, func(tx *Tx) error {
		inv, found, err := tx.MemberInvite("VT-A")
		if err != nil || !found || inv.Code != "abcd2345" {
			t.Errorf("got %+v %v %v", inv, found, err)
		}
		if _, found, _ := tx.MemberInvite("VT-B"); found {
			t.Error("VT-B has no invite")
		}
		return nil
	})
}

func TestUpdateLog(t *testing.T) {
	db := open(t)
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	update(t, db, func(tx *Tx) error {
		if err := tx.MarkUpdate(10, t0); err != nil {
			return err
		}
		if err := tx.MarkUpdate(12, t0.Add(50*time.Hour)); err != nil {
			return err
		}
		return tx.MarkUpdate(11, t0.Add(50*time.Hour))
	})
	view(t, db, func(tx *Tx) error {
		if !tx.UpdateSeen(10) || !tx.UpdateSeen(11) || tx.UpdateSeen(13) {
			t.Error("UpdateSeen wrong")
		}
		if got := tx.Offset(); got != 12 {
			t.Errorf("offset = %d, want the highest, 12", got)
		}
		return nil
	})
	update(t, db, func(tx *Tx) error {
		n, err := tx.PruneUpdates(t0.Add(48 * time.Hour))
		if n != 1 {
			t.Errorf("pruned %d, want 1", n)
		}
		return err
	})
	view(t, db, func(tx *Tx) error {
		if tx.UpdateSeen(10) || !tx.UpdateSeen(12) {
			t.Error("prune removed the wrong records")
		}
		return nil
	})
}

func TestOutboxKeepsOrderAndSkipsRepeatedKeys(t *testing.T) {
	db := open(t)
	now := time.Now()
	update(t, db, func(tx *Tx) error {
		for i, key := range []string{"tally/1", "", "tally/1", "tally/2"} {
			o := &youthbot.Outgoing{Chat: int64(i), Method: "sendMessage", Key: key, Queued: now}
			added, err := tx.Enqueue(o)
			if err != nil {
				return err
			}
			if want := i != 2; added != want {
				t.Errorf("message %d (key %q): added %v, want %v", i, key, added, want)
			}
		}
		return nil
	})
	var msgs []*youthbot.Outgoing
	view(t, db, func(tx *Tx) (err error) { msgs, err = tx.Outbox(); return err })
	var chats []int64
	for _, m := range msgs {
		chats = append(chats, m.Chat)
	}
	if !slices.Equal(chats, []int64{0, 1, 3}) {
		t.Fatalf("outbox chats = %v, want [0 1 3]", chats)
	}
	update(t, db, func(tx *Tx) error { return tx.DeleteOutgoing(msgs[0].Seq) })
	view(t, db, func(tx *Tx) error {
		if n, _ := tx.OutboxStats(); n != 2 {
			t.Errorf("depth = %d, want 2", n)
		}
		if !tx.OutboxKeySeen("tally/1") {
			t.Error("a delivered message's key must stay recorded")
		}
		return nil
	})
}

func TestWriteToMakesAVerifiableCopy(t *testing.T) {
	db := withTree(t)
	var buf bytes.Buffer
	if _, err := db.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := writeFile(path, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if err := Verify(path); err != nil {
		t.Fatalf("verify copy: %v", err)
	}
	cp, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	cp.View(func(tx *Tx) error {
		if units, _ := tx.Units(); len(units) != len(tree) {
			t.Errorf("copy has %d units, want %d", len(units), len(tree))
		}
		return nil
	})
}

func TestVerifyRejectsACopyCutShort(t *testing.T) {
	db := open(t)
	update(t, db, func(tx *Tx) error {
		for id := int64(1); id <= 20000; id++ {
			if err := tx.PutUser(youthbot.User{ID: id, Lang: "vi"}); err != nil {
				return err
			}
		}
		return nil
	})
	var buf bytes.Buffer
	if _, err := db.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	for _, keep := range []int{buf.Len() / 4, buf.Len() / 2, buf.Len() * 3 / 4, buf.Len() - 4096} {
		path := filepath.Join(t.TempDir(), "cut.db")
		if err := writeFile(path, buf.Bytes()[:keep]); err != nil {
			t.Fatal(err)
		}
		if err := Verify(path); err == nil {
			t.Errorf("a copy cut at %d of %d bytes passed Verify", keep, buf.Len())
		}
	}
}

func TestVerifyRejectsAnotherFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junk.db")
	writeFile(path, bytes.Repeat([]byte("x"), 8192))
	if err := Verify(path); err == nil {
		t.Fatal("junk passed Verify")
	}
	// A bbolt file that is not a youthbot database.
	other := filepath.Join(t.TempDir(), "other.db")
	b, err := bolt.Open(other, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if err := Verify(other); err == nil {
		t.Fatal("a foreign bbolt file passed Verify")
	}
}

func TestImportUnitsIsAllOrNothing(t *testing.T) {
	db := withTree(t)
	rows, err := unitcsv.Parse(strings.NewReader("code,name,parent,kind\nVT-D,Chi đoàn D,VT,branch\nX,Chi đoàn X,NOPE,branch\n"))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *Tx) error { _, _, err := tx.ImportUnits(rows); return err })
	if err == nil {
		t.Fatal("import with an unknown parent succeeded")
	}
	view(t, db, func(tx *Tx) error {
		if _, err := tx.Unit("VT-D"); err == nil {
			t.Error("VT-D was written although the file had an error")
		}
		return nil
	})
}

func TestDecidersSkipTheSubjectsOwnLevels(t *testing.T) {
	db := withTree(t)
	update(t, db, func(tx *Tx) error {
		for _, s := range []struct {
			id   int64
			unit string
		}{{1, "HG"}, {2, "VT"}, {3, "VT-A"}, {4, "VT-A"}} {
			if err := tx.AddSecretary(s.id, s.unit); err != nil {
				return err
			}
		}
		return nil
	})
	tests := []struct {
		name    string
		unit    string
		subject int64
		want    []int64
		at      string
	}{
		{"AMemberGoesToTheBranch", "VT-A", 100, []int64{3, 4}, "VT-A"},
		{"ABranchSecretaryGoesAboveNotToPeers", "VT-A", 3, []int64{2}, "VT"},
		{"ADistrictSecretaryInABranchBelowGoesToTheBranch", "VT-A", 2, []int64{3, 4}, "VT-A"},
		{"NoBranchSecretariesSkipsToTheNearest", "VT-B", 100, []int64{2}, "VT"},
		{"TheNearestIsTheSubject", "VT-B", 2, []int64{1}, "HG"},
		{"NobodyAboveTheTopGoesToTheOtherAdmins", "HG", 1, []int64{900}, ""}, // 1 is an admin too
	}
	view(t, db, func(tx *Tx) error {
		for _, tt := range tests {
			ids, at, err := tx.Deciders(tt.unit, tt.subject, []int64{900, 1})
			if err != nil || !slices.Equal(ids, tt.want) || at != tt.at {
				t.Errorf("%s: Deciders(%s, %d) = %v at %q, %v; want %v at %q", tt.name, tt.unit, tt.subject, ids, at, err, tt.want, tt.at)
			}
		}
		return nil
	})
}

func TestRemoveSecretaryRevokesOnlyUnusedLinksOutsideRemainingRights(t *testing.T) {
	db := withTree(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	invites := []youthbot.Invite{
		{Code: "gone", Kind: youthbot.InviteSecretary, Unit: "VT-A", CreatedBy: 1},            // VT lost
		{Code: "used", Kind: youthbot.InviteSecretary, Unit: "VT-B", CreatedBy: 1, UsedBy: 9}, // history
		{Code: "kept", Kind: youthbot.InviteSecretary, Unit: "PH-C", CreatedBy: 1},            // PH-C kept
		{Code: "other", Kind: youthbot.InviteSecretary, Unit: "VT-A", CreatedBy: 2},           // someone else's
		{Code: "member", Kind: youthbot.InviteMember, Unit: "VT-A", CreatedBy: 1},             // the branch's standing link
	}
	update(t, db, func(tx *Tx) error {
		for _, s := range []struct {
			id   int64
			unit string
		}{{1, "VT"}, {1, "PH-C"}, {2, "VT"}} {
			if err := tx.AddSecretary(s.id, s.unit); err != nil {
				return err
			}
		}
		for _, inv := range invites {
			inv.CreatedAt = now
			if err := tx.PutInvite(inv); err != nil {
				return err
			}
		}
		if err := tx.SetSecretaryName(1, "VT", "Vinh"); err != nil {
			return err
		}
		return tx.RemoveSecretary(1, "VT")
	})
	view(t, db, func(tx *Tx) error {
		for _, inv := range invites {
			_, err := tx.Invite(inv.Code)
			if gone := youthbot.ErrorCode(err) == youthbot.ENOTFOUND; gone != (inv.Code == "gone") {
				t.Errorf("invite %s: revoked = %v (err %v)", inv.Code, gone, err)
			}
		}
		if tx.IsSecretaryOf(1, "VT") || tx.SecretaryName(1, "VT") != "" || !tx.IsSecretaryOf(1, "PH-C") {
			t.Errorf("roles of 1 after removal: %v", tx.SecretaryUnits(1))
		}
		return nil
	})
}
