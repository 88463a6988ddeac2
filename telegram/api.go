package telegram

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

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
	Method string
	// Code is Telegram's error_code (403, 429, 400...); 0 when the answer
	// was not a Bot API answer or no answer came.
	Code int
	// Status is the HTTP status of the answer; 0 when none came (network
	// error, timeout, cancellation).
	Status int
	// Description is Telegram's description; for an answer that is not a
	// Bot API answer, its status and a short excerpt of its body; for no
	// answer, the transport error. The token is redacted.
	Description string
	RetryAfter  time.Duration // flood control: wait this long before trying again
	MigrateTo   int64         // the group became this supergroup
	// Temporary: worth retrying. Transport errors, timeouts, any 5xx, 429,
	// and any answer that is not a Bot API answer (a proxy's page, a
	// gateway's JSON): only Telegram's own 4xx refuse for good.
	Temporary bool
}

// Error implements error.
func (e *APIError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("telegram %s: %d %s", e.Method, e.Code, e.Description)
	}
	return fmt.Sprintf("telegram %s: %s", e.Method, e.Description)
}

// Blocked reports a permanent refusal to deliver to the chat: the user
// blocked the bot, deleted their account, or the bot left the group. Only
// Telegram says so: a proxy's 403 page is not it.
func (e *APIError) Blocked() bool { return e.Code == 403 && !e.Temporary }

// API calls the Bot API through go-telegram-bot-api's MakeRequest and
// UploadFiles, with timeouts, cancellation, error classification and the
// token kept out of every error.
type API struct {
	bot   *tgbotapi.BotAPI // the template of each call's (forCall)
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
	b := &tgbotapi.BotAPI{Token: token, Buffer: 100} // each call sets Client (forCall)
	b.SetAPIEndpoint(endpoint)
	return &API{bot: b, token: token, http: hc}
}

// Call makes one Bot API call with form parameters and returns its result.
func (a *API) Call(method string, params map[string]string) (json.RawMessage, error) {
	return a.CallContext(context.Background(), method, params)
}

// CallContext is Call, also cancelled when ctx ends.
func (a *API) CallContext(ctx context.Context, method string, params map[string]string) (json.RawMessage, error) {
	b, ans := a.forCall(ctx)
	resp, err := b.MakeRequest(method, params)
	if err != nil {
		return nil, a.observe(method, ans.status, a.classify(method, err, ans))
	}
	a.observe(method, ans.status, nil)
	return resp.Result, nil
}

// Upload makes a Bot API call that uploads one file under field.
func (a *API) Upload(method string, params map[string]string, field, name string, data []byte) (json.RawMessage, error) {
	return a.UploadContext(context.Background(), method, params, field, name, data)
}

// UploadContext is Upload, also cancelled when ctx ends.
func (a *API) UploadContext(ctx context.Context, method string, params map[string]string, field, name string, data []byte) (json.RawMessage, error) {
	b, ans := a.forCall(ctx)
	files := []tgbotapi.RequestFile{{Name: field, Data: tgbotapi.FileBytes{Name: name, Bytes: data}}}
	resp, err := b.UploadFiles(method, params, files)
	if err != nil {
		return nil, a.observe(method, ans.status, a.classify(method, err, ans))
	}
	a.observe(method, ans.status, nil)
	return resp.Result, nil
}

// forCall returns the library's client for one call, recording the answer
// in ans: MakeRequest never looks at the HTTP status (go-telegram-bot-api v5.5.1 decodes the body whatever the status).
func (a *API) forCall(ctx context.Context) (*tgbotapi.BotAPI, *answer) {
	ans := &answer{}
	b := *a.bot
	b.Client = &callClient{h: a.http, ctx: ctx, ans: ans}
	return &b, ans
}

// GetMe asks who the bot is.
func (a *API) GetMe() (tgbotapi.User, error) {
	return a.GetMeContext(context.Background())
}

