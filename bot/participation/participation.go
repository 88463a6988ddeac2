// Package participation is the feature room of participation (F2): /log
// (with its guided dialog and the offer to log a free text or a photo),
// /my, /transfer and /members, with their buttons and dialogs. The
// decisions on activities and transfers are shared with /pending through
// the core (bot/export_participation.go).
package participation

import (
	"strconv"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/report"
	"youthbot/service"
)

// Callback data prefixes of participation (see bot/keyboard.go for the
// core's). Every handler re-checks the sender's rights and the state.
const (
	cbLogStep        = "ad" // ad:d:<yyyymmdd> | ad:h:<tenths> | ad:p:<project> | ad:c:<campaign> | ad:s  the /log dialog
	cbActConfirm     = "ac" // ac:<activity>  a secretary confirms
	cbActReject      = "ar" // ar:<activity>  a secretary rejects: asks for the reason
	cbActRejectWhy   = "aw" // aw:<activity>:<reason>|back  rejects with that reason
	cbActUndo        = "au" // au:<activity>  the member withdraws it before a decision
	cbMyPage         = "am" // am:<page>  /my history
	cbMembersPage    = "ab" // ab:<page>:<folded search>  /members
	cbTransferWalk   = "xt" // xt:<unit>:<page>[:<member>]  pick the destination branch
	cbTransferPick   = "xp" // xp:<unit>[:<member>]  request the transfer
	cbTransferMember = "xm" // xm:<member>  a secretary picks whom to transfer
	cbTransferAccept = "xa" // xa:<transfer>  a destination secretary accepts
	cbTransferReject = "xr" // xr:<transfer>  a destination secretary rejects
	cbTransferCancel = "xc" // xc:<transfer>  the requester withdraws it
	cbTransferSend   = "xs" // xs:<unit>[:<member>]  send the confirmed request
	cbTransferAbort  = "xq" // xq  do not send it
)

// Participation is the feature, on the core it registered with.
type Participation struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Participation{b: b} }

// Commands are the feature's commands, in menu order.
func (r *Participation) Commands() []bot.Command {
	return []bot.Command{
		{Name: "log", Private: true, Who: bot.ForMembers, Handle: r.cmdLog},
		{Name: "my", Private: true, Who: bot.ForMembers, Handle: bot.PageView(r.myView).First},
		{Name: "transfer", Private: true, Who: bot.ForMembers, Handle: r.cmdTransfer},
		{Name: "members", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: r.cmdMembers, Prepare: r.prepareMembers},
	}
}

// Callbacks are the feature's buttons by prefix.
func (r *Participation) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{
		cbLogStep:        {Handle: r.cbLogStep},
		cbLogOffer:       {Handle: r.cbLogOffer},
		cbActConfirm:     {Handle: r.cbActDecide},
		cbActReject:      {Handle: r.cbActDecide},
		cbActRejectWhy:   {Handle: r.cbActDecide},
		cbActUndo:        {Handle: r.cbActUndo},
		cbMyPage:         {Handle: bot.PageView(r.myView).Turn},
		cbMembersPage:    {Need: bot.RoleSecretary, Handle: r.cbMembersPage, Prepare: r.prepareMembers},
		cbTransferWalk:   {Handle: r.cbTransferWalk},
		cbTransferPick:   {Handle: r.cbTransferPick},
		cbTransferMember: {Handle: r.cbTransferMember},
		cbTransferAccept: {Handle: r.cbTransferDecide},
		cbTransferReject: {Handle: r.cbTransferDecide},
		cbTransferCancel: {Handle: r.cbTransferCancel},
		cbTransferSend:   {Handle: r.cbTransferSend},
		cbTransferAbort:  {Handle: r.cbTransferAbort},
	}
}

// Dialogs are the feature's dialogs by name.
func (r *Participation) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{dlgLog: r.dlgLog, dlgLogOffer: r.dlgOffer}
}

// Offer answers a message outside a dialog with an offer to log it
// (log_offer.go); it is the room's bot.Offerer.
func (r *Participation) Offer(c *bot.Ctx, m *tgbotapi.Message) (offered bool, err error) {
	return r.offerLog(c, m)
}

// approvedMember returns the sender's member record if they are an
// approved member, else the reason they are not.
func (r *Participation) approvedMember(c *bot.Ctx) (youthbot.Member, error) {
	m, err := c.Member()
	if err != nil {
		return m, err
	}
	if m.Status != youthbot.StatusApproved {
		if m.Status == youthbot.StatusPending {
			return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.member_pending")
		}
		return m, youthbot.Errorf(youthbot.EUNAUTHORIZED, "err.not_member")
	}
	return m, nil
}

// hours formats hours × 10 as members read them: "2,5" in Vietnamese,
// "2.5" in English, "3" for whole hours.
func hours(lang string, tenths int) string { return report.Hours(lang, tenths) }

// idArg reads a positive id argument of callback data.
func idArg(s string) (uint64, bool) {
	id, err := strconv.ParseUint(s, 10, 64)
	return id, err == nil && id > 0
}

// userArg reads a Telegram user id argument of callback data.
func userArg(s string) (int64, bool) {
	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id != 0
}

// clip shortens user text for a list line.
func clip(s string, n int) string { return service.Clip(s, n) }

// captionLen counts the characters Telegram counts in a caption or a text
// (its limits: maxCaption, report.MaxMessage): the text without tags,
// entities decoded.
func captionLen(s string) int { return utf8.RuneCountInString(report.Plain(s)) }
