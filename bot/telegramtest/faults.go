package telegramtest

import (
	"fmt"
	"net/http"

	"youthbot/bot/telegramtest/internal/botapi"
	"youthbot/bot/telegramtest/internal/fault"
	"youthbot/bot/telegramtest/internal/wire"
)

// Fault is an error answer the double gives instead of performing a call
// (package fault): the HTTP status is Code; 0 picks 429, 400 or 500 from
// RetryAfter and MigrateTo; Applied performs the call before answering.
type Fault = fault.Fault

// FailNext makes the next n calls of method (any chat; "" = any method,
// getUpdates included) answer f. Method names ignore case; a method the
// double does not serve panics, as it could never match.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.addFault(&fault.Rule{Method: servedMethod(method), N: n, Fault: f})
}

// FailChat makes the next n calls that write to the chat (send*, edit*,
// deleteMessage, sendChatAction) answer f.
func (s *Server) FailChat(chatID int64, n int, f Fault) {
	s.addFault(&fault.Rule{Chat: chatID, ByChat: true, N: n, Fault: f})
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
	s.addFault(&fault.Rule{Method: servedMethod(method), N: n, Raw: &a})
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

func (s *Server) addFault(r *fault.Rule) {
	s.lock()
	defer s.unlock()
	s.faults.Add(r)
}
