package projects

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/figform"
	"youthbot/service"
)

// /done completes a project with what the secretary reports besides the
// members it credits individually (F7): the head counts of the others who
// took part (members, youth, students, residents), person-days, the value
// produced, support spent, beneficiaries by group and the recognition
// level. Guided, or in one line:
//
//	/done P12                          asks each figure (a button skips it)
//	/done P12 5tr                      the value only, the rest 0
//	/done P12 26tr | thanh niên 20 | người dân 5 | ngày công 15,5 | kinh phí 2tr | thiếu nhi 20 2tr | cấp huyện
//
// Both end in a summary to confirm (service.PreviewDone): whom it credits
// and by which rule, every figure, the participations in all (credited
// members + every head count: nobody counted twice), and a warning when
// the project's end date is still ahead. ✅ completes it (service.Done);
// the figures wait in the dialog meanwhile, so the button carries only the
// project and the dialog's nonce. A completed project cannot be completed
// again: a second /done or press adds nothing.

// cbDone confirms or drops a /done: jd:ok|no:<project>:<nonce>.
const cbDone = "jd"

// cbDoneStep answers a step of the /done dialog by button:
// jg:s:<step>:<nonce> none | jg:r:<step>:<nonce> skip the rest |
// jg:l:<kind>:<nonce> the recognition level.
const cbDoneStep = "jg"

// dlgDone is the /done dialog: the figures asked step by step, then the
// summary waiting for its confirmation.
const dlgDone = "done"

// Fields of the /done dialog besides its figures (figform's fields) and
// its nonce: the project.
const dfCode = "code"

// Steps of the /done dialog: each figure's, named after its field
// (doneSteps), then the summary waiting for its confirmation.
const dsConfirm = "confirm"

var doneSteps = []string{figform.Heads, figform.Days, figform.Value, figform.Support, figform.Benef, figform.Level}

// doneNames bounds the names the /done confirmation lists.
const doneNames = 10

// cmdDone starts /done P12 [figures]: guided without figures, else the
// summary of the one-line form.
func (pj *Projects) cmdDone(c *bot.Ctx, args string) error {
	args = strings.TrimSpace(args)
	cut := strings.IndexAny(args, " |")
	if cut < 0 {
		cut = len(args)
	}
	first, rest := args[:cut], args[cut:]
	code, err := projectCodeArg(first, "err.project_done_usage")
	if err != nil {
		return err
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	d := youthbot.Dialog{Name: dlgDone, Updated: c.Now, Data: map[string]string{dfCode: p.Code, pfNonce: youthbot.NewCode(6)}}
	if rest = strings.TrimSpace(rest); rest != "" {
		fig, err := figform.ParseLine(rest)
		if err != nil {
			return err
		}
		if fig.Level != "" {
			if err := pj.checkLevel(c, &p, fig.Level); err != nil {
				return err
			}
		}
		figform.Put(d.Data, fig)
	} else if _, err := service.PreviewDone(c.Tx, p, service.DoneFigures{}, c.When()); err != nil {
		return err // refused before asking anything
	}
	return pj.doneNext(c, &d, &p)
}

// doneNext asks for the first figure missing, or shows the summary.
func (pj *Projects) doneNext(c *bot.Ctx, d *youthbot.Dialog, p *youthbot.Project) error {
	d.Step = dsConfirm
	for _, f := range doneSteps {
		if d.Data[f] != "" {
			continue
		}
		if f == figform.Level {
			levels, err := service.LevelChoices(c.Tx, p.Unit)
			if err != nil {
				return err
			}
			if len(levels) < 2 {
				d.Data[figform.Level] = doneEmpty(figform.Level)
				continue
			}
		}
		d.Step = f
		break
	}
	d.Updated = c.Now
	if d.Step == dsConfirm {
		pre, err := service.PreviewDone(c.Tx, *p, figform.Read(d.Data), c.When())
		if err != nil {
			return err
		}
		if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
			return err
		}
		n := d.Data[pfNonce]
		c.Reply(pj.doneSummary(c, p, &pre), bot.YesNo(c.T("btn.done_confirm"), bot.Data(cbDone, "ok", p.Code, n),
			c.T("btn.done_abort"), bot.Data(cbDone, "no", p.Code, n)))
		return nil
	}
	if err := c.Tx.PutDialog(c.From.ID, *d); err != nil {
		return err
	}
	return pj.askDoneStep(c, d, p)
}

