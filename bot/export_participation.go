package bot

import (
	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// What the participation room (bot/participation) uses of the core
// besides feature.go and shared.go (its decisions, also taken from
// /pending: bot/internal/decision).

// Offerer is a Feature that may answer a private message that is no
// command and no dialog's answer, before the core's "not understood":
// participation offers to log it. offered says it answered.
type Offerer interface {
	Offer(c *Ctx, m *tgbotapi.Message) (offered bool, err error)
}

// offer lets the rooms answer a message outside a dialog; offered says one
// did.
func (b *Bot) offer(c *Ctx, m *tgbotapi.Message) (offered bool, err error) {
	for _, f := range b.features {
		if o, ok := f.(Offerer); ok {
			if offered, err := o.Offer(c, m); err != nil || offered {
				return offered, err
			}
		}
	}
	return false, nil
}
