// Package activities is the feature room of a unit's own figures (F7):
// /activity records an activity the unit held with its head counts, value,
// support and beneficiaries (guided, or in one line, always confirmed on a
// summary); /activities lists the unit's with Edit and Delete for 30 days;
// /achieved enters the achieved value of a manual target; /breakthrough
// and /model register the unit's breakthrough tasks and effective models.
// The rules are in service/ (unitactivity.go, plan.go); this room
// reads messages and buttons and answers.
package activities

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/bot"
)

// Callback data prefixes of this room (all start with 'h', hoạt động).
// Every handler checks its arguments and the presser's rights again.
const (
	cbDialog   = "ha" // ha:<action>:<value>:<nonce> the /activity dialog's buttons
	cbList     = "hl" // hl:<unit>:<page> a page of /activities
	cbEdit     = "he" // he:<id> edit an activity (opens the dialog on it)
	cbDelete   = "hd" // hd:<id> ask to delete an activity
	cbDeleteOK = "hx" // hx:<id>:yes|no delete it, or not
	cbUnit     = "hu" // hu:<cmd>:<unit>:<nonce> the unit a command acts for (breakthrough, model, achieved)
	cbBreak    = "hb" // hb:<id> complete a breakthrough task
)

// dlgActivity is the name of the /activity dialog; dlgPick the one that
// keeps a one-line command while its unit is picked.
const (
	dlgActivity = "activity"
	dlgPick     = "activity_pick"
)

// Room is the feature, on the core it registered with.
type Room struct{ b *bot.Bot }

// New is the feature's bot.NewFeature.
func New(b *bot.Bot) bot.Feature { return &Room{b: b} }

// Commands are the room's commands, in menu order.
func (r *Room) Commands() []bot.Command {
	sec := func(name string, h func(c *bot.Ctx, args string) error) bot.Command {
		return bot.Command{Name: name, Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary, Handle: h}
	}
	return []bot.Command{
		sec("activity", r.cmdActivity),
		sec("activities", r.cmdActivities),
		sec("achieved", r.cmdAchieved),
		sec("breakthrough", r.cmdBreakthrough),
		sec("model", r.cmdModel),
	}
}

// Callbacks are the room's buttons by prefix; only secretaries and admins
// may press any of them.
func (r *Room) Callbacks() map[string]bot.Callback {
	sec := func(h func(c *bot.Ctx, args []string) error) bot.Callback {
		return bot.Callback{Need: bot.RoleSecretary, Handle: h}
	}
	return map[string]bot.Callback{
		cbDialog: sec(r.cbDialog), cbList: sec(r.cbList), cbEdit: sec(r.cbEdit), cbDelete: sec(r.cbDelete),
		cbDeleteOK: sec(r.cbDeleteOK), cbUnit: sec(r.cbUnit), cbBreak: sec(r.cbBreak),
	}
}

// Dialogs are the room's dialogs by name.
func (r *Room) Dialogs() map[string]bot.DialogHandler {
	return map[string]bot.DialogHandler{dlgActivity: r.dlgActivity, dlgPick: r.dlgPick}
}

// unitName is a unit's name, or its code if it is gone.
func unitName(c *bot.Ctx, code string) string {
	if u, err := c.Tx.Unit(code); err == nil {
		return u.Name
	}
	return code
}

// show edits the pressed message (edit) or replies, with kb unless it is
// nil: a nil keyboard must not reach Reply as a typed nil, which it would
// send as reply_markup "null".
func show(c *bot.Ctx, edit bool, text string, kb *tgbotapi.InlineKeyboardMarkup) error {
	if kb == nil && !edit {
		c.Reply(text, nil)
		return nil
	}
	return c.Show(edit, text, kb)
}
