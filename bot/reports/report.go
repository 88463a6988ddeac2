package reports

// Tallies and reports (F6): /tally.
// The commands, buttons and dialogs of this feature; see router.go.

import (
	"context"
	"maps"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/report"
	"youthbot/storage"
	"youthbot/vnread"
)

// cbTally is the button of a unit to report on: yt:<unit>:<YYYY-MM|YYYY>.
// (Prefixes of this feature start with 'y' or 'z'; see keyboard.go.)
const cbTally = "yt"

// Reports is the feature, on the core it registered with.
type Reports struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Reports{b: b} }

// Commands are the feature's commands, in menu order.
func (r *Reports) Commands() []bot.Command {
	return []bot.Command{{Name: "tally", Private: true, Who: bot.ForSecretaries, Handle: r.cmdTally, Prepare: r.prepareTally}}
}

// Callbacks are the feature's buttons by prefix.
func (r *Reports) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{cbTally: {Handle: r.cbTally, Prepare: r.prepareTally}}
}

// Dialogs are the feature's dialogs: none.
func (r *Reports) Dialogs() map[string]bot.DialogHandler { return nil }

// tallyAsk is what a /tally command or button asks for, once the sender's
// rights are checked: a unit and a period, or units to pick from.
type tallyAsk struct {
	unit   string
	period youthbot.Period
	pick   []string // when unit is "": the units offered as buttons
}

// askTally reads /tally [PERIOD] [UNIT], in either order, the period in
// any form vnread.MatchPeriod reads (tháng trước, 03/2026, năm nay…):
// by default the previous month and, for a secretary of one unit, that
// unit. It refuses senders
// who are neither admins nor secretaries, units they have no rights over,
// malformed periods and periods not begun.
func (r *Reports) askTally(tx *storage.Tx, user int64, today youthbot.Date, args string) (tallyAsk, error) {
	admin, units := r.b.IsAdmin(user), tx.SecretaryUnits(user)
	if !admin && len(units) == 0 {
		return tallyAsk{}, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretaries_only")
	}
	ask := tallyAsk{period: youthbot.MonthPeriod(today.Year, today.Month).Prev()}
	var gotPeriod bool
	for f := strings.Fields(args); len(f) > 0; {
		p, n, err := vnread.MatchPeriod(f, today)
		switch {
		case n > 0 && gotPeriod, n == 0 && ask.unit != "":
			return tallyAsk{}, youthbot.Errorf(youthbot.EINVALID, "err.tally_usage")
		case err != nil:
			return tallyAsk{}, err
		case n > 0:
			ask.period, gotPeriod = p, true
		default:
			ask.unit, n = youthbot.NormalizeUnitCode(f[0]), 1
			if id, err := tx.ResolveUnit(ask.unit); err == nil {
				ask.unit = id // an old code of a renamed unit (F8)
			}
		}
		f = f[n:]
	}
	if err := checkTallyPeriod(ask.period, today); err != nil {
		return tallyAsk{}, err
	}
	if ask.unit != "" {
		return ask, r.checkTallyRights(tx, user, ask.unit)
	}
	if admin {
		units = tx.ChildCodes("")
	}
	switch len(units) {
	case 0:
		return tallyAsk{}, youthbot.Errorf(youthbot.ENOTFOUND, "tree.empty")
	case 1:
		ask.unit = units[0]
	default:
		ask.pick = units
	}
	return ask, nil
}

// askTallyButton reads a yt:<unit>:<period> button, untrusted: ok is false
// for data no build of the bot makes.
func (r *Reports) askTallyButton(tx *storage.Tx, user int64, today youthbot.Date, args []string) (ask tallyAsk, ok bool, err error) {
	p, perr := youthbot.ParsePeriod(bot.Arg(args, 1))
	unit := youthbot.NormalizeUnitCode(bot.Arg(args, 0))
	if perr != nil || !youthbot.ValidUnitCode(unit) || len(args) != 2 {
		return tallyAsk{}, false, nil
	}
	if err := checkTallyPeriod(p, today); err != nil {
		return tallyAsk{}, true, err
	}
	return tallyAsk{unit: unit, period: p}, true, r.checkTallyRights(tx, user, unit)
}

