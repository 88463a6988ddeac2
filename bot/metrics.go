package bot

import (
	"encoding/json"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/telegram"
)

// Metrics is told what the bot does, for monitoring; *metrics.Registry
// implements it. Its methods must be cheap and safe for concurrent use.
// Kinds are those of the update log: "message", "callback",
// "my_chat_member", "other", and "unknown" for an update that did not
// decode.
type Metrics interface {
	// UpdateReceived counts an update as it came from Telegram, by long
	// polling or webhook, redeliveries included.
	UpdateReceived(kind string)
	// UpdateHandled counts an update whose effects committed: outcome "ok",
	// "refused" (a handler refused it and the user was told why) or
	// "duplicate" (applied before; nothing done). d is the handler's time.
	UpdateHandled(kind, outcome string, d time.Duration)
	// UpdateFailed counts an update that failed: reason "handler" (a
	// handler failed or panicked; its answer "internal error" committed),
	// "storage" (nothing committed: Telegram delivers it again) or
	// "undecodable" (skipped).
	UpdateFailed(kind, reason string)
	// APICall counts a Bot API call by the HTTP status of its answer (200,
	// 429, 403, 502...: Telegram's error_code is its status, and a proxy's
	// answer counts by its own), or 0 when no answer came (network error,
	// timeout, cancellation).
	APICall(method string, code int)
}

// noMetrics is the Metrics of a bot nobody watches.
type noMetrics struct{}

func (noMetrics) UpdateReceived(string)                       {}
func (noMetrics) UpdateHandled(string, string, time.Duration) {}
func (noMetrics) UpdateFailed(string, string)                 {}
func (noMetrics) APICall(string, int)                         {}

// updateKind names the type of an update in logs and metrics.
func updateKind(u *tgbotapi.Update) string {
	switch {
	case u.Message != nil:
		return "message"
	case u.CallbackQuery != nil:
		return "callback"
	case u.MyChatMember != nil:
		return "my_chat_member"
	}
	return "other"
}

// decode decodes a batch of raw updates (DecodeUpdates) and counts them.
func (b *Bot) decode(items []json.RawMessage) (updates []tgbotapi.Update, next int64) {
	updates, next = telegram.DecodeUpdates(items, func(msg string, args ...any) {
		b.log.Warn(msg, args...)
		b.metrics.UpdateReceived("unknown")
		b.metrics.UpdateFailed("unknown", "undecodable")
	})
	for i := range updates {
		b.metrics.UpdateReceived(updateKind(&updates[i]))
	}
	return updates, next
}

// done reports an update whose effects committed: its log line and its
// metrics.
func (b *Bot) done(l updateLog) {
	l.log(b.log)
	switch {
	case l.id == 0:
	case l.outcome == "ok" || l.outcome == "duplicate":
		b.metrics.UpdateHandled(l.kind, l.outcome, l.duration)
	case l.outcome == "refused:"+youthbot.EINTERNAL:
		b.metrics.UpdateFailed(l.kind, "handler")
	case strings.HasPrefix(l.outcome, "refused:"):
		b.metrics.UpdateHandled(l.kind, "refused", l.duration)
	}
}

// notCommitted counts updates whose transaction failed.
func (b *Bot) notCommitted(updates []tgbotapi.Update) {
	for i := range updates {
		b.metrics.UpdateFailed(updateKind(&updates[i]), "storage")
	}
}
