package groups_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/groups"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

func linkOf(b *bottest.Bot, chat int64) (youthbot.GroupLink, bool) {
	var l youthbot.GroupLink
	var found bool
	b.View(func(tx *storage.Tx) (err error) { l, found, err = tx.GroupLink(chat); return err })
	return l, found
}

func TestLinkGroupNeedsASecretaryWhoAdministersTheGroup(t *testing.T) {
	leaks := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, leaks) }) // after the bot's own cleanup
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5")
	stranger := b.Server.NewUser("Lan", "vi")
	grp := b.Server.NewGroup("Đoàn phường V")
	grp.AddMember(hoa)

	t.Run("UnknownGroupGetsOneShortReplyToACommandAndIgnoresText", func(t *testing.T) {
		stranger.SendIn(grp, "chào cả nhà")
		stranger.SendIn(grp, "/profile")
		grp.Expect(t, "chưa được liên kết")
		b.Settle()
		grp.NoMore(t)
	})
	t.Run("RefusesASecretaryWhoIsNotAdmin", func(t *testing.T) {
		hoa.SendIn(grp, "/linkgroup")
		grp.Expect(t, "quản trị viên")
		if _, found := linkOf(b, grp.ID()); found {
			t.Fatal("linked")
		}
	})
	t.Run("RefusesAnAdminWhoIsNotSecretary", func(t *testing.T) {
		grp.SetAdmin(stranger, true)
		stranger.SendIn(grp, "/linkgroup VT-P5")
		grp.Expect(t, "không thuộc quyền")
		if _, found := linkOf(b, grp.ID()); found {
			t.Fatal("linked")
		}
	})
	t.Run("LinksForASecretaryAdmin", func(t *testing.T) {
		grp.SetAdmin(hoa, true)
		asked := len(b.Server.Calls())
		hoa.SendIn(grp, "/linkgroup@"+b.Bot.Username())
		grp.Expect(t, "Đoàn phường V")
		var check bool
		for _, c := range b.Server.Calls()[asked:] {
			check = check || c.Method == "getChatMember" && c.Chat == grp.ID() && c.Params["user_id"] == strconv.FormatInt(hoa.ID, 10)
		}
		if !check {
			t.Error("the bot did not ask Telegram whether the sender administers the group")
		}
		if l, found := linkOf(b, grp.ID()); !found || l.Unit != "VT-P5" || l.LinkedBy != hoa.ID {
			t.Fatalf("link %+v %v", l, found)
		}
		hoa.SendIn(grp, "/linkgroup")
		grp.Expect(t, "đã được liên kết")
	})
	t.Run("LinkedGroupPointsPrivateCommandsToPrivate", func(t *testing.T) {
		stranger.SendIn(grp, "/profile")
		grp.Expect(t, "/profile chỉ dùng khi nhắn riêng")
	})
	t.Run("AdminRightsAreCheckedAtTheMoment", func(t *testing.T) {
		grp.SetAdmin(hoa, false)
		hoa.SendIn(grp, "/unlinkgroup")
		grp.Expect(t, "quản trị viên")
		if _, found := linkOf(b, grp.ID()); !found {
			t.Fatal("unlinked by a former admin")
		}
	})
	t.Run("FollowsTheMigrationToASupergroup", func(t *testing.T) {
		old := grp.ID()
		to := grp.Migrate()
		b.Settle()
		if _, found := linkOf(b, old); found {
			t.Error("old id still linked")
		}
		if l, found := linkOf(b, to); !found || l.Unit != "VT-P5" {
			t.Errorf("supergroup link %+v %v", l, found)
		}
	})
	t.Run("Unlinks", func(t *testing.T) {
		grp.SetAdmin(hoa, true)
		hoa.SendIn(grp, "/unlinkgroup")
		grp.Expect(t, "Đã huỷ liên kết")
		if _, found := linkOf(b, grp.ID()); found {
			t.Error("still linked")
		}
	})
	t.Run("PrivateLinkGroupExplains", func(t *testing.T) {
		hoa.Send("/linkgroup")
		hoa.Expect(t, "gõ /linkgroup trong nhóm")
	})
}

func TestLinkGroupPicksAmongTheSecretarysUnits(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5-KV1")
	b.Update(func(tx *storage.Tx) error { return tx.AddSecretary(hoa.ID, "PH-TB") })
	other := b.Server.NewUser("Lan", "vi")
	grp := b.Server.NewGroup("Nhóm chung")
	grp.SetAdmin(hoa, true)
	grp.AddMember(other)
	hoa.SendIn(grp, "/linkgroup")
	pick := grp.Expect(t, "Chọn đơn vị")
	// Someone else's press changes nothing.
	if text, alert := other.Press(pick, "Đoàn xã Tân Bình").Answer(t); !alert || !strings.Contains(text, "quản trị viên") {
		t.Errorf("stranger's press answered %q (alert %v)", text, alert)
	}
	if _, found := linkOf(b, grp.ID()); found {
		t.Fatal("linked by a stranger's press")
	}
	hoa.Press(pick, "Đoàn xã Tân Bình").Answer(t)
	b.Settle()
	if l, found := linkOf(b, grp.ID()); !found || l.Unit != "PH-TB" {
		t.Fatalf("link %+v %v", l, found)
	}
	// A group is linked to one unit: linking again replaces it.
	hoa.SendIn(grp, "/linkgroup VT-P5-KV1")
	grp.Expect(t, "Chi đoàn Khu vực 1")
	b.Settle()
	if l, _ := linkOf(b, grp.ID()); l.Unit != "VT-P5-KV1" {
		t.Errorf("relinked to %s", l.Unit)
	}
	var n int
	b.View(func(tx *storage.Tx) error {
		a, _ := tx.UnitGroups("PH-TB")
		c, _ := tx.UnitGroups("VT-P5-KV1")
		n = len(a)*10 + len(c)
		return nil
	})
	if n != 1 {
		t.Errorf("unit indexes hold the group %d (tens: PH-TB, units: VT-P5-KV1), want only under VT-P5-KV1", n)
	}
	// Outside the secretary's subtree: refused.
	hoa.SendIn(grp, "/linkgroup VT")
	grp.Expect(t, "không thuộc quyền")
}

