package telegramtest

import (
	"net/url"
	"regexp"
	"slices"

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

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// setWebhook stores the webhook; an empty url removes it, as on Telegram.
func (s *Server) setWebhook(c *call) (any, *apiError) {
	raw := c.str("url")
	w := WebhookInfo{URL: raw, SecretToken: c.str("secret_token"), MaxConnections: 40}
	if raw != "" {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return nil, invalid("bad webhook: invalid URL").WithDetail("url=%q", raw)
		}
	}
	if c.has("secret_token") && !secretToken.MatchString(w.SecretToken) {
		return nil, invalid("secret token contains unallowed characters or is too long").WithDetail("1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	if c.has("max_connections") {
		n := c.int64("max_connections")
		if n < 1 || n > 100 {
			return nil, invalid("bad webhook: max_connections must be 1-100").WithDetail("got %d", n)
		}
		w.MaxConnections = int(n)
	}
	if c.has("allowed_updates") {
		if e := s.updates.SetAllowed(c.str("allowed_updates")); e != nil {
			return nil, e
		}
	}
	w.AllowedUpdates = slices.Clone(s.updates.Allowed)
	if c.bool("drop_pending_updates") {
		s.dropPendingLocked()
	}
	if raw == "" {
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
