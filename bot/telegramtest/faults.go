package telegramtest

import (
	"fmt"
	"net/http"

	"youthbot/bot/telegramtest/internal/botapi"
	"youthbot/bot/telegramtest/internal/wire"
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
	raw    *RawAnswer // an answer that is not Telegram's, instead of fault
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
			if r.raw != nil {
				return &firedFault{err: &apiError{Code: r.raw.Status, Description: r.raw.Body, Raw: r.raw}, applied: r.raw.Applied}
			}
			return &firedFault{err: r.fault.apiError(), applied: r.fault.Applied}
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
	s.FailRaw(method, n, RawAnswer{Status: http.StatusBadGateway, ContentType: "text/html", Body: ProxyErrorPage})
}

// RawAnswer is an answer that is not a Bot API answer: what a proxy, a
// load balancer or a local Bot API server in trouble sends instead of
// Telegram's {"ok":...} JSON (Status 0 means 502; Applied performs the call
// before answering).
type RawAnswer = wire.RawAnswer

// Examples of RawAnswer bodies.
const (
	// ProxyErrorPage is nginx's 502 page (Fail5xx).
	ProxyErrorPage = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
	// GatewayJSON is a JSON error that is not a Bot API answer, as API
	// gateways and some proxies send.
	GatewayJSON = `{"message":"upstream request timeout"}`
)

// FailRaw makes the next n calls of method ("" = any) answer a, which is
// not a Bot API answer: a 5xx whose body is JSON of another shape
// (GatewayJSON), an HTML page, an empty body, even a 200 that is not
// Telegram's.
func (s *Server) FailRaw(method string, n int, a RawAnswer) {
	if a.Status == 0 {
		a.Status = http.StatusBadGateway
	}
	s.addFault(&faultRule{method: servedMethod(method), n: n, raw: &a})
}

// servedMethod returns the canonical name of a method for a fault ("" for
// any method) and panics on a method the double does not serve.
func servedMethod(name string) string {
	if name == "" {
		return ""
	}
	m, ok := botapi.LookupMethod(name)
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