func TestBroadcastReachesApprovedMembersAfterConfirmation(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5")
	an := b.Member("An", "VT-P5-KV1")
	binh := b.Member("Bình", "VT-P5-KV4")
	out := b.Member("Cường", "PH-TB-TLA") // another subtree
	pending := b.Server.NewUser("Dũng", "vi")
	b.Update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: pending.ID, Unit: "VT-P5-KV1", FullName: "Dũng", Status: youthbot.StatusPending, RegisteredAt: b.Now()})
	})

	an.Send("/broadcast xin chào")
	an.Expect(t, "chỉ dành cho bí thư")
	hoa.Send("/broadcast")
	hoa.Expect(t, "Cách dùng")
	hoa.Send("/broadcast " + strings.Repeat("a", 3501))
	hoa.Expect(t, "quá dài")

	hoa.Send("/broadcast Sinh hoạt chi đoàn <b>tối thứ Sáu</b>")
	preview := hoa.Expect(t, "Số người nhận: 2")
	if preview.Buttons[0][0].Text != "📤 Gửi" {
		t.Errorf("first button %q, want the affirmative 📤 Gửi", preview.Buttons[0][0].Text)
	}
	hoa.Send("còn gì nữa không")
	hoa.Expect(t, "chờ xác nhận")
	hoa.Press(preview, "Huỷ").Answer(t)
	b.Settle()
	an.NoMore(t)

	hoa.Send("/broadcast Sinh hoạt chi đoàn <b>tối thứ Sáu</b>")
	preview = hoa.Expect(t, "Số người nhận: 2")
	send := preview.Snapshot().Buttons[0][0].Data
	hoa.Press(preview, "📤 Gửi").Answer(t)
	// A second press (a stale copy of the button) sends nothing more.
	if text, _ := hoa.PressData(preview, send).Answer(t); !strings.Contains(text, "đã được gửi hoặc đã huỷ") {
		t.Errorf("second press answered %q", text)
	}
	b.Settle()
	for _, u := range []*telegramtest.User{an, binh} {
		m := u.Expect(t, "tối thứ Sáu")
		if !strings.Contains(m.HTML, "&lt;b&gt;") {
			t.Errorf("user text not escaped: %q", m.HTML)
		}
		u.NoMore(t)
	}
	out.NoMore(t)
	// Once the fan-out is complete, the secretary is told what was queued.
	hoa.Expect(t, "2/2 đoàn viên của Đoàn phường V")
	if n := len(pending.Messages()); n != 0 {
		t.Errorf("pending member got %d messages", n)
	}

	// Rights are checked again at the press.
	hoa.Send("/broadcast Lần nữa")
	preview = hoa.Expect(t, "Lần nữa")
	b.Update(func(tx *storage.Tx) error { return tx.RemoveSecretary(hoa.ID, "VT-P5") })
	if text, _ := hoa.Press(preview, "📤 Gửi").Answer(t); !strings.Contains(text, "chỉ dành cho bí thư") {
		t.Errorf("press after losing the role answered %q", text)
	}
	b.Settle()
	an.NoMore(t)
}

// TestBroadcastOfTheLongestTextFromManyUnits: a secretary of several units
// with long names broadcasts a text of MaxBroadcastLen characters; the
// preview and the announcement stay within Telegram's 4096 characters (the
// double refuses longer ones), the units' names clipped.
func TestBroadcastOfTheLongestTextFromManyUnits(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", "VT-P5")
	an := b.Member("An", "VT-P5-KV1")
	b.Update(func(tx *storage.Tx) error {
		for i := range 6 {
			long := []rune(fmt.Sprintf("%d ", i) + strings.Repeat("Đoàn Thanh niên Khoa Công nghệ thông tin ", 4))
			code := fmt.Sprintf("VT-LONG%d", i)
			u := youthbot.Unit{Code: code, Name: string(long[:youthbot.MaxUnitNameLen]), Parent: "VT", Kind: youthbot.KindGrassroots}
			if err := tx.PutUnit(u); err != nil {
				return err
			}
			if err := tx.AddSecretary(hoa.ID, code); err != nil {
				return err
			}
		}
		return nil
	})
	text := strings.Repeat("á", groups.MaxBroadcastLen-3) + " ok"
	hoa.Send("/broadcast " + text)
	preview := hoa.Expect(t, "Số người nhận: 1")
	hoa.Press(preview, "📤 Gửi").Answer(t)
	b.Settle()
	an.Expect(t, " ok")
}
