// Package fault is the test double's armed faults: the error answers it
// gives instead of performing a call, for the next calls of a method or
// writes to a chat (telegramtest's FailNext, FailChat, FailRaw).
package fault

import (
	"fmt"
	"net/http"

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

// Answer is the answer for f.
func (f Fault) Answer() *wire.Error {
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
	return &wire.Error{Code: code, Description: desc, RetryAfter: f.RetryAfter, MigrateTo: f.MigrateTo}
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

// Rule answers the next N matching calls with a fault.
type Rule struct {
	Method string // canonical method name; "" = any
	Chat   int64  // with ByChat: the target chat of write methods
	ByChat bool
	N      int
	Fault  Fault
	Raw    *wire.RawAnswer // an answer that is not Telegram's, instead of Fault
}

// matches says whether r applies to a call of method, to chat (0: none
// known), a write method or not.
func (r *Rule) matches(method string, chat int64, write bool) bool {
	if r.ByChat {
		return write && chat != 0 && chat == r.Chat
	}
	return r.Method == "" || r.Method == method
}

// Queue holds the armed faults, in the order they were set.
type Queue struct {
	rules []*Rule
}

// Add arms r, unless it is for no call.
func (q *Queue) Add(r *Rule) {
	if r.N > 0 {
		q.rules = append(q.rules, r)
	}
}

// Take returns the answer of the first armed fault matching a call, and
// disarms it once used n times. Method faults come before chat faults.
func (q *Queue) Take(method string, chat int64, write bool) *Fired {
	for _, byChat := range []bool{false, true} {
		for i, r := range q.rules {
			if r.ByChat != byChat || !r.matches(method, chat, write) {
				continue
			}
			r.N--
			if r.N <= 0 {
				q.rules = append(q.rules[:i:i], q.rules[i+1:]...)
			}
			if r.Raw != nil {
				return &Fired{Err: &wire.Error{Code: r.Raw.Status, Description: r.Raw.Body, Raw: r.Raw}, Applied: r.Raw.Applied}
			}
			return &Fired{Err: r.Fault.Answer(), Applied: r.Fault.Applied}
		}
	}
	return nil
}

// Fired is a fault that matched a call: its answer, and whether the call
// is performed first (Fault.Applied).
type Fired struct {
	Err     *wire.Error
	Applied bool
}
