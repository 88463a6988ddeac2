package projects

import (
	"strconv"
	"time"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// amountVND writes an amount of đồng: 5.000.000 đ, 5,000,000 VND.
func amountVND(c *bot.Ctx, n int64) string { return c.T("project.vnd", report.Number(c.Lang, n)) }

// firingText writes a reminder's firing time with its weekday:
// Thứ Hai 16/03/2026 08:00.
func (pj *Projects) firingText(c *bot.Ctx, t time.Time) string {
	t = t.In(pj.b.Location())
	return c.T("campaign.weekday_"+strconv.Itoa(int(t.Weekday()))) + " " + t.Format("02/01/2006 15:04")
}

// kindName is the name of a project kind.
func kindName(c *bot.Ctx, k youthbot.ProjectKind) string {
	if k == youthbot.ProjectWork {
		return c.T("project.kind_work")
	}
	return c.T("project.kind_task")
}
