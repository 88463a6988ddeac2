// Package telegramtest is a test double of the Telegram Bot API: a local HTTP
// server, like net/http/httptest, that speaks the Bot API well enough for the
// real bot (go-telegram-bot-api v5.5.1 pointed at Endpoint) to run against it.
//
// It owns three things:
//
//   - A world of users and groups. Tests make users act (Send, Press,
//     ShareContact, Block, ...); every action queues one update that the bot
//     fetches with getUpdates, with Telegram's confirmation and redelivery
//     rules, so crash-safety can be tested.
//   - A record of what the bot did: the messages in every chat (live: the
//     bot's edits show), every request (Calls), and helpers that wait for the
//     bot without sleeping (Next, Expect, WaitUntil, Callback.Answer).
//   - Validation. Every request is checked against a table of the served
//     methods and their types generated from the Bot API spec (internal/botapi),
//     and against Telegram's rules for HTML text, lengths and keyboards. A bad
//     request fails as Telegram would fail it and is reported as a violation
//     (Options.OnViolation; New turns violations into test errors).
//
// Faults (FailNext, FailChat, Fail5xx, FailRaw) and rate limits (SetLimits) make the
// double answer like a loaded or broken Telegram.
//
// Its parts that know nothing of the world of users and messages live in
// internal packages: the generated method table and the validation of a
// request against it (internal/botapi), the HTML text parser and the
// length rules (internal/htmltext), the JSON objects it writes and the
// decoding of a request (internal/wire), the update queue and the webhook
// (internal/updates), faults and flood limits (internal/fault), the command
// menus (internal/commands), the file store (internal/files) and a group's
// members (internal/roster). They keep no lock: the Server's guards them.
//
// The core needs no *testing.T: NewServer serves an interactive console as
// well as tests. Only the helpers that assert take a testing.TB.
//
// # Concurrency
//
// The double is safe for concurrent use. *Message values are live: the
// double updates their fields when the bot edits or deletes a message. Read
// them from the test goroutine after a call that waits for the bot (Next,
// Expect, WaitUntil, Answer), inside a WaitUntil condition, or through
// Message.Snapshot; do not read them while the bot may be editing them.
package telegramtest