// GetMeContext is GetMe, also cancelled when ctx ends.
func (a *API) GetMeContext(ctx context.Context) (tgbotapi.User, error) {
	raw, err := a.CallContext(ctx, "getMe", nil)
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

// classify turns the library's error for a call into an APIError, with
// what came back (ans).
func (a *API) classify(method string, err error, ans *answer) *APIError {
	e := &APIError{Method: method, Status: ans.status}
	var te *tgbotapi.Error
	switch {
	case errors.As(err, &te) && (te.Code != 0 || te.Message != "" || te.RetryAfter > 0 || te.MigrateToChatID != 0):
		// Telegram's answer. Uploads lose the code (v5.5.1's UploadFiles drops error_code):
		// the HTTP status is it, and the parameters and description say
		// it too.
		e.Description = a.Redact(te.Message)
		e.Code = te.Code
		if e.Code == 0 {
			e.Code = ans.status
		}
		e.MigrateTo = te.MigrateToChatID
		switch {
		case te.RetryAfter > 0 || strings.HasPrefix(te.Message, "Too Many Requests"):
			e.Code = 429
			e.RetryAfter = time.Duration(max(te.RetryAfter, 1)) * time.Second
		case strings.HasPrefix(te.Message, "Forbidden"):
			e.Code = 403
		case te.MigrateToChatID != 0 && e.Code == 0:
			e.Code = 400
		case e.Code == 0 && strings.HasPrefix(te.Message, "Bad Request"):
			e.Code = 400
		}
		e.Temporary = e.Code == 429 || e.Code >= 500 || ans.status >= 500
	case ans.status != 0 && (te != nil || isDecodeError(err)):
		// An answer, but not the Bot API's ({"ok":...}): a proxy, a
		// gateway, a local Bot API server in trouble. Telegram refused
		// nothing: retry.
		e.Description = fmt.Sprintf("HTTP %d, not a Bot API answer: %s", ans.status, ans.excerpt(a.token))
		e.Temporary = true
	case ans.status != 0:
		// The body could not be read (the connection dropped).
		e.Description = fmt.Sprintf("HTTP %d, answer unreadable: %s", ans.status, a.Redact(err.Error()))
		e.Temporary = true
	default:
		// No answer: transport errors, timeouts, cancellation.
		e.Description = a.Redact(err.Error())
		e.Temporary = true
	}
	return e
}

// isDecodeError reports whether the library failed to decode a body as a
// Bot API answer (not JSON, empty, cut, or of the wrong types).
func isDecodeError(err error) bool {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	return errors.As(err, &se) || errors.As(err, &te) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// Sizes of what is kept of an answer's body: the head read ahead and the
// excerpt logged.
const (
	answerHead    = 512
	answerExcerpt = 160
)

// answer is what came back for one call.
type answer struct {
	status int // HTTP status; 0: no answer
	head   [answerHead]byte
	n      int // bytes of head read
}

// excerpt is a short, one-line excerpt of the body for the log, without
// token (a proxy's page may quote the URL). A body that starts like a
// successful Bot API answer is not quoted: its result may hold what users
// wrote.
func (ans *answer) excerpt(token string) string {
	head := ans.head[:ans.n]
	if bytes.HasPrefix(bytes.TrimSpace(head), []byte(`{"ok":true`)) {
		return "(an undecodable Bot API result)"
	}
	s := string(head)
	if token != "" {
		s = strings.ReplaceAll(s, token, "<token>")
		if ans.n == answerHead && len(token) > 1 {
			// The head may end in the first bytes of a token cut off.
			s = s[:max(len(s)-(len(token)-1), 0)]
		}
	}
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "�")), " ")
	if s == "" {
		return "(empty body)"
	}
	cut := ans.n == answerHead
	if len(s) > answerExcerpt {
		i := answerExcerpt
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		s, cut = s[:i], true
	}
	if cut {
		s += "…"
	}
	return s
}

// callClient is the HTTP client of one call: it records the status and
// reads the head of the body ahead, for the excerpt.
type callClient struct {
	h   *ctxClient
	ctx context.Context
	ans *answer
}

// Do implements tgbotapi.HTTPClient.
func (c *callClient) Do(r *http.Request) (*http.Response, error) {
	resp, err := c.h.do(c.ctx, r)
	if err != nil {
		return nil, err
	}
	c.ans.status = resp.StatusCode
	c.ans.n, _ = io.ReadFull(resp.Body, c.ans.head[:]) // an error shows again on the next read
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(c.ans.head[:c.ans.n]), resp.Body), resp.Body}
	return resp, nil
}

// ctxClient gives go-telegram-bot-api's requests timeouts and cancellation:
// the library takes no context, so the client picks one per method.
type ctxClient struct {
	c          *http.Client
	poll, call context.Context
}

// do sends r with the deadline of its method, cancelled when the API's
// context for it or ctx ends.
func (h *ctxClient) do(ctx context.Context, r *http.Request) (*http.Response, error) {
	base, timeout := h.call, callHTTPTimeout
	if strings.HasSuffix(r.URL.Path, "/getUpdates") {
		base, timeout = h.poll, pollHTTPTimeout
	}
	rctx, cancel := context.WithTimeout(base, timeout)
	stop := context.AfterFunc(ctx, cancel)
	done := func() { stop(); cancel() }
	resp, err := h.c.Do(r.WithContext(rctx))
	if err != nil {
		done()
		return nil, err
	}
	resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: done}
	return resp, nil
}

type cancelBody struct {
	io.ReadCloser
	cancel func()
}

func (b *cancelBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
