package participation_test

import (
	"testing"

	"youthbot"
	"youthbot/storage"
)

func TestLogDialogEchoesTheCampaignsName(t *testing.T) {
	h := newHarness(t)
	an := h.ptMember(601, ptBranch, "An")
	day := func(d int) youthbot.Date { return youthbot.Date{Year: 2026, Month: 3, Day: d} }
	var open youthbot.Project
	var camp youthbot.Campaign
	err := h.db.Update(func(tx *storage.Tx) error {
		open = youthbot.Project{Kind: youthbot.ProjectWork, Title: "Tuyến đường hoa", Unit: "VT-CDCD", Start: day(1), End: day(31)}
		if err := tx.NewProject(&open); err != nil {
			return err
		}
		camp = youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "HG", Start: day(1), End: day(31), Cron: "0 8 * * 1", Reminder: "x"}
		return tx.NewCampaign(&camp)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ press, want string }{
		{"ad:c:" + camp.ID, "✔️ Tháng Thanh niên"},
		{"ad:p:" + open.Code, "✔️ " + open.Code + " · Tuyến đường hoa"},
	} {
		h.say(an, "/log")
		h.press(an, "ad:d:20260310")
		h.press(an, "ad:s")
		h.say(an, "Trồng hoa")
		got := h.press(an, tt.press)
		if !has(got, tt.want) {
			t.Errorf("pressing %s echoed %q, want %q", tt.press, got, tt.want)
		}
		h.say(an, "/cancel")
	}
}
