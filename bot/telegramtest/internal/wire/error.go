package wire

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Error is a failed call, answered as Telegram answers it.
type Error struct {
	Code        int
	Description string
	RetryAfter  int
	MigrateTo   int64
	// Violation marks a request the bot should never make: it is reported
	// through Options.OnViolation as well as answered.
	Violation bool
	// Detail adds to the violation what Telegram's description does not say.
	Detail string
	// Raw replaces the answer with one that is not Telegram's (a proxy's
	// page, a gateway's JSON, an empty body): FailRaw.
	Raw *RawAnswer
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Description) }

// Invalid is a bad request caused by a bug in the bot: 400 and a violation.
func Invalid(format string, args ...any) *Error {
	return &Error{Code: http.StatusBadRequest, Description: "Bad Request: " + fmt.Sprintf(format, args...), Violation: true}
}

// WithDetail adds a detail to the violation report of e.
func (e *Error) WithDetail(format string, args ...any) *Error {
	e.Detail = fmt.Sprintf(format, args...)
	return e
}

// Refused is an error Telegram gives to a correct request (a blocked user, a
// migrated group, a stale query): the bot must handle it, so it is no
// violation.
func Refused(code int, description string) *Error {
	return &Error{Code: code, Description: description}
}

type okResponse struct {
	OK     bool `json:"ok"`
	Result any  `json:"result"`
}

type errorResponse struct {
	OK          bool                `json:"ok"`
	ErrorCode   int                 `json:"error_code"`
	Description string              `json:"description"`
	Parameters  *ResponseParameters `json:"parameters,omitempty"`
}

// EncodeResult returns the JSON body and status of a call's answer.
func EncodeResult(result any, e *Error) (status int, contentType string, body []byte) {
	if e == nil {
		b, err := json.Marshal(okResponse{OK: true, Result: result})
		if err != nil {
			panic(fmt.Sprintf("telegramtest: encode result: %v", err))
		}
		return http.StatusOK, "application/json", b
	}
	if e.Raw != nil {
		return e.Raw.Status, e.Raw.ContentType, []byte(e.Raw.Body)
	}
	resp := errorResponse{ErrorCode: e.Code, Description: e.Description}
	if e.RetryAfter != 0 || e.MigrateTo != 0 {
		resp.Parameters = &ResponseParameters{MigrateToChatID: e.MigrateTo, RetryAfter: e.RetryAfter}
	}
	b, err := json.Marshal(resp)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode error: %v", err))
	}
	return e.Code, "application/json", b
}

// WriteBody writes an answer.
func WriteBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	if contentType == "" {
		w.Header()["Content-Type"] = nil // none, not even a sniffed one
	} else {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// RawAnswer is an answer that is not a Bot API answer: what a proxy, a
// load balancer or a local Bot API server in trouble sends instead of
// Telegram's {"ok":...} JSON.
type RawAnswer struct {
	Status      int    // HTTP status; 0 means 502
	ContentType string // empty: none
	Body        string // sent as is; may be empty
	// Applied performs the call before answering: Telegram acted, the
	// answer the bot sees is the proxy's.
	Applied bool
}
