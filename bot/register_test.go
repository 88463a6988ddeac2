package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// startRegistration opens registration for id in branch through a member
// invite, as the j_ deep link does, and returns the invite payload.
func (h *harness) memberInvite(branch string) string {
	h.t.Helper()
	inv := youthbot.Invite{Code: youthbot.NewCode(10), Kind: youthbot.InviteMember, Unit: branch, CreatedAt: h.now}
	if err := h.db.Update(func(tx *storage.Tx) error { return tx.PutInvite(inv) }); err != nil {
		h.t.Fatal(err)
	}
	return inv.Payload()
}

func (h *harness) dialog(id int64) (youthbot.Dialog, bool) {
	var d youthbot.Dialog
	var found bool
	h.db.View(func(tx *storage.Tx) (err error) { d, found, err = tx.Dialog(id); return err })
	return d, found
}

func has(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

func TestRegistrationRefusesBadAnswersAndStays(t *testing.T) {
	h := newHarness(t)
	u := user(700, "vi")
	h.say(u, "/start "+h.memberInvite("VT-CDCD-CNTT"))
	h.press(u, "rg:yes")
	tests := []struct {
		name, step, input, want string
	}{
		{"NameTooLong", stepName, strings.Repeat("Nguyễn ", 1500), "quá dài"},
		{"NameWithHTML", stepName, "<b>Nguyễn</b> An", "chỉ gồm chữ cái"},
		{"NameWithDigits", stepName, "An 123", "chỉ gồm chữ cái"},
		{"NameTooShort", stepName, "A", "quá ngắn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := h.say(u, tt.input)
			if !has(got, tt.want) {
				t.Errorf("reply %q lacks %q", got, tt.want)
			}
			if d, _ := h.dialog(700); d.Step != tt.step {
				t.Errorf("step = %s, want %s", d.Step, tt.step)
			}
		})
	}
	h.say(u, "  nguyễn   văn   an ")
	if d, _ := h.dialog(700); d.Data["name"] != "nguyễn văn an" || d.Step != stepBirth {
		t.Fatalf("name not taken: %+v", d)
	}
	dates := []struct {
		name, input, want string
	}{
		{"ImpossibleDate", "31/02/2001", "Không có ngày 31/02/2001"},
		{"NotADate", "hôm qua", "ngày/tháng/năm"},
		{"Future", "01/01/2030", "tương lai"},
		{"Implausible", "01/01/1900", "không hợp lý"},
	}
	for _, tt := range dates {
		t.Run(tt.name, func(t *testing.T) {
			if got := h.say(u, tt.input); !has(got, tt.want) {
				t.Errorf("reply %q lacks %q", got, tt.want)
			}
			if d, _ := h.dialog(700); d.Step != stepBirth {
				t.Errorf("step = %s, want birth", d.Step)
			}
		})
	}
	h.say(u, "5/9/1990") // 35: outside union age, accepted with a note
	t.Run("SomeoneElsesContact", func(t *testing.T) {
		got := texts(h.apply(contactUpdate(u, 701, "84900000001")), 700)
		if !has(got, "không phải số điện thoại của bạn") {
			t.Errorf("got %q", got)
		}
		if d, _ := h.dialog(700); d.Step != stepPhone || d.Data["phone"] != "" {
			t.Errorf("dialog changed: %+v", d)
		}
	})
	t.Run("TypedNumber", func(t *testing.T) {
		if got := h.say(u, "0901234567"); !has(got, "bấm nút") {
			t.Errorf("got %q", got)
		}
	})
	h.apply(contactUpdate(u, 700, "84 901 234 567"))
	h.makeSecretary(710, "VT-CDCD-CNTT")
	msgs := h.apply(cbUpdate(u, "rg:ok"))
	m := h.member(700)
	if m.Status != youthbot.StatusPending || m.Phone != "+84901234567" || m.Birth != (youthbot.Date{Year: 1990, Month: 9, Day: 5}) {
		t.Fatalf("member = %+v", m)
	}
	req := texts(msgs, 710)
	if len(req) != 1 || !strings.Contains(req[0], "⚠") || !strings.Contains(req[0], "+84901234567") {
		t.Errorf("approval request to the branch secretary = %q, want one with ⚠ and the phone", req)
	}
	if kb := buttons(msgs); len(kb) < 2 || !strings.HasPrefix(kb[0], "ma:") {
		t.Errorf("the affirmative button must come first: %v", kb)
	}
	t.Run("SecondRegistrationRefused", func(t *testing.T) {
		before := h.snapshot()
		got := h.say(u, "/start "+h.memberInvite("PH-TB-MH"))
		if !has(got, "đang chờ bí thư duyệt") {
			t.Errorf("got %q", got)
		}
		// Only the new invite differs.
		if after := h.snapshot(); strings.Count(after, "\n")-strings.Count(before, "\n") != 2 {
			t.Errorf("state changed beyond the invite:\n%s", after)
		}
	})
}

