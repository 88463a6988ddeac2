package bot

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// Webhook mode. Telegram POSTs each update as a JSON object to the webhook
// URL, with the secret token in a header, and takes a 2xx answer as
// delivered; any other answer (or none within 60 s) makes it deliver the
// update again later. So the handler answers 200 only after the update's
// effects are committed, and the update log makes a redelivery a no-op.
//
// Order: the Bot API server keeps one queue per chat and sends a chat's
// next update only after the previous one was answered (WebhookActor in
// tdlib/telegram-bot-api); up to max_connections (40 by default) requests
// for different chats arrive at once. A chat's updates are thus applied in
// order, and concurrent requests share one transaction (ApplyOne).

// MaxWebhookBody is the largest webhook request body taken (1 MiB); a
// larger one is answered 413.
const MaxWebhookBody = 1 << 20

// SecretTokenHeader carries the webhook secret in Telegram's requests.
const SecretTokenHeader = "X-Telegram-Bot-Api-Secret-Token"

// ApplyOne applies one update as Apply does, for a webhook request:
// concurrent calls share one transaction and one fsync (db.Batch, group
// commit). When a handler refuses or fails, bbolt takes that call out of
// the shared transaction, and the update is applied alone as Apply's slow
// path does: whatever its handler wrote is undone and only its answer
// commits. ApplyOne returns after the commit; an error means the database
// failed, nothing was committed and the update should come again (the
// webhook answers 503).
func (b *Bot) ApplyOne(ctx context.Context, u tgbotapi.Update) error {
	now := b.now()
	ctx = b.Prepare(ctx, []tgbotapi.Update{u}) // before the transaction (prepare.go)
	var msgs []*youthbot.Outgoing
	var l updateLog
	err := b.db.Batch(func(tx *storage.Tx) error {
		// Batch may run this more than once: it only sets msgs and l.
		var err error
		msgs, l, err = b.applyOne(ctx, tx, &u, now)
		if err != nil {
			return &handlerError{err: err}
		}
		return nil
	})
	if err != nil {
		msgs, l = nil, updateLog{}
	}
	if errors.As(err, new(*handlerError)) {
		var logs []updateLog
		msgs, logs, err = b.applyEach(ctx, []tgbotapi.Update{u}, now)
		if len(logs) > 0 {
			l = logs[0]
		}
	}
	if err != nil {
		b.notCommitted([]tgbotapi.Update{u})
		b.writes.failed(err, now)
		return fmt.Errorf("apply update %d: %w", u.UpdateID, err)
	}
	b.writes.ok()
	b.committed(msgs, []updateLog{l})
	b.maybePrune(now)
	return nil
}

// WebhookHandler returns the handler of Telegram's webhook requests. It
// answers:
//   - 405 to anything but POST;
//   - 401 without the secret token in SecretTokenHeader (compared in
//     constant time; an empty secret refuses every request);
//   - 413 to a body over MaxWebhookBody, 400 to a body that is not a JSON
//     object;
//   - 200 once the update is applied and committed, or skipped: a JSON
//     object that does not decode as an update is logged and skipped, as
//     long polling does, since delivering it again cannot help;
//   - 503 when the update could not be committed (a storage failure):
//     Telegram delivers it again.
func (b *Bot) WebhookHandler(secret string) http.Handler {
	return &webhookHandler{b: b, secret: sha256.Sum256([]byte(secret)), open: secret != ""}
}

type webhookHandler struct {
	b      *Bot
	secret [sha256.Size]byte // hashed, so that the comparison takes the same time whatever the length
	open   bool
}

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	got := sha256.Sum256([]byte(r.Header.Get(SecretTokenHeader)))
	if subtle.ConstantTimeCompare(got[:], h.secret[:]) != 1 || !h.open {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxWebhookBody))
	if err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read the request body", http.StatusBadRequest)
		return
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '{' || !json.Valid(body) {
		h.b.log.Warn("webhook request is not a JSON update", "bytes", len(body))
		h.b.metrics.UpdateReceived("unknown")
		h.b.metrics.UpdateFailed("unknown", "undecodable")
		http.Error(w, "the body is not a JSON update", http.StatusBadRequest)
		return
	}
	updates, _ := h.b.decode([]json.RawMessage{body})
	if len(updates) == 0 {
		w.WriteHeader(http.StatusOK) // logged and counted by decode
		return
	}
	// The commit is not abandoned if Telegram hangs up: the update is then
	// applied and its redelivery skipped.
	if err := h.b.ApplyOne(context.WithoutCancel(r.Context()), updates[0]); err != nil {
		h.b.log.Error("webhook update not applied; Telegram will deliver it again", "update_id", updates[0].UpdateID, "err", err)
		http.Error(w, "not applied, try again", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
