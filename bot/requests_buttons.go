package bot

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

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

// requestsRoom is the core's own room of the summaries' buttons, added to
// the configured features by New.
type requestsRoom struct{ b *Bot }

func (requestsRoom) Commands() []Command               { return nil }
func (requestsRoom) Dialogs() map[string]DialogHandler { return nil }
func (r requestsRoom) Callbacks() map[string]Callback {
	return map[string]Callback{cbSummary: {Need: RoleSecretary, Handle: r.b.cbSummary}}
}

func (b *Bot) cbSummary(c *Ctx, args []string) error {
	action, kind, unit := Arg(args, 0), Arg(args, 1), Arg(args, 2)
	switch action {
	case "no":
		c.EditCallback(c.T("req.cancelled"), nil)
		return nil
	case "st":
		c.Answer(c.T("req.decided", b.requestState(c, kind, Arg(args, 2))), true)
		return nil
	}
	if err := c.RequireManage(unit); err != nil {
		return err
	}
	switch action {
	case "all":
		return b.askConfirmAll(c, kind, unit)
	case "yes":
		cutoff, err := strconv.ParseUint(Arg(args, 3), 10, 64)
		if err != nil {
			return staleButton()
		}
		return b.confirmAll(c, kind, unit, cutoff)
	case "pg":
		page, err := strconv.Atoi(Arg(args, 3))
		if err != nil {
			return staleButton()
		}
		text, kb, err := b.requestsPageView(c, kind, unit, page)
		if err != nil {
			return err
		}
		if Arg(args, 4) == "e" {
			c.EditCallback(text, kb)
		} else {
			c.Reply(text, markup(kb)) // the summary stays as it is: it is kept live
		}
		return nil
	case "ok", "rj":
		page, err := strconv.Atoi(Arg(args, 4))
		if err != nil {
			return staleButton()
		}
		decided, err := b.decideRequest(c, kind, Arg(args, 3), action == "ok")
		if err != nil {
			return err
		}
		text, kb, err := b.requestsPageView(c, kind, unit, page)
		if err != nil {
			return err
		}
		c.EditCallback(text, kb)
		c.Answer(b.decisionLine(c, kind, Arg(args, 3)), !decided)
		return nil
	}
	return staleButton()
}

// refreshPressedSummary shows the summary whose button was pressed as it
// stands now, unless it is the live one (kept up to date already: an
// edit that changes nothing is refused).
func (b *Bot) refreshPressedSummary(c *Ctx, kind, unit string) {
	if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil {
		if m, ok := c.Tx.Sent(summaryName(kind, unit), c.Chat); ok && m.MessageID == int64(cb.Message.MessageID) {
			return
		}
	}
	if text, kb, err := b.summaryView(c, c.Lang, kind, unit, c.From.ID); err == nil {
		c.EditCallback(text, kb)
	}
}

// askConfirmAll answers "Xác nhận tất cả" with a confirmation naming the
// count; its button confirms exactly the items waiting now.
func (b *Bot) askConfirmAll(c *Ctx, kind, unit string) error {
	items, err := pendingRequests(c, c.Lang, kind, unit, c.From.ID)
	if err != nil {
		return err
	}
	b.refreshPressedSummary(c, kind, unit)
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
	kb := YesNo(c.T("btn.req_yes", len(items)), Data(cbSummary, "yes", kind, unit, cutoff),
		c.T("btn.req_cancel"), Data(cbSummary, "no"))
	c.Reply(c.T("req.confirm_all", len(items), NameOfUnit(c, unit), rawText(strings.Join(lines, "\n"))), kb)
	return nil
}

// confirmAll confirms the items of kind in unit waiting now that were
// listed when the confirmation was asked (Order ≤ cutoff).
func (b *Bot) confirmAll(c *Ctx, kind, unit string, cutoff uint64) error {
	rs, err := service.PendingRequests(c.Tx, kind, unit, c.From.ID)
	if err != nil {
		return err
	}
	n := 0
	for _, r := range service.Within(rs, cutoff) {
		decided, err := b.decideRequest(c, kind, r.ID, true)
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
	c.EditCallback(c.T("req.all_done", n, NameOfUnit(c, unit)), nil)
	return nil
}

// requestsPageView is a page of "Xem từng lượt": the items with their
// Confirm / Reject buttons.
func (b *Bot) requestsPageView(c *Ctx, kind, unit string, page int) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	items, err := pendingRequests(c, c.Lang, kind, unit, c.From.ID)
	if err != nil {
		return "", nil, err
	}
	uname := NameOfUnit(c, unit)
	if len(items) == 0 {
		return c.T("req.none", uname), nil, nil
	}
	from, to, page, pages := PageOf(len(items), requestsPage, page)
	lines := []string{c.T("req.page", rawText(c.T("req.title."+kind, len(items), uname)), page+1, pages)}
	var rows [][]tgbotapi.InlineKeyboardButton
	pg := strconv.Itoa(page)
	for i, it := range items[from:to] {
		n := strconv.Itoa(from + i + 1)
		lines = append(lines, n+". "+strings.TrimPrefix(it.line(), "• "))
		rows = append(rows, Row(
			Button(n+". "+c.T("btn.confirm_activity"), Data(cbSummary, "ok", kind, unit, it.ID, pg)),
			Button(c.T("btn.reject"), Data(cbSummary, "rj", kind, unit, it.ID, pg)),
		))
	}
	if nav := PageButtons(page, pages, func(p int) string { return Data(cbSummary, "pg", kind, unit, strconv.Itoa(p), "e") }); nav != nil {
		rows = append(rows, nav)
	}
	return strings.Join(lines, "\n"), Keyboard(rows...), nil
}

// rawText passes rendered HTML as an argument of a catalog message.
func rawText(s string) any { return i18n.Raw(s) }
