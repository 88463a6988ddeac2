package telegram

import (
	"sync/atomic"
	"time"
)

// Metrics is told about the API's calls, for monitoring; *metrics.Registry
// implements it. Its method must be cheap and safe for concurrent use.
type Metrics interface {
	// APICall counts a Bot API call by the HTTP status of its answer (200,
	// 429, 403, 502...: Telegram's error_code is its status, and a proxy's
	// answer counts by its own), or 0 when no answer came (network error,
	// timeout, cancellation).
	APICall(method string, code int)
}

// apiObserver is what API records about its calls: metrics, and when
// Telegram last answered a call successfully (readiness).
type apiObserver struct {
	metrics Metrics
	lastOK  atomic.Int64 // unix nanoseconds; 0: never
}

// SetMetrics makes the API count its calls in m. Call it before the first
// call.
func (a *API) SetMetrics(m Metrics) { a.obs.metrics = m }

// LastSuccess returns when a call last succeeded (zero if none has): the
// readiness signal that Telegram is reachable.
func (a *API) LastSuccess() time.Time {
	n := a.obs.lastOK.Load()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// CloseIdleConnections closes the keep-alive connections to the Bot API
// (at shutdown, after the last call).
func (a *API) CloseIdleConnections() { a.http.c.CloseIdleConnections() }

// observe records the outcome of a call (e nil: success) and returns e.
// The metric's label is the HTTP status of the answer (0: none came).
func (a *API) observe(method string, status int, e *APIError) *APIError {
	if e == nil {
		a.obs.lastOK.Store(time.Now().UnixNano())
	}
	if a.obs.metrics != nil {
		a.obs.metrics.APICall(method, status)
	}
	return e
}