func TestStartRefusesBadLinks(t *testing.T) {
	h := newHarness(t)
	u := user(720, "en")
	used := youthbot.Invite{Code: "usedcd2222", Kind: youthbot.InviteSecretary, Unit: "VT", UsedBy: 1, UsedAt: h.now}
	expired := youthbot.Invite{Code: "expired222", Kind: youthbot.InviteSecretary, Unit: "VT", ExpiresAt: h.now.Add(-time.Minute)}
	h.db.Update(func(tx *storage.Tx) error {
		tx.PutInvite(used)
		return tx.PutInvite(expired)
	})
	tests := []struct {
		name, payload, want string
	}{
		{"UnknownMemberCode", "j_abcdefgh", "not valid"},
		{"MalformedCode", "j_<script>", "not valid"},
		{"UnknownPrefix", "x_abcdefgh", "not valid"},
		{"SecretaryCodeAsMember", "j_usedcd2222", "not valid"},
		{"UsedSecretaryCode", "s_usedcd2222", "already been used"},
		{"ExpiredSecretaryCode", "s_expired222", "expired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := h.snapshot()
			got := h.say(u, "/start "+tt.payload)
			if !has(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if h.snapshot() != before {
				t.Error("state changed")
			}
		})
	}
}

func TestSecretaryInviteIsSingleUse(t *testing.T) {
	h := newHarness(t)
	admin := user(adminID, "vi")
	msgs := h.apply(msgUpdate(admin, "/invite VT secretary"))
	text := strings.Join(texts(msgs, adminID), "\n")
	i := strings.Index(text, "https://t.me/youthbot_test_bot?start=s_")
	if i < 0 {
		t.Fatalf("no secretary link in %q", text)
	}
	payload := strings.Fields(text[i+len("https://t.me/youthbot_test_bot?start="):])[0]
	if got := h.say(user(730, "vi"), "/start "+payload); !has(got, "bí thư của <b>Thành đoàn Vị Thanh</b>") {
		t.Fatalf("got %q", got)
	}
	if got := h.say(user(731, "vi"), "/start "+payload); !has(got, "đã được sử dụng") {
		t.Errorf("second use: got %q", got)
	}
	h.db.View(func(tx *storage.Tx) error {
		if got := tx.Secretaries("VT"); len(got) != 1 || got[0] != 730 {
			t.Errorf("secretaries of VT = %v, want [730]", got)
		}
		return nil
	})
	// Expiry: a new link, used 7 days and a minute later.
	msgs = h.apply(msgUpdate(admin, "/invite VT secretary"))
	text = strings.Join(texts(msgs, adminID), "\n")
	i = strings.Index(text, "start=s_")
	payload = strings.Fields(text[i+len("start="):])[0]
	h.now = h.now.Add(youthbot.SecretaryInviteTTL + time.Minute)
	if got := h.say(user(732, "vi"), "/start "+payload); !has(got, "hết hạn") {
		t.Errorf("expired use: got %q", got)
	}
}

