package membership_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// TestRegistrationAsksTheDayOfJoiningOptionally: the confirmation offers
// the day of joining the Union; a wrong day is refused and asked again,
// Skip leaves it out, a good day is shown and stored; once approved, the
// member counts among the new members where they were admitted (the
// month they joined), not in the month they signed up on the bot.
func TestRegistrationAsksTheDayOfJoiningOptionally(t *testing.T) {
	const branch = "VT-P5-KV1"
	h := harness.New(t)
	h.MakeSecretary(810, branch)
	u := startRegistration(h, 801, "vi", branch)
	h.Say(u, "Nguyễn Văn An")
	h.Say(u, "15/03/2004")
	msgs := h.Apply(harness.MsgUpdate(u, "Bỏ qua"))
	if !harness.Has(harness.Texts(msgs, 801), "Ngày vào Đoàn: chưa ghi") || !slices.Contains(harness.Buttons(msgs), "rg:joined") {
		t.Fatalf("the summary: %v", harness.Describe(msgs))
	}
	if got := h.Press(u, "rg:joined"); !harness.Has(got, "Bạn vào Đoàn ngày nào?") {
		t.Fatalf("rg:joined answers %q", got)
	}
	for _, tc := range []struct{ input, want string }{
		{"01/01/2027", "tương lai"},
		{"01/01/2015", "chưa đủ 14 tuổi"},
		{"31/02/2021", "Không có ngày 31/02/2021"},
	} {
		if got := h.Say(u, tc.input); !harness.Has(got, tc.want) || !harness.Has(got, "Bạn vào Đoàn ngày nào?") {
			t.Errorf("%s: %q, want %q and the question again", tc.input, got, tc.want)
		}
	}
	if got := h.Press(u, "rg:nojoined"); !harness.Has(got, "Đã bỏ qua ngày vào Đoàn") || !harness.Has(got, "chưa ghi") {
		t.Errorf("skipping: %q", got)
	}
	h.Press(u, "rg:joined")
	if got := h.Say(u, "26/03/2025"); !harness.Has(got, "Ngày vào Đoàn: 26/03/2025") {
		t.Errorf("the summary after the day: %q", got)
	}
	h.Press(u, "rg:ok")
	m := h.Member(801)
	if m.Joined != (youthbot.Date{Year: 2025, Month: 3, Day: 26}) || m.Status != youthbot.StatusPending {
		t.Fatalf("stored %+v", m)
	}
	h.Press(harness.User(810, "vi"), "ma:801:"+strconv.FormatInt(m.RegisteredAt.Unix(), 10))
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	h.DB.View(func(tx *storage.Tx) error {
		for _, tc := range []struct {
			p            youthbot.Period
			total, fresh int
		}{
			{youthbot.MonthPeriod(2025, 3), 1, 1}, // admitted
			{youthbot.MonthPeriod(2026, 3), 1, 0}, // signed up on the bot: not an admission
			{youthbot.MonthPeriod(2025, 2), 0, 0},
		} {
			f, err := tx.Figures(branch, tc.p, loc)
			if err != nil {
				return err
			}
			if f.MembersTotal != tc.total || f.MembersNew != tc.fresh {
				t.Errorf("%v: members %d, new %d; want %d, %d", tc.p, f.MembersTotal, f.MembersNew, tc.total, tc.fresh)
			}
		}
		return nil
	})
}
