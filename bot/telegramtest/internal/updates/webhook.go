package updates

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"

	"youthbot/bot/telegramtest/internal/wire"
)

// defaultMaxConnections is a webhook's max_connections unless set.
const defaultMaxConnections = 40

var secretToken = regexp.MustCompile(`^[A-Za-z0-9_-]{1,256}$`)

// CheckWebhook checks the url, secret_token and max_connections parameters
// of setWebhook ("" when absent; an empty url removes the webhook) and
// returns the max_connections in force.
func CheckWebhook(rawURL, secret, maxConnections string) (int, *wire.Error) {
	if rawURL != "" {
		u, err := url.Parse(rawURL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return 0, wire.Invalid("bad webhook: invalid URL").WithDetail("url=%q", rawURL)
		}
	}
	if secret != "" && !secretToken.MatchString(secret) {
		return 0, wire.Invalid("secret token contains unallowed characters or is too long").WithDetail("1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	if maxConnections == "" {
		return defaultMaxConnections, nil
	}
	n, _ := strconv.ParseInt(maxConnections, 10, 64) // an Integer: the spec's check passed
	if n < 1 || n > 100 {
		return 0, wire.Invalid("bad webhook: max_connections must be 1-100").WithDetail("got %d", n)
	}
	return int(n), nil
}

// Post sends one update to a webhook as Telegram does: a POST of the
// update's JSON, with the X-Telegram-Bot-Api-Secret-Token header when a
// secret token is set. It returns the answer's status and the first 512
// bytes of its body, trimmed.
func Post(ctx context.Context, client *http.Client, hookURL, secret string, body []byte) (status int, answer string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hookURL, bytes.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return resp.StatusCode, string(bytes.TrimSpace(b)), nil
}