func TestApproveTellsTheMemberInTheirLanguage(t *testing.T) {
	h := newHarness(t)
	h.makeSecretary(740, "PH-TB-MH")
	u := user(741, "en")
	h.say(u, "/start "+h.memberInvite("PH-TB-MH"))
	h.press(u, "rg:yes")
	h.say(u, "Nguyễn Thị Bích")
	h.say(u, "01/12/2005")
	h.say(u, "Skip")
	h.press(u, "rg:ok")
	m := h.member(741)
	if m.Phone != "" {
		t.Errorf("skipped phone stored as %q", m.Phone)
	}
	msgs := h.apply(cbUpdate(user(740, "vi"), fmt.Sprintf("ma:741:%d", m.RegisteredAt.Unix())))
	if got := texts(msgs, 741); len(got) != 1 || !strings.Contains(got[0], "Congratulations") {
		t.Errorf("member was told %q", got)
	}
	// A second secretary pressing the same stale request is told it is done.
	h.makeSecretary(742, "PH-TB-MH")
	msgs = h.apply(cbUpdate(user(742, "vi"), fmt.Sprintf("mr:741:%d", m.RegisteredAt.Unix())))
	if !has(texts(msgs, 742), "đã được xử lý") || h.member(741).Status != youthbot.StatusApproved {
		t.Errorf("second decision: %v, status %s", describe(msgs), h.member(741).Status)
	}
}

func TestForgetMeErasesButKeepsTheCount(t *testing.T) {
	h := newHarness(t)
	h.register(750, "VT-P5-KV1", "Võ Thị Quên")
	h.makeSecretary(750, "VT-P5")
	h.say(user(750, "vi"), "/forgetme")
	if got := h.member(750); got.FullName == "" {
		t.Fatal("erased before confirmation")
	}
	h.press(user(750, "vi"), "fg:yes")
	snap := h.snapshot()
	for _, s := range []string{"Võ Thị Quên", "+84901234567"} {
		if strings.Contains(snap, s) {
			t.Errorf("%q still stored", s)
		}
	}
	h.db.View(func(tx *storage.Tx) error {
		if units := tx.SecretaryUnits(750); len(units) != 0 {
			t.Errorf("still secretary of %v", units)
		}
		if n := len(must(tx.MembersOf("VT-P5-KV1"))); n != 0 {
			t.Errorf("a pending registration left %d anonymous records", n)
		}
		return nil
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestForgetMeGivesUpProjectSeats(t *testing.T) {
	h := newHarness(t)
	const branch = "VT-P5-KV1"
	h.makeSecretary(760, branch)
	// The project /newproject (of the projects room) would make, P1.
	april := youthbot.Date{Year: 2026, Month: 4, Day: 1}
	if err := h.db.Update(func(tx *storage.Tx) error {
		return tx.NewProject(&youthbot.Project{Kind: youthbot.ProjectTask, Title: "Hiến máu", Unit: branch, Start: april, End: april,
			Capacity: 1, Status: youthbot.ProjectOpen, CreatedBy: 760, CreatedAt: h.now})
	}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{761, 762} {
		if err := h.db.Update(func(tx *storage.Tx) error {
			m := youthbot.Member{UserID: id, Unit: branch, FullName: "Đoàn viên", Status: youthbot.StatusApproved,
				RegisteredAt: h.now, DecidedAt: h.now}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			_, err := service.Join(tx, m, "P1", service.When{Now: h.now, Today: youthbot.DateOf(h.now, h.bot.loc)}) // as /join: 761 takes the seat, 762 waits
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	h.say(user(761, "vi"), "/forgetme")
	msgs := h.apply(cbUpdate(user(761, "vi"), "fg:yes"))
	if got := texts(msgs, 762); len(got) != 1 || !strings.Contains(got[0], "P1") {
		t.Errorf("the waiting member was told %q, want the freed seat of P1", got)
	}
	h.db.View(func(tx *storage.Tx) error {
		seats := must(tx.Seats("P1"))
		if len(seats) != 1 || seats[0].Member != 762 || seats[0].State != youthbot.SeatJoined {
			t.Errorf("seats after /forgetme: %+v, want only 762, joined", seats)
		}
		if codes := tx.SeatProjects(761); len(codes) != 0 {
			t.Errorf("the forgotten user still has a place in %v", codes)
		}
		return nil
	})
}
