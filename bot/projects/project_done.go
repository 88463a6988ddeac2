package projects

import (
	"strconv"
	"strings"

	"youthbot/bot"
	"youthbot/service"
)

// cbDone confirms or drops a /done: jd:ok:<project>:<value in đồng> |
// jd:no:<project>.
const cbDone = "jd"

// doneNames bounds the names the /done confirmation lists.
const doneNames = 10

// cmdDone asks to confirm the completion of a project: /done P12 [value].
// It shows what the completion will record (service.PreviewDone): whom it
// credits, by which rule, and the value, and says so when the project's
// end date is still ahead; the ✅ button completes it (cbDone). Every
// joined member (of a branch the project is for, service.EligibleSeats)
// who was present (checked in, or confirmed by the secretary) — or, when
// nobody was, every joined member — gets one confirmed participation,
// dated today with 0 hours and credited to the branch they belong to
// today; the value produced is stored on the project, which storage
// counts once for the project's unit in the month of completion. A
// completed project cannot be completed again, so a second /done adds
// nothing. The value accepts ParseVND's forms: 5000000, 5.000.000, 5tr,
// 5 triệu, 2,5 tỷ, 500k.
func (pj *Projects) cmdDone(c *bot.Ctx, args string) error {
	first, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	code, err := projectCodeArg(first, "err.project_done_usage")
	if err != nil {
		return err
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	pre, err := service.PreviewDone(c.Tx, p, strings.TrimSpace(rest), c.When())
	if err != nil {
		return err
	}
	rule := c.T("project.done_rule_joined")
	if pre.ByAttendance {
		rule = c.T("project.done_rule_present")
	}
	names := make([]string, 0, doneNames)
	for _, s := range pre.Credited[:min(len(pre.Credited), doneNames)] {
		m, err := c.Tx.Member(s.Member)
		if err != nil {
			return err
		}
		names = append(names, m.FullName)
	}
	list := strings.Join(names, ", ")
	if len(pre.Credited) > doneNames {
		list += " " + c.T("project.done_confirm_more", len(pre.Credited)-doneNames)
	}
	text := c.T("project.done_confirm", kindName(c, p.Kind), p.Code, p.Title, len(pre.Credited), rule)
	if list != "" {
		text += "\n" + c.T("project.done_confirm_who", list)
	}
	if pre.ValueVND > 0 {
		text += "\n" + c.T("project.done_value", amountVND(c, pre.ValueVND))
	} else {
		text += "\n" + c.T("project.done_confirm_no_value")
	}
	if c.Today.Before(p.End) {
		text += "\n\n" + c.T("project.done_confirm_early", p.End.String())
	}
	value := strconv.FormatInt(pre.ValueVND, 10)
	c.Reply(text, bot.YesNo(c.T("btn.done_confirm"), bot.Data(cbDone, "ok", p.Code, value), c.T("btn.done_abort"), bot.Data(cbDone, "no", p.Code)))
	return nil
}

// cbDoneConfirm completes the project the presser confirmed, checking
// their rights and the project's state again now.
func (pj *Projects) cbDoneConfirm(c *bot.Ctx, args []string) error {
	code, err := projectCodeArg(bot.Arg(args, 1), "err.project_done_usage")
	if err != nil {
		return bot.StaleButton()
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	if bot.Arg(args, 0) != "ok" {
		c.EditCallback(c.T("project.done_aborted", p.Code), nil)
		return nil
	}
	value := bot.Arg(args, 2)
	if v, err := strconv.ParseInt(value, 10, 64); err != nil || v < 0 {
		return bot.StaleButton()
	} else if v == 0 {
		value = ""
	}
	done, notices, err := service.Done(c.Tx, c.Actor(), p, value, c.When())
	if err != nil {
		return err
	}
	if err := c.Deliver(notices); err != nil {
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
	c.EditCallback(text, nil)
	return nil
}
