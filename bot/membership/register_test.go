package membership_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/bot/membership"
	"youthbot/service"
	"youthbot/storage"
)

// memberInvite stores a member invite of branch, the one a j_ deep link
// opens registration with, and returns its payload.
func memberInvite(h *harness.H, branch string) string {
	h.T.Helper()
	inv := youthbot.Invite{Code: youthbot.NewCode(10), Kind: youthbot.InviteMember, Unit: branch, CreatedAt: h.Now}
	if err := h.DB.Update(func(tx *storage.Tx) error { return tx.PutInvite(inv) }); err != nil {
		h.T.Fatal(err)
	}
	return inv.Payload()
}

func TestRegistrationRefusesBadAnswersAndStays(t *testing.T) {
	h := harness.New(t)
	u := harness.User(700, "vi")
	h.Say(u, "/start "+memberInvite(h, "VT-CDCD-CNTT"))
	h.Press(u, "rg:yes")
	tests := []struct {
		name, step, input, want string
	}{
		{"NameTooLong", membership.StepName, strings.Repeat("Nguyễn ", 1500), "quá dài"},
		{"NameWithHTML", membership.StepName, "<b>Nguyễn</b> An", "chỉ gồm chữ cái"},
		{"NameWithDigits", membership.StepName, "An 123", "chỉ gồm chữ cái"},
		{"NameTooShort", membership.StepName, "A", "quá ngắn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := h.Say(u, tt.input)
			if !harness.Has(got, tt.want) {
				t.Errorf("reply %q lacks %q", got, tt.want)
			}
			if d, _ := h.Dialog(700); d.Step != tt.step {
				t.Errorf("step = %s, want %s", d.Step, tt.step)
			}
		})
	}
	h.Say(u, "  nguyễn   văn   an ")
	if d, _ := h.Dialog(700); d.Data["name"] != "nguyễn văn an" || d.Step != membership.StepBirth {
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
			if got := h.Say(u, tt.input); !harness.Has(got, tt.want) {
				t.Errorf("reply %q lacks %q", got, tt.want)
			}
			if d, _ := h.Dialog(700); d.Step != membership.StepBirth {
				t.Errorf("step = %s, want birth", d.Step)
			}
		})
	}
	h.Say(u, "5/9/1990") // 35: outside union age, accepted with a note
	t.Run("SomeoneElsesContact", func(t *testing.T) {
		got := harness.Texts(h.Apply(harness.ContactUpdate(u, 701, "84900000001")), 700)
		if !harness.Has(got, "không phải số điện thoại của bạn") {
			t.Errorf("got %q", got)
		}
		if d, _ := h.Dialog(700); d.Step != membership.StepPhone || d.Data["phone"] != "" {
			t.Errorf("dialog changed: %+v", d)
		}
	})
	t.Run("TypedNumber", func(t *testing.T) {
		if got := h.Say(u, "0901234567"); !harness.Has(got, "bấm nút") {
			t.Errorf("got %q", got)
		}
	})
	h.Apply(harness.ContactUpdate(u, 700, "84 901 234 567"))
	h.MakeSecretary(710, "VT-CDCD-CNTT")
	msgs := h.Apply(harness.CbUpdate(u, "rg:ok"))
	m := h.Member(700)
	if m.Status != youthbot.StatusPending || m.Phone != "+84901234567" || m.Birth != (youthbot.Date{Year: 1990, Month: 9, Day: 5}) {
		t.Fatalf("member = %+v", m)
	}
	req := harness.Texts(msgs, 710)
	if len(req) != 1 || !strings.Contains(req[0], "⚠") || !strings.Contains(req[0], "+84901234567") {
		t.Errorf("approval request to the branch secretary = %q, want one with ⚠ and the phone", req)
	}
	if kb := harness.Buttons(msgs); len(kb) < 2 || !strings.HasPrefix(kb[0], "ma:") {
		t.Errorf("the affirmative button must come first: %v", kb)
	}
	t.Run("SecondRegistrationRefused", func(t *testing.T) {
		before := h.Snapshot()
		got := h.Say(u, "/start "+memberInvite(h, "PH-TB-MH"))
		if !harness.Has(got, "đang chờ bí thư duyệt") {
			t.Errorf("got %q", got)
		}
		// Only the new invite differs.
		if after := h.Snapshot(); strings.Count(after, "\n")-strings.Count(before, "\n") != 2 {
			t.Errorf("state changed beyond the invite:\n%s", after)
		}
	})
}