// askDoneStep asks for the figure of the dialog's step, with a button that
// answers none and one that skips the rest.
func (pj *Projects) askDoneStep(c *bot.Ctx, d *youthbot.Dialog, p *youthbot.Project) error {
	n := d.Data[pfNonce]
	skip := bot.Row(bot.Button(c.T("done.btn_none"), bot.Data(cbDoneStep, "s", d.Step, n)),
		bot.Button(c.T("done.btn_skip_rest"), bot.Data(cbDoneStep, "r", d.Step, n)))
	switch d.Step {
	case figform.Heads:
		pre, err := service.PreviewDone(c.Tx, *p, service.DoneFigures{}, c.When())
		if err != nil {
			return err
		}
		c.Reply(c.T("done.ask_heads", p.Code, p.Title, len(pre.Credited), creditRule(c, pre.ByAttendance)), bot.Keyboard(skip))
	case figform.Days, figform.Value, figform.Support, figform.Benef:
		c.Reply(c.T("done.ask_"+d.Step), bot.Keyboard(skip))
	case figform.Level:
		levels, err := service.LevelChoices(c.Tx, p.Unit)
		if err != nil {
			return err
		}
		var rows [][]tgbotapi.InlineKeyboardButton
		for i, k := range levels {
			label := levelName(c, k)
			if i == 0 {
				label = c.T("done.btn_default", label)
			}
			rows = append(rows, bot.Row(bot.Button(label, bot.Data(cbDoneStep, "l", string(k), n))))
		}
		c.Reply(c.T("done.ask_level", levelName(c, levels[0])), bot.Keyboard(rows...))
	}
	return nil
}

// dlgDone takes the figure typed for the dialog's step; a wrong one is
// explained and asked again, nothing kept of it.
func (pj *Projects) dlgDone(c *bot.Ctx, d *youthbot.Dialog, m *tgbotapi.Message) error {
	p, err := pj.managedProject(c, d.Data[dfCode])
	if err == nil {
		_, err = service.PreviewDone(c.Tx, p, service.DoneFigures{}, c.When())
	}
	if err != nil { // completed meanwhile, or the rights are gone: the dialog ends
		c.Reply(c.ErrorText(err), nil)
		return c.Tx.DeleteDialog(c.From.ID)
	}
	if d.Step == dsConfirm {
		c.Reply(c.T("done.press_button"), nil)
		return nil
	}
	fig := figform.Read(d.Data)
	text := strings.TrimSpace(m.Text)
	switch d.Step {
	case figform.Heads:
		fig.Heads, err = figform.ParseHeads(text)
	case figform.Days:
		fig.PersonDayTenths, err = figform.ParsePersonDays(text)
	case figform.Value:
		fig.ValueVND, err = figform.ParseAmount(text, "err.project_value")
	case figform.Support:
		fig.SupportVND, err = figform.ParseAmount(text, "err.done_money")
	case figform.Benef:
		fig.Beneficiaries, err = figform.ParseBenefits(text)
	case figform.Level:
		if fig.Level, err = figform.ParseLevel(text); err == nil {
			err = pj.checkLevel(c, &p, fig.Level)
		}
	default:
		return c.Tx.DeleteDialog(c.From.ID)
	}
	if err != nil {
		c.Reply(c.ErrorText(err), nil)
		return pj.askDoneStep(c, d, &p)
	}
	if err := c.ClearDialogButtons(); err != nil {
		return err
	}
	keepDoneStep(d.Data, fig, d.Step)
	return pj.doneNext(c, d, &p)
}

// keepDoneStep writes the figure of step from fig into the dialog's fields.
func keepDoneStep(data map[string]string, fig service.DoneFigures, step string) {
	all := map[string]string{}
	figform.Put(all, fig)
	data[step] = all[step]
}

