package telegramtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"youthbot/bot/telegramtest/internal/botapi"
	"youthbot/bot/telegramtest/internal/commands"
	"youthbot/bot/telegramtest/internal/fault"
	"youthbot/bot/telegramtest/internal/files"
	"youthbot/bot/telegramtest/internal/updates"
	"youthbot/bot/telegramtest/internal/wire"
)

// Token is the only bot token the double accepts; requests with another
// token are answered 401 Unauthorized.
const Token = "123456:TEST-token_ABCdef"

// BotUsername is the username getMe reports for the bot.
const BotUsername = "youthbot_test_bot"

// BotID is the user id getMe reports for the bot.
const BotID int64 = 100000

// botFirstName is the first name getMe reports for the bot.
const botFirstName = "Youthbot"

// DefaultWaitTimeout is how long the waiting helpers (Next, Expect,
// WaitUntil, Callback.Answer) wait unless SetWaitTimeout changes it.
const DefaultWaitTimeout = 10 * time.Second

// errClosed is returned by waits that end because the server closed.
var errClosed = errors.New("telegram double closed")

// Options configure a Server.
type Options struct {
	// OnViolation is called, outside the double's locks, for every request
	// the bot should never make. The default logs to stderr.
	OnViolation func(msg string)
	// Now is the clock for message dates, call times and rate limits. The
	// default is time.Now. Long-poll timeouts and the waiting helpers use
	// real time whatever the clock.
	Now func() time.Time
}

// Server is a running Telegram Bot API double. Create it with NewServer or
// New; it is safe for concurrent use.
type Server struct {
	opts Options
	srv  *httptest.Server
	tb   testing.TB // set by New: Press fails the test instead of panicking

	// world is held for writing by every change of state and for reading
	// while a WaitUntil condition runs, so conditions see a stable world
	// and may read live *Message fields directly.
	world sync.RWMutex
	// mu guards every field below; it is the only lock of read accessors.
	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change of state

	done      chan struct{}
	closeOnce sync.Once

	waitTimeout time.Duration
	violations  []string
	calls       []Call

	users       map[int64]*User
	chats       map[int64]*chat
	nextUser    int64
	nextGroup   int64
	nextSuper   int64
	files       files.Store
	callbacks   map[string]*Callback
	nextQueryID int64

	updates updates.Queue
	faults  fault.Queue
	limiter fault.Limiter
	flood   fault.Flood

	commands commands.Store[BotCommand]
	webhook  WebhookInfo
}

// NewServer starts a double on a free port of 127.0.0.1. Close it when done.
func NewServer(opts Options) *Server {
	if opts.OnViolation == nil {
		opts.OnViolation = func(msg string) { fmt.Fprintf(os.Stderr, "telegram double: violation: %s\n", msg) }
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Server{
		opts:        opts,
		changed:     make(chan struct{}),
		done:        make(chan struct{}),
		waitTimeout: DefaultWaitTimeout,
		users:       map[int64]*User{},
		chats:       map[int64]*chat{},
		nextUser:    1001,
		nextGroup:   2001,
		nextSuper:   1,
		callbacks:   map[string]*Callback{},
		updates:     updates.NewQueue(),
		commands:    commands.Store[BotCommand]{},
	}
	s.srv = httptest.NewServer(s)
	return s
}

// New starts a double for a test: violations become tb.Errorf("telegram
// double: %s", msg), failed lookups in Press fail the test, and the server
// closes when the test ends.
func New(tb testing.TB) *Server {
	tb.Helper()
	s := NewServer(Options{OnViolation: func(msg string) { tb.Errorf("telegram double: %s", msg) }})
	s.tb = tb
	tb.Cleanup(s.Close)
	return s
}

// Close wakes every waiting request and helper, then shuts the HTTP server
// down and waits for its handlers to return. It may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
	s.srv.Close()
}

// URL is the base URL of the double, http://127.0.0.1:PORT.
func (s *Server) URL() string { return s.srv.URL }

// Endpoint is the API endpoint format for go-telegram-bot-api
// (NewBotAPIWithAPIEndpoint): URL()+"/bot%s/%s".
func (s *Server) Endpoint() string { return s.srv.URL + "/bot%s/%s" }

// Violations returns the violations reported so far, oldest first.
func (s *Server) Violations() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.violations...)
}

// SetWaitTimeout sets how long the waiting helpers wait (DefaultWaitTimeout
// by default).
func (s *Server) SetWaitTimeout(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waitTimeout = d
}

