package bot_test

import (
	"regexp"
	"strings"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/storage"
)

var sLinkRE = regexp.MustCompile(`\?start=(s_[a-z0-9]+)`)

// TestEndToEndRemovedSecretaryLosesRightsAndLinks: the province's
// secretary removes a district secretary who left office with
// /secretaries (list, confirm); the district secretary is told, loses
// their rights, and the secretary link they had made for a branch no
// longer makes anyone secretary.
func TestEndToEndRemovedSecretaryLosesRightsAndLinks(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	tam := b.Secretary("Tâm", "HG")
	vinh := b.Server.NewUser("Vinh <cũ>", "vi")
	stranger := b.Server.NewUser("Khách", "vi")

	// Vinh becomes the district's secretary through Tâm's link.
	tam.Send("/invite VT secretary")
	link := sLinkRE.FindStringSubmatch(tam.Expect(t, "Link bí thư").Text)
	vinh.Send("/start " + link[1])
	vinh.Expect(t, "Đồng chí đã trở thành bí thư của Thành đoàn Vị Thanh")
	tam.Expect(t, "đã nhận vai trò bí thư")

	// Vinh makes a secretary link for a branch and has not sent it yet.
	vinh.Send("/invite VT-CDCD-CNTT secretary")
	branchLink := sLinkRE.FindStringSubmatch(vinh.Expect(t, "Link bí thư").Text)

	tam.Send("/secretaries VT")
	list := tam.Expect(t, "Bí thư, phó bí thư — Thành đoàn Vị Thanh")
	bottest.Contains(t, list, "Vinh <cũ>")
	bottest.Press(t, tam, list, "Vinh <cũ>")
	confirm := list.Snapshot()
	if !strings.Contains(confirm.Text, "Thôi giao vai trò bí thư Vinh <cũ> của Thành đoàn Vị Thanh") {
		t.Fatalf("confirmation: %q", confirm.Text)
	}
	bottest.FirstButtons(t, &confirm, "✖ Thôi giao vai trò", "Giữ nguyên")
	bottest.Press(t, tam, list, "✖ Thôi giao vai trò")
	if after := list.Snapshot(); strings.Contains(after.Text, "Vinh") || !strings.Contains(after.Text, "chưa có bí thư") {
		t.Errorf("the list after the removal: %q", after.Text)
	}
	vinh.Expect(t, "Đồng chí không còn là bí thư của Thành đoàn Vị Thanh (thay đổi do Tâm thực hiện)")

	vinh.Send("/pending")
	vinh.Expect(t, "chỉ dành cho bí thư")
	stranger.Send("/start " + branchLink[1])
	stranger.Expect(t, "⚠️")
	b.View(func(tx *storage.Tx) error {
		if units := tx.SecretaryUnits(stranger.ID); len(units) != 0 {
			t.Errorf("the removed secretary's link made a stranger secretary of %v", units)
		}
		if units := tx.SecretaryUnits(vinh.ID); len(units) != 0 {
			t.Errorf("the removed secretary still holds %v", units)
		}
		return nil
	})
	b.Settle()
	vinh.NoMore(t)
}

// TestEndToEndSecretaryRegistersInOwnBranch: a branch's secretary
// registers as a member of their own branch and logs hours; both go to
// the grassroots union's secretary, who decides; the branch secretary's
// own press is refused.
func TestEndToEndSecretaryRegistersInOwnBranch(t *testing.T) {
	b := bottest.Start(t, bottest.Options{})
	hoa := b.Secretary("Hoa", ptBranch)
	tuan := b.Secretary("Tuấn", "VT-CDCD")

	hoa.Send("/invite")
	join := regexp.MustCompile(`\?start=(j_[a-z0-9]+)`).FindStringSubmatch(hoa.Expect(t, "Link mời đoàn viên").Text)
	hoa.Send("/start " + join[1])
	bottest.Press(t, hoa, hoa.Expect(t, "Bạn đang đăng ký vào"), "Đồng ý")
	hoa.Expect(t, "Nhập họ và tên")
	hoa.Send("Trần Thị Hoa")
	hoa.Expect(t, "Ngày sinh")
	hoa.Send("15/03/2001")
	hoa.Expect(t, "Bỏ qua")
	hoa.Send("Bỏ qua")
	hoa.Expect(t, "Đã bỏ qua")
	bottest.Press(t, hoa, hoa.Expect(t, "Kiểm tra lại thông tin"), "Xác nhận")
	hoa.Expect(t, "Đã gửi đăng ký")

	req := tuan.Expect(t, "Đăng ký đoàn viên mới")
	bottest.Contains(t, req, "Trần Thị Hoa", ptBranchN)
	if alert := bottest.Refusal(t, hoa, req, req.Buttons[0][0].Data); !strings.Contains(alert, "không thể tự duyệt") {
		t.Errorf("the secretary's own approval: %q", alert)
	}
	bottest.Press(t, tuan, req, "Duyệt")
	hoa.Expect(t, "Bạn đã được duyệt là đoàn viên")

	hoa.Send("/log 09/03 3h Dọn vệ sinh kênh xáng")
	hoa.Expect(t, "Đã ghi nhận lượt tham gia")
	conf := tuan.Expect(t, "Lượt tham gia cần xác nhận")
	if alert := bottest.Refusal(t, hoa, conf, conf.Buttons[0][0].Data); !strings.Contains(alert, "không thể tự duyệt") {
		t.Errorf("the secretary's own confirmation: %q", alert)
	}
	bottest.Press(t, tuan, conf, "Xác nhận")
	hoa.Expect(t, "đã được bí thư xác nhận")
	if acts := b.Activities(t, hoa.ID); len(acts) != 1 || acts[0].Status != youthbot.ActivityConfirmed || acts[0].DecidedBy != tuan.ID {
		t.Errorf("stored %+v", acts)
	}
	b.Settle()
	hoa.NoMore(t) // no request about herself ever reached her
}
