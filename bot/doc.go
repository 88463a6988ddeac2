// Package bot is youthbot's Telegram side: the update loop (long polling and
// the transactional core shared with webhooks), the handlers of commands,
// dialogs and buttons, keyboards, and the rights checks. Every update is
// applied in a bbolt transaction together with the record that it was
// applied and the messages it answers with (queued in the outbox), so a
// crash and redelivery neither loses nor repeats anything.
package bot
