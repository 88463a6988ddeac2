package bot

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// What the membership room (bot/membership) uses of the core: the deep
// links' dispatch, /help's text built from the command table, the
// refusal of a decision about oneself, the keyboards of the registration
// and profile dialogs. What it shares with the other rooms is in
// export_membership_shared.go.

// FollowLink handles /start with a deep-link payload "<prefix>_<code>":
// the handler of the room that declared the prefix (StartLinker), logged
// as "start.<Name>"; an unknown prefix is an invalid link.
func (b *Bot) FollowLink(c *Ctx, payload string) error { return b.followLink(c, payload) }

// HelpText lists the commands the sender can use, by audience, from the
// command table.
func (b *Bot) HelpText(c *Ctx) string { return b.helpText(c) }

// SecretaryUnitsChanged says the sender's secretary roles changed in this
// update: SecretaryUnits reads them again.
func (c *Ctx) SecretaryUnitsChanged() { c.secLoaded = false }

// RefuseSelf refuses a decision about oneself (subject is the sender).
func RefuseSelf(c *Ctx, subject int64) error { return refuseSelf(c, subject) }

// RemoveKeyboard hides a reply keyboard (the contact button).
func RemoveKeyboard() tgbotapi.ReplyKeyboardRemove { return removeKeyboard() }

// ContactKeyboard asks for the user's own phone number, with a second
// button to go without.
func ContactKeyboard(share, other string) tgbotapi.ReplyKeyboardMarkup {
	return contactKeyboard(share, other)
}
