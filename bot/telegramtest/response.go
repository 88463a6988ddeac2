package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"

	"youthbot/bot/telegramtest/internal/wire"
)

// apiError is a failed call, answered as Telegram answers it.
type apiError struct {
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

func (e *apiError) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Description) }

// invalid is a bad request caused by a bug in the bot: 400 and a violation.
func invalid(format string, args ...any) *apiError {
	return &apiError{Code: http.StatusBadRequest, Description: "Bad Request: " + fmt.Sprintf(format, args...), Violation: true}
}

// withDetail adds a detail to the violation report of e.
func (e *apiError) withDetail(format string, args ...any) *apiError {
	e.Detail = fmt.Sprintf(format, args...)
	return e
}

// refused is an error Telegram gives to a correct request (a blocked user, a
// migrated group, a stale query): the bot must handle it, so it is no
// violation.
func refused(code int, description string) *apiError {
	return &apiError{Code: code, Description: description}
}

// chatNotFound is the answer for a chat the double does not know.
func chatNotFound() *apiError { return invalid("chat not found") }

type okResponse struct {
	OK     bool `json:"ok"`
	Result any  `json:"result"`
}

type errorResponse struct {
	OK          bool                     `json:"ok"`
	ErrorCode   int                      `json:"error_code"`
	Description string                   `json:"description"`
	Parameters  *wire.ResponseParameters `json:"parameters,omitempty"`
}

// encodeResult returns the JSON body and status of a call's answer.
func encodeResult(result any, e *apiError) (status int, contentType string, body []byte) {
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
		resp.Parameters = &wire.ResponseParameters{MigrateToChatID: e.MigrateTo, RetryAfter: e.RetryAfter}
	}
	b, err := json.Marshal(resp)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: encode error: %v", err))
	}
	return e.Code, "application/json", b
}

func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	if contentType == "" {
		w.Header()["Content-Type"] = nil // none, not even a sniffed one
	} else {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
