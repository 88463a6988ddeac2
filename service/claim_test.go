package service_test

import (
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

var _ service.ClaimStore = (*storage.Tx)(nil)

// imported stores an imported member of branch (no Telegram account).
func imported(t *testing.T, db *storage.DB, branch, name string, birth youthbot.Date, phone string) youthbot.Member {
	t.Helper()
	m := youthbot.Member{Unit: branch, FullName: name, Birth: birth, Phone: phone, Joined: youthbot.Date{Year: 2023, Month: 3, Day: 26}}
	update(t, db, func(tx *storage.Tx) error { _, err := tx.UpsertImportedMember(&m, now, loc); return err })
	if !youthbot.IsImportedID(m.UserID) {
		t.Fatalf("imported member got id %d", m.UserID)
	}
	return m
}

func TestClaimImported(t *testing.T) {
	birth := youthbot.Date{Year: 2001, Month: 5, Day: 4}
	tests := []struct {
		name   string
		reg    youthbot.Member
		claim  bool
		by     string
		phone  string // the record's phone afterwards
		record string // which record is taken: "an" or "binh"
	}{
		{"SamePhoneSameBranch", youthbot.Member{Unit: "VT-A", FullName: "Nguyen Van A", Phone: "+84912345678"}, true, service.ClaimByPhone, "kept", "an"},
		{"SamePhoneWrittenTheOtherWay", youthbot.Member{Unit: "VT-A", FullName: "Ai đó", Phone: "0912345678"}, true, service.ClaimByPhone, "kept", "an"},
		{"SameNameAndBirthWithoutDiacritics", youthbot.Member{Unit: "VT-A", FullName: "nguyen  thi binh", Birth: birth}, true, service.ClaimByName, "", "binh"},
		{"NameAndBirthFillTheMissingPhone", youthbot.Member{Unit: "VT-A", FullName: "Nguyễn Thị Bình", Birth: birth, Phone: "+84987000111"}, true, service.ClaimByName, "+84987000111", "binh"},
		{"NameAndBirthWithAnotherPhoneIsSomeoneElse", youthbot.Member{Unit: "VT-A", FullName: "Trần Văn An", Birth: birth, Phone: "+84900000000"}, false, "", "", ""},
		{"SamePhoneOtherBranch", youthbot.Member{Unit: "VT-B", FullName: "Trần Văn An", Phone: "+84912345678"}, false, "", "", ""},
		{"SameNameOtherBranch", youthbot.Member{Unit: "VT-B", FullName: "Nguyễn Thị Bình", Birth: birth}, false, "", "", ""},
		{"SameNameOtherBirth", youthbot.Member{Unit: "VT-A", FullName: "Nguyễn Thị Bình", Birth: birth.AddDays(1)}, false, "", "", ""},
		{"NameWithoutBirth", youthbot.Member{Unit: "VT-A", FullName: "Nguyễn Thị Bình"}, false, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTree(t)
			an := imported(t, db, "VT-A", "Trần Văn An", birth, "0912345678")
			binh := imported(t, db, "VT-A", "Nguyễn Thị Bình", birth, "")
			const user = 4242
			var got service.Claim
			var ok bool
			update(t, db, func(tx *storage.Tx) (err error) {
				got, ok, err = service.ClaimImported(tx, user, tt.reg)
				return err
			})
			if ok != tt.claim {
				t.Fatalf("claimed %v, want %v", ok, tt.claim)
			}
			if !ok {
				update(t, db, func(tx *storage.Tx) error {
					if _, err := tx.Member(user); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
						t.Errorf("a member %d exists: %v", user, err)
					}
					return nil
				})
				return
			}
			want := map[string]youthbot.Member{"an": an, "binh": binh}[tt.record]
			if tt.phone == "kept" {
				tt.phone = want.Phone
			}
			if got.By != tt.by || got.Member.UserID != user || got.Member.FullName != want.FullName || got.Member.Phone != tt.phone {
				t.Errorf("claim %+v, want %s's record by %s with phone %q", got, want.FullName, tt.by, tt.phone)
			}
			update(t, db, func(tx *storage.Tx) error {
				m, err := tx.Member(user)
				if err != nil {
					return err
				}
				if m.Status != youthbot.StatusApproved || m.Unit != "VT-A" || m.Joined != want.Joined || m.Phone != tt.phone {
					t.Errorf("stored %+v", m)
				}
				if _, err := tx.Member(want.UserID); youthbot.ErrorCode(err) != youthbot.ENOTFOUND {
					t.Errorf("the imported record %d is still there: %v (a duplicate member)", want.UserID, err)
				}
				if _, found, _ := tx.ImportedByName("VT-A", want.FullName, want.Birth); found {
					t.Error("the record can be claimed twice")
				}
				// History kept: the member counts in the branch from the
				// day the workbook says they joined, as before the claim.
				f, err := tx.Figures("VT-A", youthbot.YearPeriod(2023), loc)
				if err != nil {
					return err
				}
				if f.MembersNew != 2 || f.MembersTotal != 2 {
					t.Errorf("2023 figures after the claim: new %d, total %d; want 2, 2", f.MembersNew, f.MembersTotal)
				}
				return nil
			})
		})
	}
}

func TestClaimImportedRefusesAnApprovedMember(t *testing.T) {
	db := openTree(t)
	birth := youthbot.Date{Year: 2001, Month: 5, Day: 4}
	imported(t, db, "VT-A", "Trần Văn An", birth, "0912345678")
	member(t, db, 77, "VT-A", youthbot.StatusApproved)
	err := db.Update(func(tx *storage.Tx) error {
		_, _, err := service.ClaimImported(tx, 77, youthbot.Member{Unit: "VT-A", Phone: "+84912345678"})
		return err
	})
	if youthbot.ErrorCode(err) != youthbot.ECONFLICT {
		t.Fatalf("got %v, want a conflict", err)
	}
}
