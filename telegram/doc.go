// Package telegram is youthbot's Bot API client: calls with timeouts and
// cancellation on top of go-telegram-bot-api, failures classified as
// *APIError (retry or not, blocked, flood wait, migrated group) with the
// token redacted from every error, and getUpdates with update decoding
// that skips what does not decode.
//
// It knows nothing of the bot: the bot (package bot) and the outbox
// (package outbox) call it.
package telegram