func TestStartRefusesBadLinks(t *testing.T) {
	h := harness.New(t)
	u := harness.User(720, "en")
	used := youthbot.Invite{Code: "usedcd2222", Kind: youthbot.InviteSecretary, Unit: "VT", UsedBy: 1, UsedAt: h.Now}
	expired := youthbot.Invite{Code: "expired222", Kind: youthbot.InviteSecretary, Unit: "VT", ExpiresAt: h.Now.Add(-time.Minute)}
	h.DB.Update(func(tx *storage.Tx) error {
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
			before := h.Snapshot()
			got := h.Say(u, "/start "+tt.payload)
			if !harness.Has(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if h.Snapshot() != before {
				t.Error("state changed")
			}
		})
	}
}

func TestSecretaryInviteIsSingleUse(t *testing.T) {
	h := harness.New(t)
	admin := harness.User(harness.AdminID, "vi")
	msgs := h.Apply(harness.MsgUpdate(admin, "/invite VT secretary"))
	text := strings.Join(harness.Texts(msgs, harness.AdminID), "\n")
	i := strings.Index(text, "https://t.me/youthbot_test_bot?start=s_")
	if i < 0 {
		t.Fatalf("no secretary link in %q", text)
	}
	payload := strings.Fields(text[i+len("https://t.me/youthbot_test_bot?start="):])[0]
	if got := h.Say(harness.User(730, "vi"), "/start "+payload); !harness.Has(got, "bí thư của <b>Thành đoàn Vị Thanh</b>") {
		t.Fatalf("got %q", got)
	}
	if got := h.Say(harness.User(731, "vi"), "/start "+payload); !harness.Has(got, "đã được sử dụng") {
		t.Errorf("second use: got %q", got)
	}
	h.DB.View(func(tx *storage.Tx) error {
		if got := tx.Secretaries("VT"); len(got) != 1 || got[0] != 730 {
			t.Errorf("secretaries of VT = %v, want [730]", got)
		}
		return nil
	})
	// Expiry: a new link, used 7 days and a minute later.
	msgs = h.Apply(harness.MsgUpdate(admin, "/invite VT secretary"))
	text = strings.Join(harness.Texts(msgs, harness.AdminID), "\n")
	i = strings.Index(text, "start=s_")
	payload = strings.Fields(text[i+len("start="):])[0]
	h.Now = h.Now.Add(youthbot.SecretaryInviteTTL + time.Minute)
	if got := h.Say(harness.User(732, "vi"), "/start "+payload); !harness.Has(got, "hết hạn") {
		t.Errorf("expired use: got %q", got)
	}
}

func TestApproveTellsTheMemberInTheirLanguage(t *testing.T) {
	h := harness.New(t)
	h.MakeSecretary(740, "PH-TB-MH")
	u := harness.User(741, "en")
	h.Say(u, "/start "+memberInvite(h, "PH-TB-MH"))
	h.Press(u, "rg:yes")
	h.Say(u, "Nguyễn Thị Bích")
	h.Say(u, "01/12/2005")
	h.Say(u, "Skip")
	h.Press(u, "rg:ok")
	m := h.Member(741)
	if m.Phone != "" {
		t.Errorf("skipped phone stored as %q", m.Phone)
	}
	msgs := h.Apply(harness.CbUpdate(harness.User(740, "vi"), fmt.Sprintf("ma:741:%d", m.RegisteredAt.Unix())))
	if got := harness.Texts(msgs, 741); len(got) != 1 || !strings.Contains(got[0], "Congratulations") {
		t.Errorf("member was told %q", got)
	}
	// A second secretary pressing the same stale request is told it is done.
	h.MakeSecretary(742, "PH-TB-MH")
	msgs = h.Apply(harness.CbUpdate(harness.User(742, "vi"), fmt.Sprintf("mr:741:%d", m.RegisteredAt.Unix())))
	if !harness.Has(harness.Texts(msgs, 742), "đã được xử lý") || h.Member(741).Status != youthbot.StatusApproved {
		t.Errorf("second decision: %v, status %s", harness.Describe(msgs), h.Member(741).Status)
	}
}

