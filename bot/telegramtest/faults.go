package telegramtest

import (
	"fmt"
	"net/http"
)

// Fault is an error answer the double gives instead of performing a call.
// The HTTP status is Code.
type Fault struct {
	Code        int    // HTTP status and error_code; 0 picks 429, 400 or 500 from the fields below
	Description string // empty: Telegram's wording for Code
	RetryAfter  int    // parameters.retry_after
	MigrateTo   int64  // parameters.migrate_to_chat_id
	// Applied performs the call before answering the fault: the answer is
	// lost although Telegram acted, as when a connection drops. A bot that
	// retries then sends a duplicate.
	Applied bool
}

// apiError is the answer for f.
func (f Fault) apiError() *apiError {
	code := f.Code
	if code == 0 {
		switch {
		case f.RetryAfter > 0:
			code = http.StatusTooManyRequests
		case f.MigrateTo != 0:
			code = http.StatusBadRequest
		default:
			code = http.StatusInternalServerError
		}
	}
	desc := f.Description
	if desc == "" {
		desc = defaultDescription(code, f)
	}
	return &apiError{Code: code, Description: desc, RetryAfter: f.RetryAfter, MigrateTo: f.MigrateTo}
}

func defaultDescription(code int, f Fault) string {
	switch {
	case code == http.StatusTooManyRequests:
		return fmt.Sprintf("Too Many Requests: retry after %d", f.RetryAfter)
	case code == http.StatusBadRequest && f.MigrateTo != 0:
		return "Bad Request: group chat was upgraded to a supergroup chat"
	case code == http.StatusUnauthorized:
		return "Unauthorized"
	case code == http.StatusInternalServerError:
		return "Internal Server Error"
	}
	return http.StatusText(code)
}

// faultRule answers the next n matching calls with a fault.
type faultRule struct {
	method string // canonical method name; "" = any
	chat   int64  // with byChat: the target chat of write methods
	byChat bool
	n      int
	fault  Fault
	html   bool // a proxy's 502 page instead of Telegram JSON
}

func (r *faultRule) matches(method string, ch *chat, write bool) bool {
	if r.byChat {
		return write && ch != nil && ch.id == r.chat
	}
	return r.method == "" || r.method == method
}

// faultQueue holds the armed faults, in the order they were set.
type faultQueue struct {
	rules []*faultRule
}

// take returns the answer of the first armed fault matching a call, and
// disarms it once used n times. Method faults come before chat faults.
func (q *faultQueue) take(method string, ch *chat, write bool) *firedFault {
	for _, byChat := range []bool{false, true} {
		for i, r := range q.rules {
			if r.byChat != byChat || !r.matches(method, ch, write) {
				continue
			}
			r.n--
			if r.n <= 0 {
				q.rules = append(q.rules[:i:i], q.rules[i+1:]...)
			}
			e := r.fault.apiError()
			if r.html {
				e = &apiError{Code: http.StatusBadGateway, Description: "Bad Gateway", HTML: true}
			}
			return &firedFault{err: e, applied: r.fault.Applied}
		}
	}
	return nil
}

// firedFault is a fault that matched a call.
type firedFault struct {
	err     *apiError
	applied bool // perform the call first (Fault.Applied)
}

func (f *firedFault) apiError() *apiError { return f.err }

// FailNext makes the next n calls of method (any chat; "" = any method,
// getUpdates included) answer f. Method names ignore case; a method the
// double does not serve panics, as it could never match.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.addFault(&faultRule{method: servedMethod(method), n: n, fault: f})
}

// FailChat makes the next n calls that write to the chat (send*, edit*,
// deleteMessage, sendChatAction) answer f.
func (s *Server) FailChat(chatID int64, n int, f Fault) {
	s.addFault(&faultRule{chat: chatID, byChat: true, n: n, fault: f})
}

// Fail5xx makes the next n calls of method ("" = any) answer 502 with an
// HTML page, as a proxy in front of Telegram does. go-telegram-bot-api then
// fails to decode the answer; that is the point.
func (s *Server) Fail5xx(method string, n int) {
	s.addFault(&faultRule{method: servedMethod(method), n: n, html: true})
}

// servedMethod returns the canonical name of a method for a fault ("" for
// any method) and panics on a method the double does not serve.
func servedMethod(name string) string {
	if name == "" {
		return ""
	}
	m, ok := lookupMethod(name)
	if !ok {
		panic(fmt.Sprintf("telegramtest: fault for %q: the double does not serve this method", name))
	}
	return m.Name
}

func (s *Server) addFault(r *faultRule) {
	if r.n <= 0 {
		return
	}
	s.lock()
	defer s.unlock()
	s.faults.rules = append(s.faults.rules, r)
}