func checkTallyPeriod(p youthbot.Period, today youthbot.Date) error {
	if p.Year < 2000 {
		return youthbot.Errorf(youthbot.EINVALID, "err.tally_too_old")
	}
	if p.First().After(today) {
		return youthbot.Errorf(youthbot.EINVALID, "err.tally_future", p.String())
	}
	return nil
}

// checkTallyRights lets an admin see any unit and a secretary their units
// and those below; others are told the command is for secretaries.
func (r *Reports) checkTallyRights(tx *storage.Tx, user int64, unit string) error {
	if _, err := tx.Unit(unit); err != nil {
		return err
	}
	if r.b.IsAdmin(user) {
		return nil
	}
	units := tx.SecretaryUnits(user)
	if len(units) == 0 {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.secretaries_only")
	}
	ok, err := tx.Manages(units, unit)
	if err != nil {
		return err
	}
	if !ok {
		return youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_your_unit")
	}
	return nil
}

// cmdTally sends a tally: /tally [YYYY-MM | YYYY] [UNIT].
func (r *Reports) cmdTally(c *bot.Ctx, args string) error {
	ask, err := r.askTally(c.Tx, c.From.ID, c.Today, args)
	if err != nil {
		return err
	}
	if ask.unit != "" {
		return r.sendTallyOf(c, ask)
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	for _, code := range ask.pick {
		u, err := c.Tx.Unit(code)
		if err != nil {
			return err
		}
		rows = append(rows, bot.Row(bot.Button("📊 "+u.Name, bot.Data(cbTally, u.Code, ask.period.String()))))
	}
	c.Reply(c.T("tally.pick", report.PeriodLabel(c.Lang, ask.period)), bot.Keyboard(rows...))
	return nil
}

// cbTally sends the tally of the unit picked.
func (r *Reports) cbTally(c *bot.Ctx, args []string) error {
	ask, ok, err := r.askTallyButton(c.Tx, c.From.ID, c.Today, args)
	if !ok {
		return bot.StaleButton()
	}
	if err != nil {
		return err
	}
	unit, err := c.Tx.Unit(ask.unit)
	if err != nil {
		return err
	}
	c.EditCallback(c.T("tree.chosen", unit.Name), nil)
	return r.sendTallyOf(c, ask)
}

// sendTallyOf sends the tally and, for a unit that ceased (F8), tells
// which unit succeeded it: its past periods stay its own.
func (r *Reports) sendTallyOf(c *bot.Ctx, ask tallyAsk) error {
	if err := r.sendTally(c, ask); err != nil {
		return err
	}
	gone, ok := c.Tx.UnitGone(ask.unit)
	if !ok {
		return nil
	}
	name := ""
	if succ := c.Tx.UnitSuccessor(ask.unit); succ != "" {
		if u, err := c.Tx.Unit(succ); err == nil {
			name = u.Name
		}
	}
	c.Reply(c.T("tree.successor", bot.CodeOfUnit(c, ask.unit), gone.String(), name), nil)
	return nil
}

// sendTally answers with the tally: its messages, then the chart and the
// workbook, named for building when they are sent (youthbot.Render, like
// the monthly tallies): no file naming members is kept in the outbox, and
// a file reflects the database when it leaves (a member erased meanwhile
// is not in it). The texts were built before the transaction when they
// could be (prepareTally); otherwise, or if what was asked changed since,
// they are built here.
func (r *Reports) sendTally(c *bot.Ctx, ask tallyAsk) error {
	var msgs []*youthbot.Outgoing
	if p, ok := c.Prepared().(tallyPrep); ok && p.unit == ask.unit && p.period == ask.period && p.lang == c.Lang {
		msgs = p.msgs
	}
	if msgs == nil {
		t, err := report.Load(c.Tx, ask.unit, ask.period, r.b.Location(), report.PartText)
		if err != nil {
			return err
		}
		msgs = tallyOutgoing(c.Chat, c.Lang, t)
	}
	for _, o := range msgs {
		o := *o // the prepared ones may be queued again (a batch retried)
		o.Params = maps.Clone(o.Params)
		c.Queue(&o)
	}
	return nil
}

// tallyOutgoing is a tally's answer to chat in lang: the texts of t, then
// the chart and the workbook to be built at delivery.
func tallyOutgoing(chat int64, lang string, t *report.Tally) []*youthbot.Outgoing {
	id := strconv.FormatInt(chat, 10)
	f := t.Figures
	var out []*youthbot.Outgoing
	for _, m := range t.Messages(lang) {
		out = append(out, &youthbot.Outgoing{Chat: chat, Lane: youthbot.LaneReply, Method: "sendMessage", Notice: "tally",
			Params: map[string]string{"chat_id": id, "parse_mode": "HTML", "text": m, "link_preview_options": `{"is_disabled":true}`}})
	}
	label := i18n.Raw(i18n.Esc(report.PeriodLabel(lang, f.Period)))
	file := func(method, kind, caption string) *youthbot.Outgoing {
		return &youthbot.Outgoing{Chat: chat, Lane: youthbot.LaneReply, Method: method, Notice: "tally",
			Params: map[string]string{"chat_id": id, "parse_mode": "HTML", "caption": caption},
			Render: &youthbot.Render{Kind: kind, Unit: f.Unit, Period: f.Period.String(), Lang: lang}}
	}
	return append(out,
		file("sendPhoto", youthbot.RenderTallyChart, i18n.T(lang, "report.caption_chart", label, f.Name)),
		file("sendDocument", youthbot.RenderTallyWorkbook, i18n.T(lang, "report.caption_workbook", label, f.Name)))
}

// tallyPrep is a tally's answer built by the pre-phase.
type tallyPrep struct {
	unit   string
	period youthbot.Period
	lang   string
	msgs   []*youthbot.Outgoing
}

// prepareTally claims /tally and its buttons in private chats: the tally,
// which may take a second for a whole province, is built in a read
// transaction before Apply's write transaction, so that it holds up no
// other update. Rights are checked there first (nobody makes the bot build
// a tally they may not see) and again by the handler, which uses the
// prepared report only if it asks for the same thing.
func (r *Reports) prepareTally(u *tgbotapi.Update, in bot.Input) func(ctx context.Context) any {
	var from *tgbotapi.User
	var ask func(tx *storage.Tx, today youthbot.Date) (tallyAsk, error)
	if u.Message != nil {
		from = u.Message.From
		ask = func(tx *storage.Tx, today youthbot.Date) (tallyAsk, error) {
			return r.askTally(tx, from.ID, today, in.Args())
		}
	} else {
		from = u.CallbackQuery.From
		ask = func(tx *storage.Tx, today youthbot.Date) (tallyAsk, error) {
			a, ok, err := r.askTallyButton(tx, from.ID, today, in.Data())
			if !ok {
				return tallyAsk{}, bot.StaleButton()
			}
			return a, err
		}
	}
	return func(context.Context) any {
		var p tallyPrep
		err := r.b.DB().View(func(tx *storage.Tx) error {
			a, err := ask(tx, youthbot.DateOf(r.b.Now(), r.b.Location()))
			if err != nil || a.unit == "" {
				return nil // the handler answers
			}
			user, _, err := tx.User(from.ID)
			if err != nil {
				return err
			}
			lang := r.b.UserLang(user, from.LanguageCode)
			t, err := report.Load(tx, a.unit, a.period, r.b.Location(), report.PartText)
			if err != nil {
				return err
			}
			p = tallyPrep{unit: a.unit, period: a.period, lang: lang, msgs: tallyOutgoing(from.ID, lang, t)}
			return nil
		})
		if err != nil {
			r.b.Log().Warn("prepare tally", "err", err) // the handler builds it again and reports
			return nil
		}
		return p
	}
}