func TestForgetMeErasesButKeepsTheCount(t *testing.T) {
	h := harness.New(t)
	h.Register(750, "VT-P5-KV1", "Võ Thị Quên")
	h.MakeSecretary(750, "VT-P5")
	h.Say(harness.User(750, "vi"), "/forgetme")
	if got := h.Member(750); got.FullName == "" {
		t.Fatal("erased before confirmation")
	}
	h.Press(harness.User(750, "vi"), "fg:yes")
	snap := h.Snapshot()
	for _, s := range []string{"Võ Thị Quên", "+84901234567"} {
		if strings.Contains(snap, s) {
			t.Errorf("%q still stored", s)
		}
	}
	h.DB.View(func(tx *storage.Tx) error {
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
	h := harness.New(t)
	const branch = "VT-P5-KV1"
	h.MakeSecretary(760, branch)
	// The project /newproject (of the projects room) would make, P1.
	april := youthbot.Date{Year: 2026, Month: 4, Day: 1}
	if err := h.DB.Update(func(tx *storage.Tx) error {
		return tx.NewProject(&youthbot.Project{Kind: youthbot.ProjectTask, Title: "Hiến máu", Unit: branch, Start: april, End: april,
			Capacity: 1, Status: youthbot.ProjectOpen, CreatedBy: 760, CreatedAt: h.Now})
	}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{761, 762} {
		if err := h.DB.Update(func(tx *storage.Tx) error {
			m := youthbot.Member{UserID: id, Unit: branch, FullName: "Đoàn viên", Status: youthbot.StatusApproved,
				RegisteredAt: h.Now, DecidedAt: h.Now}
			if err := tx.PutMember(m); err != nil {
				return err
			}
			_, err := service.Join(tx, m, "P1", service.When{Now: h.Now, Today: youthbot.DateOf(h.Now, h.Bot.Location())}) // as /join: 761 takes the seat, 762 waits
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	h.Say(harness.User(761, "vi"), "/forgetme")
	msgs := h.Apply(harness.CbUpdate(harness.User(761, "vi"), "fg:yes"))
	if got := harness.Texts(msgs, 762); len(got) != 1 || !strings.Contains(got[0], "P1") {
		t.Errorf("the waiting member was told %q, want the freed seat of P1", got)
	}
	h.DB.View(func(tx *storage.Tx) error {
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

// TestInviteOfADissolvedUnit: a branch's standing link stops working once
// the branch is merged into another (F8), and the branch leaves the tree
// members pick from.
func TestInviteOfADissolvedUnit(t *testing.T) {
	h := harness.New(t)
	link := memberInvite(h, "PH-TB-MH")
	if err := h.DB.Update(func(tx *storage.Tx) error {
		today := youthbot.DateOf(h.Now, h.Bot.Location())
		_, err := tx.ApplyUnitChanges([]youthbot.UnitChange{{Date: today, Kind: youthbot.ChangeMerge, Unit: "PH-TB-MH", Target: "PH-TB-TLA"}}, today, h.Bot.Location())
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := h.Say(harness.User(760, "vi"), "/start "+link); !harness.Has(got, "không còn từ ngày") {
		t.Errorf("link of a merged branch: got %q", got)
	}
	h.DB.View(func(tx *storage.Tx) error {
		if kids := tx.ChildCodes("PH-TB"); slices.Contains(kids, "PH-TB-MH") {
			t.Errorf("the merged branch is still offered: %v", kids)
		}
		return nil
	})
}
