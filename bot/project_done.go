package bot

import (
	"strings"

	"youthbot/service"
)

// cmdDone completes a project: /done P12 [value]. Every joined member (of
// a branch the project is for, service.EligibleSeats) who was present (checked in, or confirmed by the secretary) — or, when
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
		return err
	}
	p, err := b.managedProject(c, code)
	if err != nil {
		return err
	}
	done, notices, err := service.Done(c.Tx, c.actor(), p, strings.TrimSpace(rest), c.when())
	if err != nil {
		return err
	}
	if err := c.deliver(notices); err != nil {
		return err
	}
	p = done.Project
	rule := c.T("project.done_rule_joined")
	if done.ByAttendance {
		rule = c.T("project.done_rule_present")
	}
	text := c.T("project.done_completed", kindName(c, p.Kind), p.Code, p.Title, done.Credited, rule)
	if p.ValueVND > 0 {
		text += "\n" + c.T("project.done_value", amountVND(c, p.ValueVND))
	}
	c.Reply(text, nil)
	return nil
}
