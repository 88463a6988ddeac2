package membership_test

import (
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// claimBranch is the branch the imported members belong to.
const claimBranch = "VT-CDCD-CNTT"

// importMember stores a member as `youthbot import` does (no Telegram
// account, membership from joined).
func importMember(b *bottest.Bot, name string, birth youthbot.Date, phone string, joined youthbot.Date) youthbot.Member {
	b.T.Helper()
	m := youthbot.Member{FullName: name, Birth: birth, Unit: claimBranch, Phone: phone, Joined: joined}
	b.Update(func(tx *storage.Tx) error { _, err := tx.UpsertImportedMember(&m, b.Now(), b.Loc); return err })
	return m
}

// claimFigures are the branch's figures of the years and the month that
// an imported member's history and a new registration touch.
func claimFigures(b *bottest.Bot) [3][2]int {
	b.T.Helper()
	var out [3][2]int
	b.View(func(tx *storage.Tx) error {
		for i, p := range []youthbot.Period{youthbot.YearPeriod(2024), youthbot.YearPeriod(2026), youthbot.MonthPeriod(2026, 3)} {
			f, err := tx.Figures(claimBranch, p, b.Loc)
			if err != nil {
				return err
			}
			out[i] = [2]int{f.MembersTotal, f.MembersNew}
		}
		return nil
	})
	return out
}

// registerVia takes u through the registration dialog from the invite link,
// with the contact button or skipping the phone, and confirms.
func registerVia(t *testing.T, b *bottest.Bot, u *telegramtest.User, name, birth string, contact bool) {
	t.Helper()
	inv := youthbot.Invite{Code: youthbot.NewCode(10), Kind: youthbot.InviteMember, Unit: claimBranch, CreatedAt: b.Now()}
	b.Update(func(tx *storage.Tx) error { return tx.PutInvite(inv) })
	u.Send("/start " + inv.Payload())
	u.Press(u.Expect(t, "Đồng ý xử lý dữ liệu"), "Đồng ý")
	u.Expect(t, "họ và tên")
	u.Send(name)
	u.Expect(t, "Ngày sinh")
	u.Send(birth)
	u.Expect(t, "số điện thoại")
	if contact {
		u.ShareContact()
		u.Expect(t, "Đã nhận")
	} else {
		u.Send("Bỏ qua") // the reply keyboard's button
		u.Expect(t, "Đã bỏ qua")
	}
	u.Press(u.Expect(t, "Kiểm tra lại thông tin"), "Xác nhận")
}

// checkOneMember checks that u is the one approved member of the branch
// named name, born birth, and that the imported record is gone.
func checkOneMember(t *testing.T, b *bottest.Bot, u *telegramtest.User, name string, birth youthbot.Date, joined youthbot.Date) {
	t.Helper()
	b.View(func(tx *storage.Tx) error {
		ms, err := tx.MembersOf(claimBranch, youthbot.StatusApproved)
		if err != nil {
			return err
		}
		n := 0
		for _, m := range ms {
			if m.FullName == name {
				n++
				if m.UserID != u.ID || m.Birth != birth || m.Joined != joined {
					t.Errorf("the member is %+v", m)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d approved members named %s", n, name)
		}
		if _, found, _ := tx.ImportedByName(claimBranch, name, birth); found {
			t.Error("the imported record is still there, unclaimed")
		}
		return nil
	})
}

// TestEndToEndClaimByPhone: a member imported from the workbook who
// registers in their branch with the contact button takes over their
// record at once (Telegram vouches for the phone): no approval to wait
// for, one member, the membership history and every figure as before.
func TestEndToEndClaimByPhone(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", claimBranch)
	an := b.Server.NewUser("An", "vi")
	birth, joined := youthbot.Date{Year: 2004, Month: 3, Day: 15}, youthbot.Date{Year: 2024, Month: 9, Day: 2}
	importMember(b, "Nguyễn Văn An", birth, "0"+strings.TrimPrefix(an.Phone, "+84"), joined)
	before := claimFigures(b)
	if before[0] != [2]int{1, 1} {
		t.Fatalf("figures of 2024 before: %v", before[0])
	}

	registerVia(t, b, an, "Nguyễn Văn An", "15/03/2004", true)
	an.Expect(t, "Bạn đã có trong danh sách đoàn viên")
	sec.Expect(t, "đã đăng ký trên bot bằng số điện thoại")
	b.Settle()
	if got := claimFigures(b); got != before {
		t.Errorf("figures (2024, 2026, 03/2026) %v, before the claim %v", got, before)
	}
	checkOneMember(t, b, an, "Nguyễn Văn An", birth, joined)
	an.Send("/profile")
	an.Expect(t, "Ngày vào Đoàn: 02/09/2024")
	b.Settle()
	sec.NoMore(t) // no approval request
}

// TestEndToEndClaimByName: a registration with the name and date of birth
// of an imported member (no phone shared) waits for the secretary, whose
// request says it matches; the approval takes over the imported record.
func TestEndToEndClaimByName(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	sec := b.Secretary("Hoa", claimBranch)
	binh := b.Server.NewUser("Bình", "vi")
	birth, joined := youthbot.Date{Year: 2003, Month: 7, Day: 1}, youthbot.Date{Year: 2024, Month: 3, Day: 26}
	importMember(b, "Trần Thị Bình", birth, "", joined)
	before := claimFigures(b)

	registerVia(t, b, binh, "trần thị bình", "01/07/2003", false)
	binh.Expect(t, "Đã gửi đăng ký")
	req := sec.Expect(t, "Trùng họ tên và ngày sinh")
	sec.Press(req, "Duyệt")
	binh.Expect(t, "Bạn đã có trong danh sách đoàn viên do chi đoàn nhập")
	b.Settle()
	if got := claimFigures(b); got != before {
		t.Errorf("figures (2024, 2026, 03/2026) %v, before the claim %v", got, before)
	}
	checkOneMember(t, b, binh, "Trần Thị Bình", birth, joined)
}
