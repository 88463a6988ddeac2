// Package membership is the feature room of registration and the
// account (F1): /start and its member and secretary invite links (j_, s_),
// the registration dialog, /pending and the decisions on registrations,
// /invite, /profile, /secretaries, /help, /lang, /cancel and /forgetme.
// The core keeps the mechanisms they use: dialogs, /help's text built from
// the command table, the language, the deep links' dispatch.
package membership

import (
	"youthbot/bot"
)

// Callback data prefixes of membership (/secretaries' are in
// secretaries.go, /pending's is the core's bot.PendingPrefix). Every
// handler re-checks the sender's rights and the state.
const (
	cbTree        = "tw" // tw:<unit>:<page> walk the unit tree to pick a branch
	cbTreeJoin    = "tj" // tj:<unit> register in this branch
	cbRegister    = "rg" // rg:yes|no|ok|edit registration dialog buttons
	cbApprove     = "ma" // ma:<user>:<registered unix> approve a registration
	cbReject      = "mr" // mr:<user>:<registered unix> reject a registration: asks for the reason
	cbRejectWhy   = "mw" // mw:<user>:<registered unix>:<reason>|back reject with that reason
	cbProfileEdit = "pe" // pe:name|birth|phone
	cbForget      = "fg" // fg:yes|no
	cbLang        = "lg" // lg:vi|en
	cbInviteWalk  = "iw" // iw:m|s:<unit>:<page> pick a unit for an invite
	cbInviteMake  = "ig" // ig:m|s:<unit> make the invite
)

// Room is the feature, on the core it registered with.
type Room struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Room{b: b} }

// Commands are the feature's commands, in menu order.
func (r *Room) Commands() []bot.Command {
	return []bot.Command{
		{Name: "start", Private: true, Hidden: true, Handle: r.cmdStart},
		{Name: "help", Private: true, Group: true, Handle: r.cmdHelp},
		{Name: "profile", Private: true, Who: bot.ForMembers, Handle: r.cmdProfile},
		{Name: "pending", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: r.cmdPending},
		{Name: "invite", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: r.cmdInvite},
		{Name: "secretaries", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: r.cmdSecretaries},
		{Name: "lang", Private: true, Handle: r.cmdLang},
		{Name: "cancel", Private: true, Handle: r.cmdCancel},
		{Name: "forgetme", Private: true, Handle: r.cmdForgetMe},
	}
}

// Callbacks are the feature's buttons by prefix.
func (r *Room) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{
		cbTree:            {Handle: r.cbTree},
		cbTreeJoin:        {Handle: r.cbTreeJoin},
		cbRegister:        {Handle: r.cbRegister},
		cbApprove:         {Handle: r.cbDecide},
		cbReject:          {Handle: r.cbDecide},
		cbRejectWhy:       {Handle: r.cbDecide},
		bot.PendingPrefix: {Need: bot.RoleSecretary, Handle: r.cbPending},
		cbProfileEdit:     {Handle: r.cbProfileEdit},
		cbForget:          {Handle: r.cbForget},
		cbLang:            {Handle: r.cbLang},
		cbInviteWalk:      {Handle: r.cbInviteWalk},
		cbInviteMake:      {Handle: r.cbInviteMake},
		cbRejectText:      {Handle: r.cbRejectText},

		cbSecretaries:     {Need: bot.RoleSecretary, Handle: r.cbSecretaries},
		cbSecretaryAsk:    {Need: bot.RoleSecretary, Handle: r.cbSecretaryAsk},
		cbSecretaryRemove: {Need: bot.RoleSecretary, Handle: r.cbSecretaryRemove},
	}
}

// Dialogs are the feature's dialogs by name.
func (r *Room) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{dlgRegister: r.dlgRegister, dlgEdit: r.dlgEdit, dlgRejectWhy: r.dlgRejectWhy}
}

// StartLinks are the feature's deep links: member and secretary invites.
func (r *Room) StartLinks() map[string]bot.StartLink {
	return map[string]bot.StartLink{"j_": {Name: "join", Handle: r.startJoin}, "s_": {Name: "secretary", Handle: r.startSecretary}}
}
