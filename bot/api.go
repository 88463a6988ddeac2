package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Timeouts of Bot API calls: long polls wait up to pollTimeout on the server,
// so their HTTP deadline leaves room for it.
const (
	pollTimeout     = 50 * time.Second
	pollHTTPTimeout = pollTimeout + 15*time.Second
	callHTTPTimeout = 30 * time.Second
)

func init() {
	// go-telegram-bot-api logs transport errors, token in the URL included,
	// through a package-global logger. Nothing of ours goes through it.
	tgbotapi.SetLogger(log.New(io.Discard, "", 0))
}

// APIError is a failed Bot API call, classified, with the token redacted.
type APIError struct {
	Method      string
	Code        int           // Telegram's error_code (403, 429, 400...), or HTTP status; 0 for transport errors
	Description string        // Telegram's description or the transport error, token redacted
	RetryAfter  time.Duration // flood control: wait this long before trying again
	MigrateTo   int64         // the group became this supergroup
	Temporary   bool          // worth retrying: transport errors, timeouts, 5xx, 429
}

// Error implements error.
func (e *APIError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("telegram %s: %d %s", e.Method, e.Code, e.Description)
	}
	return fmt.Sprintf("telegram %s: %s", e.Method, e.Description)
}

// Blocked reports a permanent refusal to deliver to the chat: the user
// blocked the bot, deleted their account, or the bot left the group.
func (e *APIError) Blocked() bool { return e.Code == 403 }

// API calls the Bot API through go-telegram-bot-api's MakeRequest and
// UploadFiles, with timeouts, cancellation, error classification and the
// token kept out of every error.
type API struct {
	bot   *tgbotapi.BotAPI
	token string
	http  *ctxClient
	obs   apiObserver // metrics and the time of the last success (api_observe.go)
}

// NewAPI returns an API for token at endpoint (a format with two %s: token
// and method). Long polls are cancelled when pollCtx ends, every other call
// when callCtx ends. It makes no call: see GetMe.
func NewAPI(token, endpoint string, pollCtx, callCtx context.Context) *API {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	// Keep a connection for each call the outbox sender may have in flight
	// (its Concurrency, 16 by default) and the long poll: with the default
	// 2, most calls of a busy outbox opened a new connection (a new TLS
	// handshake with Telegram).
	tr.MaxIdleConnsPerHost = 64
	hc := &ctxClient{c: &http.Client{Transport: tr}, poll: pollCtx, call: callCtx}
	b := &tgbotapi.BotAPI{Token: token, Client: hc, Buffer: 100}
	b.SetAPIEndpoint(endpoint)
	return &API{bot: b, token: token, http: hc}
}

// Call makes one Bot API call with form parameters and returns its result.
func (a *API) Call(method string, params map[string]string) (json.RawMessage, error) {
	resp, err := a.bot.MakeRequest(method, params)
	if err != nil {
		return nil, a.observe(method, a.classify(method, err))
	}
	a.observe(method, nil)
	return resp.Result, nil
}

// Upload makes a Bot API call that uploads one file under field.
func (a *API) Upload(method string, params map[string]string, field, name string, data []byte) (json.RawMessage, error) {
	files := []tgbotapi.RequestFile{{Name: field, Data: tgbotapi.FileBytes{Name: name, Bytes: data}}}
	resp, err := a.bot.UploadFiles(method, params, files)
	if err != nil {
		return nil, a.observe(method, a.classify(method, err))
	}
	a.observe(method, nil)
	return resp.Result, nil
}

// GetMe asks who the bot is.
func (a *API) GetMe() (tgbotapi.User, error) {
	raw, err := a.Call("getMe", nil)
	if err != nil {
		return tgbotapi.User{}, err
	}
	var u tgbotapi.User
	if err := json.Unmarshal(raw, &u); err != nil {
		return u, fmt.Errorf("decode getMe: %w", err)
	}
	return u, nil
}

// Redact removes the token from s.
func (a *API) Redact(s string) string {
	if a.token == "" {
		return s
	}
	return strings.ReplaceAll(s, a.token, "<token>")
}

func (a *API) classify(method string, err error) *APIError {
	e := &APIError{Method: method, Description: a.Redact(err.Error())}
	var te *tgbotapi.Error
	var se *statusError
	switch {
	case errors.As(err, &te):
		// Uploads lose the code (LIBRARY-v5.5.1.md §4): read the parameters
		// and the description too.
		e.Code = te.Code
		e.MigrateTo = te.MigrateToChatID
		switch {
		case te.RetryAfter > 0 || strings.HasPrefix(te.Message, "Too Many Requests"):
			e.Code = 429
			e.RetryAfter = time.Duration(max(te.RetryAfter, 1)) * time.Second
			e.Temporary = true
		case strings.HasPrefix(te.Message, "Forbidden"):
			e.Code = 403
		case te.MigrateToChatID != 0 && e.Code == 0:
			e.Code = 400
		case e.Code >= 500:
			e.Temporary = true
		case e.Code == 0 && strings.HasPrefix(te.Message, "Bad Request"):
			e.Code = 400
		}
	case errors.As(err, &se):
		e.Code = se.code
		e.Temporary = se.code >= 500 || se.code == 429
	default:
		// Transport errors, timeouts, undecodable bodies: retry.
		e.Temporary = true
	}
	return e
}

// statusError is an HTTP error answer that is not the Bot API's JSON (a
// proxy's 502 page): the library cannot decode it, so the client reports it.
type statusError struct{ code int }

func (e *statusError) Error() string { return fmt.Sprintf("HTTP %d", e.code) }

// ctxClient gives go-telegram-bot-api's requests timeouts and cancellation:
// the library takes no context, so the client picks one per method.
type ctxClient struct {
	c          *http.Client
	poll, call context.Context
}

// Do implements tgbotapi.HTTPClient.
func (h *ctxClient) Do(r *http.Request) (*http.Response, error) {
	base, timeout := h.call, callHTTPTimeout
	if strings.HasSuffix(r.URL.Path, "/getUpdates") {
		base, timeout = h.poll, pollHTTPTimeout
	}
	ctx, cancel := context.WithTimeout(base, timeout)
	resp, err := h.c.Do(r.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	if resp.StatusCode >= 500 && !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		resp.Body.Close()
		cancel()
		return nil, &statusError{code: resp.StatusCode}
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
