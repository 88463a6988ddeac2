// Package requests is the room of the live summaries of the requests to
// secretaries (issue 13): it implements the core's bot.Requests hook
// (every request a room asks through Ctx.AskDecision, every decision told
// through Ctx.RequestDecided) and owns the summaries' buttons.
//
// Requests to a secretary coalesce into one live summary per secretary
// chat, kind of request and unit: the first request of a quiet period is
// sent alone as before (its own message, its own buttons); from the second
// within summaryWindow, one summary message is sent and then edited
// ("🙋 12 lượt tham gia chờ xác nhận — Chi đoàn ấp 1", the latest few, "Xác
// nhận tất cả", "Xem từng lượt"). A summary is rendered from the database
// each time it is sent or edited, and again whenever an item of its unit is
// decided anywhere (its buttons, /pending, another secretary, the request's
// own buttons), so it never says more than what waits. Its edits carry a
// Coalesce name: an edit still queued is replaced by the newer one, and the
// outbox spaces a summary's edits by its CoalesceGap (a few seconds), so
// that the latest state wins and a burst of 150 requests costs a secretary
// two messages and an edit every few seconds. The summary's message id is
// kept with the sent messages (storage.Tx.Sent, under summaryName), so a
// restart goes on editing it; one Telegram will not edit any more (deleted,
// too old) is sent anew by the outbox (sender_resend.go).
//
// The request sent alone is tracked by item ("act/<id>", "reg/<member>",
// "tr/<id>"): decided elsewhere, its buttons are replaced by one that
// answers the item's current state (Room.Decided).
package requests

import (
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/i18n"
	"youthbot/service"
	"youthbot/storage"
)

const (
	// summaryWindow is how long after the first request of a quiet period
	// the next ones coalesce into the summary.
	summaryWindow = time.Hour
	// summaryMax is how many requests a window takes before the next one
	// starts a new window (sent alone again).
	summaryMax = 1000
	// summaryLatest is how many items a summary lists.
	summaryLatest = 5
)

// summaryName is the Track name of a summary message.
func summaryName(kind, unit string) string { return "sum/" + kind + "/" + unit }

// requestName is the Track name of a request sent alone.
func requestName(kind, id string) string { return kind + "/" + id }

// Ask asks the decider to about the item id of kind in unit
// (bot.Ctx.AskDecision). At the start of a quiet period, send queues the
// request alone (Notify, or a photo), tracked under the item's name; within
// the window the request joins the decider's live summary instead.
func (r *Room) Ask(c *bot.Ctx, to int64, kind, unit, id string, send func() error) error {
	s, found, err := c.Tx.Summary(kind, unit, to)
	if err != nil {
		return err
	}
	if found && c.Now.Sub(s.Since) < summaryWindow && s.Count < summaryMax && s.Count > 0 && othersWait(c, kind, unit, to, id) {
		s.Count++
		s.Open = true
		if err := c.Tx.PutSummary(s); err != nil {
			return err
		}
		return r.renderSummary(c, s)
	}
	n := len(c.Queued())
	if err := send(); err != nil {
		return err
	}
	sent := false
	for _, o := range c.Queued()[n:] {
		if o.Chat == to {
			o.Track, sent = requestName(kind, id), true
		}
	}
	if !sent {
		return nil // the decider blocked the bot
	}
	if found && s.Open {
		// A new window: the last one's summary stays as it was shown.
		if err := c.Tx.DeleteSent(summaryName(kind, unit), to); err != nil {
			return err
		}
	}
	return c.Tx.PutSummary(storage.Summary{Chat: to, Kind: kind, Unit: unit, Since: c.Now, Count: 1})
}

// othersWait reports whether something else of kind than id waits in
// unit for to: a request that finds all before it decided starts a quiet
// period again.
func othersWait(c *bot.Ctx, kind, unit string, to int64, id string) bool {
	if kind == bot.RequestActivity {
		n, latest, err := c.Tx.PendingActivitiesLatest(unit, 2, to)
		if err != nil {
			return true
		}
		return n > 1 || n == 1 && len(latest) == 1 && strconv.FormatUint(latest[0].ID, 10) != id
	}
	rs, err := service.PendingRequests(c.Tx, kind, unit, to)
	if err != nil {
		return true
	}
	for _, r := range rs {
		if r.ID != id {
			return true
		}
	}
	return false
}

// renderSummary queues the summary of s as it stands: a new message while
// none was delivered in this window (replacing one still queued), else an
// edit of the one delivered.
func (r *Room) renderSummary(c *bot.Ctx, s storage.Summary) error {
	lang, ok, err := service.Recipient(c.Tx, s.Chat, r.b.Lang())
	if err != nil || !ok {
		return err
	}
	text, kb, err := summaryView(c, lang, s.Kind, s.Unit, s.Chat)
	if err != nil {
		return err
	}
	name := summaryName(s.Kind, s.Unit)
	p := map[string]string{"chat_id": strconv.FormatInt(s.Chat, 10), "text": text, "parse_mode": "HTML"}
	if kb != nil {
		p["reply_markup"] = bot.MarkupJSON(kb)
	}
	o := &youthbot.Outgoing{Chat: s.Chat, Lane: youthbot.LaneNotify, Method: "sendMessage", Params: p, Notice: "summary",
		Track: name, Coalesce: name + "/" + strconv.FormatInt(s.Chat, 10)}
	if m, ok := c.Tx.Sent(name, s.Chat); ok {
		o.Method = "editMessageText"
		p["message_id"] = strconv.FormatInt(m.MessageID, 10)
	}
	c.Queue(o)
	return nil
}

