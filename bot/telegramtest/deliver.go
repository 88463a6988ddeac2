package telegramtest

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"youthbot/bot/telegramtest/internal/updates"
)

// WebhookStatusError is a webhook's answer other than 2xx: Telegram would
// deliver the update again later.
type WebhookStatusError struct {
	UpdateID int64
	Status   int
	Body     string
}

// Error implements error.
func (e *WebhookStatusError) Error() string {
	return fmt.Sprintf("webhook answered update %d with %d %s", e.UpdateID, e.Status, e.Body)
}

// DeliverWebhook delivers the pending updates to the webhook that
// setWebhook set, as Telegram does: oldest first, one POST of the update's
// JSON per request, with the X-Telegram-Bot-Api-Secret-Token header when a
// secret token was set. An update answered 2xx is confirmed and forgotten.
// The first other answer (a *WebhookStatusError) or transport error stops
// the delivery and is returned; the update stays pending for the next call.
// It returns how many updates were confirmed.
//
// The double never delivers on its own: a test makes users act, then calls
// DeliverWebhook. Updates are sent one at a time, so a chat's updates come
// in order, as from Telegram's per-chat queues.
func (s *Server) DeliverWebhook(ctx context.Context) (int, error) {
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	n := 0
	for {
		s.lock()
		hook := s.webhook
		ups := s.updates.Collect(1)
		var id int64
		if len(ups) > 0 {
			id = s.updates.Items[0].ID
		}
		s.unlock()
		if hook.URL == "" {
			return n, errors.New("telegram double: no webhook is set")
		}
		if len(ups) == 0 {
			return n, nil
		}
		status, body, err := updates.Post(ctx, client, hook.URL, hook.SecretToken, ups[0])
		if err != nil {
			return n, fmt.Errorf("telegram double: deliver update %d: %w", id, err)
		}
		if status < 200 || status > 299 {
			return n, &WebhookStatusError{UpdateID: id, Status: status, Body: body}
		}
		s.lock()
		s.updates.Delivered(id)
		s.unlock()
		n++
	}
}
