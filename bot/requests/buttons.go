package requests

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
)

// The buttons of a live summary (requests.go). Every press reads what
// waits now: a stale summary answers with the current state.
//
//	sm:all:<kind>:<unit>                 "Xác nhận tất cả": asks to confirm, naming the count
//	sm:yes:<kind>:<unit>:<cutoff>        confirms the items listed when asked (Order ≤ cutoff)
//	sm:no                                does not
//	sm:pg:<kind>:<unit>:<page>[:e]       "Xem từng lượt": a page (e: in place)
//	sm:ok|rj:<kind>:<unit>:<id>:<page>   confirms or rejects one item of a page
//	sm:st:<kind>:<id>                    a request decided elsewhere: its state
const cbSummary = "sm"

// requestsPage is how many items a page of "Xem từng lượt" shows.
const requestsPage = 5

// Room is the room of the live summaries: the core's bot.Requests and the
// summaries' buttons.
type Room struct{ b *bot.Bot }

// New is the room on the core b.
func New(b *bot.Bot) bot.Feature { return &Room{b: b} }

// Commands are none: the summaries come to the secretaries by themselves.
func (*Room) Commands() []bot.Command { return nil }

// Dialogs are none.
func (*Room) Dialogs() map[string]bot.DialogHandler { return nil }

// Callbacks are the summaries' buttons.
func (r *Room) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{cbSummary: {Need: bot.RoleSecretary, Handle: r.cbSummary}}
}

func (r *Room) cbSummary(c *bot.Ctx, args []string) error {
	action, kind, unit := bot.Arg(args, 0), bot.Arg(args, 1), bot.Arg(args, 2)
	switch action {
	case "no":
		c.EditCallback(c.T("req.cancelled"), nil)
		return nil
	case "st":
		c.Answer(c.T("req.decided", requestState(c, kind, bot.Arg(args, 2))), true)
		return nil
	}
	if err := c.RequireManage(unit); err != nil {
		return err
	}
	switch action {
	case "all":
		return askConfirmAll(c, kind, unit)
	case "yes":
		cutoff, err := strconv.ParseUint(bot.Arg(args, 3), 10, 64)
		if err != nil {
			return bot.StaleButton()
		}
		return r.confirmAll(c, kind, unit, cutoff)
	case "pg":
		page, err := strconv.Atoi(bot.Arg(args, 3))
		if err != nil {
			return bot.StaleButton()
		}
		if bot.Arg(args, 4) == "e" {
			return c.Edited(requestsPageView(c, kind, unit, page))
		}
		return c.Replied(requestsPageView(c, kind, unit, page)) // the summary stays as it is: it is kept live
	case "ok", "rj":
		page, err := strconv.Atoi(bot.Arg(args, 4))
		if err != nil {
			return bot.StaleButton()
		}
		decided, err := r.decideRequest(c, kind, bot.Arg(args, 3), action == "ok")
		if err != nil {
			return err
		}
		if err := c.Edited(requestsPageView(c, kind, unit, page)); err != nil {
			return err
		}
		c.Answer(r.decisionLine(c, kind, bot.Arg(args, 3)), !decided)
		return nil
	}
	return bot.StaleButton()
}

// refreshPressedSummary shows the summary whose button was pressed as it
// stands now, unless it is the live one (kept up to date already: an
// edit that changes nothing is refused).
func refreshPressedSummary(c *bot.Ctx, kind, unit string) {
	if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil {
		if m, ok := c.Tx.Sent(summaryName(kind, unit), c.Chat); ok && m.MessageID == int64(cb.Message.MessageID) {
			return
		}
	}
	if text, kb, err := summaryView(c, c.Lang, kind, unit, c.From.ID); err == nil {
		c.EditCallback(text, kb)
	}
}

// askConfirmAll answers "Xác nhận tất cả" with a confirmation naming the
// count; its button confirms exactly the items waiting now.
func askConfirmAll(c *bot.Ctx, kind, unit string) error {
	items, err := pendingRequests(c, c.Lang, kind, unit, c.From.ID)
	if err != nil {
		return err
	}
	refreshPressedSummary(c, kind, unit)
	if len(items) == 0 {
		c.Answer(c.T("req.all_none"), true)
		return nil
	}
	var lines []string
	for i := len(items) - 1; i >= 0 && i >= len(items)-summaryLatest; i-- {
		lines = append(lines, items[i].line())
	}
	if more := len(items) - summaryLatest; more > 0 {
		lines = append(lines, c.T("req.more", more))
	}
	cutoff := strconv.FormatUint(items[len(items)-1].Order, 10)
	kb := bot.YesNo(c.T("btn.req_yes", len(items)), bot.Data(cbSummary, "yes", kind, unit, cutoff),
		c.T("btn.req_cancel"), bot.Data(cbSummary, "no"))
	c.Reply(c.T("req.confirm_all", len(items), bot.NameOfUnit(c, unit), i18n.Raw(strings.Join(lines, "\n"))), kb)
	return nil
}

// confirmAll confirms the items of kind in unit waiting now that were
// listed when the confirmation was asked (Order ≤ cutoff).
func (r *Room) confirmAll(c *bot.Ctx, kind, unit string, cutoff uint64) error {
	rs, err := service.PendingRequests(c.Tx, kind, unit, c.From.ID)
	if err != nil {
		return err
	}
	n := 0
	for _, req := range service.Within(rs, cutoff) {
		decided, err := r.decideRequest(c, kind, req.ID, true)
		if err != nil {
			return err
		}
		if decided {
			n++
		}
	}
	if n == 0 {
		c.EditCallback(c.T("req.all_none"), nil)
		return nil
	}
	c.EditCallback(c.T("req.all_done", n, bot.NameOfUnit(c, unit)), nil)
	return nil
}

// requestsPageView is a page of "Xem từng lượt": the items with their
// Confirm / Reject buttons.
func requestsPageView(c *bot.Ctx, kind, unit string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	items, err := pendingRequests(c, c.Lang, kind, unit, c.From.ID)
	if err != nil {
		return "", nil, err
	}
	uname := bot.NameOfUnit(c, unit)
	if len(items) == 0 {
		return c.T("req.none", uname), nil, nil
	}
	from, to, page, pages := bot.PageOf(len(items), requestsPage, page)
	lines := []string{c.T("req.page", i18n.Raw(c.T("req.title."+kind, len(items), uname)), page+1, pages)}
	var rows [][]tgbotapi.InlineKeyboardButton
	pg := strconv.Itoa(page)
	for i, it := range items[from:to] {
		n := strconv.Itoa(from + i + 1)
		lines = append(lines, n+". "+strings.TrimPrefix(it.line(), "• "))
		rows = append(rows, bot.Row(
			bot.Button(n+". "+c.T("btn.confirm_activity"), bot.Data(cbSummary, "ok", kind, unit, it.ID, pg)),
			bot.Button(c.T("btn.reject"), bot.Data(cbSummary, "rj", kind, unit, it.ID, pg)),
		))
	}
	if nav := bot.PageButtons(page, pages, func(p int) string { return bot.Data(cbSummary, "pg", kind, unit, strconv.Itoa(p), "e") }); nav != nil {
		rows = append(rows, nav)
	}
	return strings.Join(lines, "\n"), bot.Keyboard(rows...), nil
}