// requestsChanged renders again every open summary of kind about unit
// (an item was decided, or withdrawn).
func (r *Room) requestsChanged(c *bot.Ctx, kind, unit string) error {
	sums, err := c.Tx.SummariesOf(kind, unit)
	if err != nil {
		return err
	}
	for _, s := range sums {
		if _, delivered := c.Tx.Sent(summaryName(kind, unit), s.Chat); !s.Open && !delivered {
			continue
		}
		if err := r.renderSummary(c, s); err != nil {
			return err
		}
	}
	return nil
}

// Decided updates what shows the item id of kind in unit, now decided or
// withdrawn (bot.Ctx.RequestDecided): the request messages sent alone
// about it lose their buttons for one that answers its state (except the
// one whose button was just pressed: its handler shows the decision), and
// the summaries are rendered again.
func (r *Room) Decided(c *bot.Ctx, kind, unit, id string) error {
	name := requestName(kind, id)
	sent, err := c.Tx.SentTo(name)
	if err != nil {
		return err
	}
	for _, m := range sent {
		if editsMessage(c, m.Chat, m.MessageID) {
			if err := c.Tx.DeleteSent(name, m.Chat); err != nil {
				return err
			}
			continue
		}
		lang, _, err := service.Recipient(c.Tx, m.Chat, r.b.Lang())
		if err != nil {
			return err
		}
		kb := bot.Keyboard(bot.Row(bot.Button(i18n.T(lang, "btn.req_done"), bot.Data(cbSummary, "st", kind, id))))
		lane := youthbot.LaneNotify
		if m.Chat == c.Chat {
			lane = youthbot.LaneReply // in the actor's chat, in order with the handler's own edits
		}
		c.Queue(&youthbot.Outgoing{Chat: m.Chat, Lane: lane, Method: "editMessageReplyMarkup", Notice: "edit",
			Params: map[string]string{"chat_id": strconv.FormatInt(m.Chat, 10), "message_id": strconv.FormatInt(m.MessageID, 10),
				"reply_markup": bot.MarkupJSON(kb)}})
		if err := c.Tx.DeleteSent(name, m.Chat); err != nil {
			return err
		}
	}
	return r.requestsChanged(c, kind, unit)
}

// editsMessage reports whether this update already answers in message id
// of chat: the pressed message, or one the handler edits itself (a
// rejection's reason typed after pressing "Lý do khác"); that answer wins.
func editsMessage(c *bot.Ctx, chat, id int64) bool {
	if cb := c.Update.CallbackQuery; cb != nil && cb.Message != nil && chat == c.Chat && int64(cb.Message.MessageID) == id {
		return true
	}
	chatID, msgID := strconv.FormatInt(chat, 10), strconv.FormatInt(id, 10)
	for _, o := range c.Queued() {
		if o.Params["chat_id"] == chatID && o.Params["message_id"] == msgID {
			return true
		}
	}
	return false
}

// summaryView is the summary of what of kind waits in unit for viewer, in
// lang: a title with the count, the latest few, and the buttons.
func summaryView(c *bot.Ctx, lang, kind, unit string, viewer int64) (string, *tgbotapi.InlineKeyboardMarkup, error) {
	count, latest, err := latestRequests(c, lang, kind, unit, viewer)
	if err != nil {
		return "", nil, err
	}
	uname := bot.NameOfUnit(c, unit)
	if count == 0 {
		return i18n.T(lang, "req.none", uname), nil, nil
	}
	lines := []string{i18n.T(lang, "req.title."+kind, count, uname), "", i18n.T(lang, "req.latest")}
	for _, it := range latest {
		lines = append(lines, it.line())
	}
	if more := count - summaryLatest; more > 0 {
		lines = append(lines, i18n.T(lang, "req.more", more))
	}
	kb := bot.Keyboard(bot.Row(
		bot.Button(i18n.T(lang, "btn.req_all"), bot.Data(cbSummary, "all", kind, unit)),
		bot.Button(i18n.T(lang, "btn.req_each"), bot.Data(cbSummary, "pg", kind, unit, "0")),
	))
	return strings.Join(lines, "\n"), kb, nil
}

// listName is a member's name for a list line (escaped by tr).
func listName(lang, name string) string {
	if name == "" {
		return i18n.T(lang, "members.anonymous")
	}
	return name
}

// latestRequests counts what of kind waits in unit for viewer and returns
// the latest summaryLatest items, newest first. Activities come from the
// pending index without decoding them all (a burst re-renders the summary
// at every request); the other kinds are few and listed whole.
func latestRequests(c *bot.Ctx, lang, kind, unit string, viewer int64) (int, []requestItem, error) {
	if kind == bot.RequestActivity {
		n, acts, err := c.Tx.PendingActivitiesLatest(unit, summaryLatest, viewer)
		if err != nil {
			return 0, nil, err
		}
		items := make([]requestItem, len(acts))
		for i := range acts {
			a := &acts[i]
			items[i] = requestItem{Request: service.Request{ID: strconv.FormatUint(a.ID, 10), Order: a.ID, Member: a.Member, Activity: a}, c: c, lang: lang}
		}
		return n, items, nil
	}
	items, err := pendingRequests(c, lang, kind, unit, viewer)
	if err != nil {
		return 0, nil, err
	}
	var latest []requestItem
	for i := len(items) - 1; i >= 0 && len(latest) < summaryLatest; i-- {
		latest = append(latest, items[i])
	}
	return len(items), latest, nil
}
