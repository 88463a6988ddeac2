package bot

import (
	"strings"

	"youthbot"
	"youthbot/service"
)

// cmdDone completes a project: /done P12 [value]. Every joined member (of
// a branch the project is for, eligibleSeats) who was present (checked in, or confirmed by the secretary) — or, when
// nobody was, every joined member — gets one confirmed participation,
// dated today with 0 hours and credited to the branch they belong to
// today; the value produced is stored on the project, which storage
// counts once for the project's unit in the month of completion. A
// completed project cannot be completed again, so a second /done adds
// nothing. The value accepts ParseVND's forms: 5000000, 5.000.000, 5tr,
// 5 triệu, 2,5 tỷ, 500k.
func (b *Bot) cmdDone(c *Ctx, args string) error {
	first, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	code, err := projectCodeArg(first, "err.project_done_usage")
	if err != nil {
		if rerr := refuseNonManagers(c); rerr != nil {
			return rerr
		}
		return err
	}
	p, err := b.managedProject(c, code)
	if err != nil {
		return err
	}
	if !p.Open() {
		return youthbot.Errorf(youthbot.ECONFLICT, "err.project_already_done", p.Code, p.DoneDate.String())
	}
	var value int64
	if rest = strings.TrimSpace(rest); rest != "" {
		if value, err = youthbot.ParseVND(rest); err != nil {
			return err
		}
	}
	if c.Today.Before(p.Start) {
		return youthbot.Errorf(youthbot.EINVALID, "err.project_not_started", p.Code, p.Start.String())
	}
	seats, err := b.eligibleSeats(c, p)
	if err != nil {
		return err
	}
	p.Status, p.DoneAt, p.DoneDate, p.ValueVND = youthbot.ProjectDone, c.Now, c.Today, value
	if err := c.Tx.PutProject(&p); err != nil {
		return err
	}
	credited, byAttendance := youthbot.Credited(seats)
	n := 0
	for _, s := range credited {
		m, err := c.Tx.Member(s.Member)
		if err != nil {
			return err
		}
		a := youthbot.Activity{
			Member: m.UserID, Unit: m.Unit, Date: c.Today, Description: p.Title, Project: p.Code, Campaign: p.Campaign,
			Status: youthbot.ActivityConfirmed, Source: youthbot.SourceProject, CreatedAt: c.Now, DecidedAt: c.Now, DecidedBy: c.From.ID,
		}
		if err := c.Tx.AddActivity(&a); err != nil {
			return err
		}
		n++
		code, title, day := p.Code, p.Title, c.Today.String()
		if err := c.Notify(m.UserID, "project_done", func(lang string) (string, any) {
			return tr(lang, "project.done_credited", code, title, day), nil
		}); err != nil {
			return err
		}
	}
	rule := c.T("project.done_rule_joined")
	if byAttendance {
		rule = c.T("project.done_rule_present")
	}
	text := c.T("project.done_completed", kindName(c, p.Kind), p.Code, p.Title, n, rule)
	if value > 0 {
		text += "\n" + c.T("project.done_value", amountVND(c, value))
	}
	c.Reply(text, nil)
	return nil
}

// eligibleSeats returns p's seats held by members who may hold them now
// (service.SeatEligible): not a member forgotten since (their place in the figures
// is gone with them), nor one who left for a branch the project is not for
// (a seat kept from before transfers gave such seats up).
func (b *Bot) eligibleSeats(c *Ctx, p youthbot.Project) ([]youthbot.Participant, error) {
	seats, err := c.Tx.Seats(p.Code)
	if err != nil {
		return nil, err
	}
	kept := seats[:0]
	for _, s := range seats {
		m, err := c.Tx.Member(s.Member)
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		if ok, err := service.SeatEligible(c.Tx, m, p); err != nil {
			return nil, err
		} else if ok {
			kept = append(kept, s)
		}
	}
	return kept, nil
}
