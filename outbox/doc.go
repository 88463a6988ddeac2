// Package outbox delivers everything the bot sends: the Sender takes the
// persistent outbox (storage's, written in the transactions that decided
// what to send) to the Bot API with the configured rates, per-chat limits,
// retries and exactly-once bookkeeping (sender.go; dispatch, paging and
// settling in sender_dispatch.go, sender_page.go, sender_settle.go). It
// calls the API through the small Caller interface (*telegram.API is one)
// and reads failures as *telegram.APIError; it knows nothing of the bot or
// the scheduler.
package outbox
