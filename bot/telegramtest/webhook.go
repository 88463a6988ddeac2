package telegramtest

import (
	"slices"

	"youthbot/bot/telegramtest/internal/updates"
	"youthbot/bot/telegramtest/internal/wire"
)

// WebhookInfo is the webhook setting of the bot. The double stores it and
// refuses getUpdates while it is set; DeliverWebhook delivers to it.
type WebhookInfo struct {
	URL            string
	SecretToken    string
	AllowedUpdates []string
	MaxConnections int
}

// Webhook returns the current webhook setting (URL "" when none).
func (s *Server) Webhook() WebhookInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := s.webhook
	w.AllowedUpdates = slices.Clone(w.AllowedUpdates)
	return w
}

// setWebhook stores the webhook; an empty url removes it, as on Telegram.
func (s *Server) setWebhook(c *call) (any, *apiError) {
	maxConns, e := updates.CheckWebhook(c.str("url"), c.str("secret_token"), c.str("max_connections"))
	if e != nil {
		return nil, e
	}
	w := WebhookInfo{URL: c.str("url"), SecretToken: c.str("secret_token"), MaxConnections: maxConns}
	if c.has("allowed_updates") {
		if e := s.updates.SetAllowed(c.str("allowed_updates")); e != nil {
			return nil, e
		}
	}
	w.AllowedUpdates = slices.Clone(s.updates.Allowed)
	if c.bool("drop_pending_updates") {
		s.dropPendingLocked()
	}
	if w.URL == "" {
		w = WebhookInfo{}
	}
	s.webhook = w
	return true, nil
}

func (s *Server) deleteWebhook(c *call) (any, *apiError) {
	if c.bool("drop_pending_updates") {
		s.dropPendingLocked()
	}
	s.webhook = WebhookInfo{}
	return true, nil
}

func (s *Server) getWebhookInfo(*call) (any, *apiError) {
	return wire.WebhookInfo{
		URL:                s.webhook.URL,
		PendingUpdateCount: len(s.updates.Items),
		MaxConnections:     s.webhook.MaxConnections,
		AllowedUpdates:     s.webhook.AllowedUpdates,
	}, nil
}

// dropPendingLocked forgets every queued update, as drop_pending_updates.
func (s *Server) dropPendingLocked() {
	s.updates.Items = nil
}