// checkLevel refuses a level a project of p's unit may not have.
func (pj *Projects) checkLevel(c *bot.Ctx, p *youthbot.Project, k youthbot.UnitKind) error {
	levels, err := service.LevelChoices(c.Tx, p.Unit)
	if err != nil {
		return err
	}
	if !containsKind(levels, k) {
		return youthbot.Errorf(youthbot.EINVALID, "err.done_level", levelName(c, k))
	}
	return nil
}

func containsKind(kinds []youthbot.UnitKind, k youthbot.UnitKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// cbDoneStep answers a step by button: none, skip the rest, or a level.
func (pj *Projects) cbDoneStep(c *bot.Ctx, args []string) error {
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	op, value := bot.Arg(args, 0), bot.Arg(args, 1)
	if !found || d.Name != dlgDone || bot.Arg(args, 2) != d.Data[pfNonce] || (op != "l" && value != d.Step) || (op == "l" && d.Step != figform.Level) {
		return bot.StaleButton()
	}
	p, err := pj.managedProject(c, d.Data[dfCode])
	if err != nil {
		return err
	}
	switch op {
	case "s":
		d.Data[d.Step] = doneEmpty(d.Step)
		c.EditCallback(c.T("done.chosen", c.T("done.step."+d.Step), c.T("done.none")), nil)
	case "r":
		c.EditCallback(c.T("done.chosen", c.T("done.step."+d.Step), c.T("done.skipped_rest")), nil)
		for _, f := range doneSteps {
			if d.Data[f] == "" {
				d.Data[f] = doneEmpty(f)
			}
		}
	case "l":
		k := youthbot.UnitKind(value)
		if err := pj.checkLevel(c, &p, k); err != nil {
			return err
		}
		keepDoneStep(d.Data, service.DoneFigures{Level: k}, figform.Level)
		c.EditCallback(c.T("done.chosen", c.T("done.step."+figform.Level), levelName(c, k)), nil)
	default:
		return bot.StaleButton()
	}
	return pj.doneNext(c, &d, &p)
}

// doneEmpty is the value of a step answered "none".
func doneEmpty(step string) string {
	all := map[string]string{}
	figform.Put(all, service.DoneFigures{})
	return all[step]
}

// cbDoneConfirm completes the project the presser confirmed, checking
// their rights, the project's state and the figures again now.
func (pj *Projects) cbDoneConfirm(c *bot.Ctx, args []string) error {
	code, err := projectCodeArg(bot.Arg(args, 1), "err.project_done_usage")
	if err != nil {
		return bot.StaleButton()
	}
	p, err := pj.managedProject(c, code)
	if err != nil {
		return err
	}
	d, found, err := c.Tx.Dialog(c.From.ID)
	if err != nil {
		return err
	}
	ours := found && d.Name == dlgDone && d.Data[dfCode] == p.Code && d.Data[pfNonce] == bot.Arg(args, 2)
	if bot.Arg(args, 0) != "ok" {
		if ours {
			if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
				return err
			}
		}
		c.EditCallback(c.T("project.done_aborted", p.Code), nil)
		return nil
	}
	if _, err := service.PreviewDone(c.Tx, p, service.DoneFigures{}, c.When()); err != nil {
		return err // done already (a second press), or not started
	}
	if !ours || d.Step != dsConfirm {
		return bot.StaleButton()
	}
	done, notices, err := service.Done(c.Tx, c.Actor(), p, figform.Read(d.Data), c.When())
	if err != nil {
		return err
	}
	if err := c.Tx.DeleteDialog(c.From.ID); err != nil {
		return err
	}
	if err := c.Deliver(notices); err != nil {
		return err
	}
	p = done.Project
	text := c.T("project.done_completed", kindName(c, p.Kind), p.Code, p.Title, done.Credited, creditRule(c, done.ByAttendance))
	fig := service.DoneFigures{ValueVND: p.ValueVND, Contribution: p.Contribution, Level: p.Level}
	c.EditCallback(text+pj.figureLines(c, &p, fig, done.Credited, done.Participations), nil)
	return nil
}
