package participation

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
)

// myPage is how many activities a /my page lists.
const myPage = 8

// myView is /my: the member's own participation, this month's and this
// year's totals, their rank in the branch, and their history, paged.
func (r *Participation) myView(c *bot.Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	m, err := r.approvedMember(c)
	if err != nil {
		return "", nil, err
	}
	unit, err := c.Tx.Unit(m.Unit)
	if err != nil {
		return "", nil, err
	}
	var acts []youthbot.Activity
	if err := c.Tx.MemberActivities(m.UserID, func(a youthbot.Activity) bool { acts = append(acts, a); return true }); err != nil {
		return "", nil, err
	}
	slices.SortStableFunc(acts, func(x, y youthbot.Activity) int {
		if d := y.Date.Compare(x.Date); d != 0 {
			return d
		}
		return cmp.Compare(y.ID, x.ID)
	})
	month, year := youthbot.MonthPeriod(c.Today.Year, c.Today.Month), youthbot.YearPeriod(c.Today.Year)
	var monthN, monthT, yearN, yearT, pending int
	for _, a := range acts {
		switch a.Status {
		case youthbot.ActivityConfirmed:
			if month.Contains(a.Date) {
				monthN, monthT = monthN+1, monthT+a.Tenths
			}
			if year.Contains(a.Date) {
				yearN, yearT = yearN+1, yearT+a.Tenths
			}
		case youthbot.ActivityPending:
			pending++
		}
	}
	rank, of, err := r.branchRank(c, m, youthbot.Period{Year: c.Today.Year, From: 1, To: c.Today.Month})
	if err != nil {
		return "", nil, err
	}
	branch, err := c.Tx.Figures(m.Unit, month, r.b.Location())
	if err != nil {
		return "", nil, err
	}
	lines := []string{
		c.T("my.title", m.FullName, unit.Name),
		c.T("my.month", report.MonthYear(month), monthN, hours(c.Lang, monthT)),
		c.T("my.year", c.Today.Year, yearN, hours(c.Lang, yearT), rank, of),
	}
	if pending > 0 {
		lines = append(lines, c.T("my.pending", pending))
	}
	lines = append(lines, c.T("my.branch", branch.Participations, branch.MembersActive, branch.MembersTotal))
	if len(acts) == 0 {
		return strings.Join(lines, "\n") + "\n\n" + c.T("my.none"), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(acts), myPage, page)
	var sb strings.Builder
	sb.WriteString(strings.Join(lines, "\n"))
	sb.WriteString("\n\n" + c.T("my.history", page+1, pages))
	for _, a := range acts[from:to] {
		h := "—"
		if a.Tenths > 0 {
			h = c.T("activity.hours_n", hours(c.Lang, a.Tenths))
		}
		sb.WriteString("\n" + c.T("my.item", a.Date.String(), h, clip(a.Description, 60), activityStatus(c.Lang, a)))
	}
	kb := bot.Keyboard(bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbMyPage, strconv.Itoa(p)) }))
	if len(kb.InlineKeyboard) == 0 {
		kb = nil
	}
	return sb.String(), kb, nil
}

// branchRank ranks the member among the members of their branch by
// confirmed participations in p, wherever each was credited (a member who
// transferred in keeps what they did before): 1 + how many have more.
func (r *Participation) branchRank(c *bot.Ctx, m youthbot.Member, p youthbot.Period) (rank, of int, err error) {
	members, err := c.Tx.MembersOf(m.Unit, youthbot.StatusApproved)
	if err != nil {
		return 0, 0, err
	}
	units := []string{m.Unit}
	for _, x := range members {
		units = append(units, x.Past...)
	}
	counts := c.Tx.ConfirmedByMember(units, p)
	mine := counts[m.UserID].Participations
	rank = 1
	for _, x := range members {
		if counts[x.UserID].Participations > mine {
			rank++
		}
	}
	return rank, len(members), nil
}