// Changed returns a channel that is closed at the next change of the
// double's state (a request, an update, a user action). It lets a program
// without testing.TB, like a console, wait for the bot.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

// WaitUntil re-checks cond on every change of state until it returns true,
// and fails the test (Fatalf) if that does not happen within the wait
// timeout. cond runs while no request can change the double: it may read
// live *Message fields and call the read accessors (Messages, Calls,
// Pending, ...), but must not make users act.
func (s *Server) WaitUntil(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), s.timeout())
	defer cancel()
	for {
		ch := s.Changed()
		if s.check(cond) {
			return
		}
		select {
		case <-ch:
		case <-ctx.Done():
			tb.Fatalf("telegram double: timed out after %v waiting until %s", s.timeout(), what)
			return
		case <-s.done:
			if s.check(cond) {
				return
			}
			tb.Fatalf("telegram double: closed while waiting until %s", what)
			return
		}
	}
}

func (s *Server) check(cond func() bool) bool {
	s.world.RLock()
	defer s.world.RUnlock()
	return cond()
}

// Calls returns every request the double answered, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

func (s *Server) now() time.Time { return s.opts.Now() }

func (s *Server) timeout() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waitTimeout
}

// lock takes the locks for a change of state; unlock announces the change.
func (s *Server) lock() {
	s.world.Lock()
	s.mu.Lock()
}

func (s *Server) unlock() {
	s.notifyLocked()
	s.mu.Unlock()
	s.world.Unlock()
}

// notifyLocked wakes everyone waiting for a change.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// await blocks until cond, called with mu held, returns true; ctx ends or
// the server closes first.
func (s *Server) await(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.done:
			return errClosed
		}
	}
}

// report records violations and hands them to OnViolation. It must be
// called without the locks.
func (s *Server) report(msgs ...string) {
	if len(msgs) == 0 {
		return
	}
	s.mu.Lock()
	s.violations = append(s.violations, msgs...)
	s.notifyLocked()
	s.mu.Unlock()
	for _, m := range msgs {
		s.opts.OnViolation(m)
	}
}

// ServeHTTP answers one Bot API request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := &call{ctx: r.Context(), rec: Call{Time: s.now()}}
	result, e := s.serve(w, r, c)
	status, contentType, body := wire.EncodeResult(result, e)
	if e != nil && e.Violation {
		if e.Detail != "" {
			c.violate("%s (%s)", e.Description, e.Detail)
		} else {
			c.violate("%s", e.Description)
		}
	}
	c.rec.Status = status
	if e != nil {
		c.rec.Description = e.Description
	}
	s.lock()
	s.calls = append(s.calls, c.rec)
	s.unlock()
	s.report(c.violations...)
	wire.WriteBody(w, status, contentType, body)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, c *call) (any, *apiError) {
	token, name, ok := splitPath(r.URL.Path)
	c.rec.Method = name
	if !ok {
		c.rec.Method = r.URL.Path
		return nil, &apiError{Code: http.StatusNotFound, Description: "Not Found", Violation: true}
	}
	if token != Token {
		return nil, refused(http.StatusUnauthorized, "Unauthorized")
	}
	spec, ok := botapi.LookupMethod(name)
	if !ok {
		return nil, &apiError{Code: http.StatusNotFound, Description: "Not Found", Violation: true}
	}
	c.spec = spec
	c.rec.Method = spec.Name
	req, err := wire.ReadRequest(w, r)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		// The body ended before its length: the bot hung up mid-request
		// (a call cancelled at shutdown), which is no fault of the request.
		return nil, refused(http.StatusBadRequest, "Bad Request: the request ended early")
	}
	if err != nil {
		return nil, invalid("can't read the request: %v", err)
	}
	c.setRequest(req)
	violations, e := spec.CheckParams(c.params, c.files)
	for _, v := range violations {
		c.violate("%s", v)
	}
	if e != nil {
		return nil, e
	}
	s.lock()
	defer s.unlock()
	return s.perform(c)
}

// splitPath splits "/bot<token>/<method>".
func splitPath(path string) (token, method string, ok bool) {
	rest, ok := strings.CutPrefix(path, "/bot")
	if !ok {
		return "", "", false
	}
	token, method, ok = strings.Cut(rest, "/")
	if !ok || method == "" || strings.Contains(method, "/") {
		return "", "", false
	}
	return token, method, true
}
