// Package projects is the feature room of youth projects and campaigns
// (F3, F4; targets are bot/targets'): the commands, buttons, dialogs and the check-in deep
// link of this feature; see bot/feature.go.
//
//	project_new.go      /newproject, guided and in one line
//	project_list.go     /projects, /join, /leave, the waiting list
//	project_checkin.go  /checkin (QR code, ?start=c_ link), attendance
//	project_done*.go    /done: participations, head counts, value, support,
//	                    beneficiaries and level, guided or in one line, once
//	campaign.go         /newcampaign, /campaigns, /endcampaign
//	project_format.go   numbers, amounts and percents as users read them
package projects

import (
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot"
)

// Callback data prefixes of this feature (the core's are in bot/keyboard.go).
const (
	cbProjects    = "jp" // jp:<page> page through /projects
	cbJoin        = "jj" // jj:<project>:<page> join (or queue for) a project
	cbLeave       = "jl" // jl:<project>:<page> leave a project or its waiting list
	cbNewProject  = "jn" // jn:u|k|c:<unit|ct|pv|campaign|->:<nonce> /newproject dialog buttons
	cbAttendance  = "ja" // ja:v:<project>:<page> | ja:o:<project>:<member>:<page> | ja:a:<project>:<page>
	cbNewCampaign = "kc" // kc:ok:<nonce>:<unit> | kc:no:<nonce> confirm a campaign
	cbEndCampaign = "ke" // ke:ok|no:<campaign> end a campaign early
)

// Dialogs of this feature.
const (
	dlgProject  = "proj" // /newproject, step by step
	dlgCampaign = "camp" // /newcampaign waiting for its confirmation
)

// Projects is the feature, on the core it registered with.
type Projects struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Projects{b: b} }

// Commands are the feature's commands, in menu order.
func (pj *Projects) Commands() []bot.Command {
	return []bot.Command{
		{Name: "projects", Private: true, Who: bot.ForMembers, Need: bot.RoleMember, Handle: bot.PageView(pj.projectsView).First},
		{Name: "join", Private: true, Who: bot.ForMembers, Handle: pj.cmdJoin},
		{Name: "leave", Private: true, Who: bot.ForMembers, Handle: pj.cmdLeave},
		{Name: "campaigns", Private: true, Who: bot.ForMembers, Need: bot.RoleMember, Handle: pj.cmdCampaigns},
		{Name: "newproject", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: pj.cmdNewProject},
		{Name: "checkin", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: pj.cmdCheckin},
		{Name: "done", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: pj.cmdDone},
		{Name: "newcampaign", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: pj.cmdNewCampaign},
		{Name: "endcampaign", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: pj.cmdEndCampaign},
	}
}

// Callbacks are the feature's buttons by prefix.
func (pj *Projects) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{
		cbProjects:    {Handle: bot.PageView(pj.projectsView).Turn},
		cbJoin:        {Handle: pj.cbJoin},
		cbLeave:       {Handle: pj.cbLeave},
		cbNewProject:  {Handle: pj.cbNewProject},
		cbAttendance:  {Handle: pj.cbAttendance},
		cbNewCampaign: {Handle: pj.cbNewCampaign},
		cbEndCampaign: {Handle: pj.cbEndCampaign},
		cbDone:        {Need: bot.RoleSecretary, Handle: pj.cbDoneConfirm},
		cbDoneStep:    {Need: bot.RoleSecretary, Handle: pj.cbDoneStep},
	}
}

// Dialogs are the feature's dialogs by name.
func (pj *Projects) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{
		dlgProject:  pj.dlgProject,
		dlgCampaign: pj.dlgCampaign,
		dlgDone:     pj.dlgDone,
	}
}

// StartLinks are the feature's deep links: c_<code> checks in.
func (pj *Projects) StartLinks() map[string]bot.StartLink {
	return map[string]bot.StartLink{"c_": {Name: "checkin", Handle: pj.startCheckin}}
}

// actingUnits are the units a management command acts for when none is
// named: a secretary's own units, or for an admin the roots of the tree.
func actingUnits(c *bot.Ctx) []string {
	if c.IsAdmin() {
		return c.Tx.ChildCodes("")
	}
	return c.SecretaryUnits()
}

// pipeFields splits a one-line command's fields on '|', trimmed.
func pipeFields(s string) []string {
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// optionalKeyboard is bot.Keyboard(rows...), or nil when no row has a button:
// Telegram refuses an empty inline keyboard.
func optionalKeyboard(rows ...[]tgbotapi.InlineKeyboardButton) *tgbotapi.InlineKeyboardMarkup {
	kb := bot.Keyboard(rows...)
	if len(kb.InlineKeyboard) == 0 {
		return nil
	}
	return kb
}

// replyKeyboard replies with text and kb, which may be nil.
func replyKeyboard(c *bot.Ctx, text string, kb *tgbotapi.InlineKeyboardMarkup) {
	if kb == nil {
		c.Reply(text, nil)
		return
	}
	c.Reply(text, kb)
}
