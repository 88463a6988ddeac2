package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// SetWebhook asks Telegram to deliver updates to url, with the secret
// token, for the update types allowedUpdates, keeping the
// updates that wait (drop_pending_updates false). It retries with backoff
// while Telegram is unreachable or busy; a refusal (a bad URL or port, say)
// or the end of ctx returns an error.
func (a *API) SetWebhook(ctx context.Context, url, secret string, allowedUpdates []string, log *slog.Logger) error {
	allowed, _ := json.Marshal(allowedUpdates)
	params := map[string]string{
		"url":                  url,
		"secret_token":         secret,
		"allowed_updates":      string(allowed),
		"drop_pending_updates": "false",
	}
	var wait time.Duration
	for attempt := 1; ; attempt++ {
		_, err := a.Call("setWebhook", params)
		if err == nil {
			log.Info("webhook set", "url", url)
			return nil
		}
		var ae *APIError
		if errors.As(err, &ae) && !ae.Temporary {
			return fmt.Errorf("setWebhook: Telegram refused the webhook: %w", err)
		}
		wait = Backoff(wait)
		if ae != nil && ae.RetryAfter > wait {
			wait = ae.RetryAfter
		}
		log.Warn("setWebhook failed, retrying", "attempt", attempt, "retry_in", wait, "err", err)
		if err := Sleep(ctx, wait); err != nil {
			return fmt.Errorf("setWebhook: %w", err)
		}
	}
}

// webhookInfo is the part of getWebhookInfo's answer WatchWebhook reads.
type webhookInfo struct {
	URL              string `json:"url"`
	Pending          int    `json:"pending_update_count"`
	LastErrorDate    int64  `json:"last_error_date"`
	LastErrorMessage string `json:"last_error_message"`
}

// WatchWebhook asks Telegram for the webhook's state every interval until
// ctx ends. While no update comes this keeps the API's last success fresh
// (readiness); it logs each new delivery error Telegram reports (when it
// cannot reach the webhook through the proxy, say) and an error when the
// webhook is no longer url (another instance took over, by polling or with
// its own webhook).
func (a *API) WatchWebhook(ctx context.Context, url string, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	var lastError int64
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		raw, err := a.Call("getWebhookInfo", nil)
		if err != nil {
			log.Warn("getWebhookInfo failed", "err", err)
			continue
		}
		var info webhookInfo
		if err := json.Unmarshal(raw, &info); err != nil {
			log.Warn("getWebhookInfo: undecodable answer", "err", err)
			continue
		}
		if info.URL != url {
			log.Error("the webhook is no longer ours: is another instance running with this token?", "webhook_url", info.URL, "want", url)
		}
		if info.LastErrorDate > lastError {
			lastError = info.LastErrorDate
			log.Warn("Telegram reports a webhook delivery error", "error", info.LastErrorMessage,
				"at", time.Unix(info.LastErrorDate, 0).UTC(), "pending_updates", info.Pending)
		}
	}
}
