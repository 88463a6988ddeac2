// Package metrics is youthbot's Prometheus instrumentation: a registry of
// its own (never the global one) that the bot, its Bot API client and the
// scheduler report to through the small interfaces they declare
// (bot.Metrics, scheduler.Recorder), gauges read from the database at
// scrape time, and the /metrics handler. No other package imports
// Prometheus.
package metrics

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry holds youthbot's metrics. It implements bot.Metrics and
// scheduler.Recorder; its methods are safe for concurrent use.
type Registry struct {
	reg *prometheus.Registry

	updatesReceived *prometheus.CounterVec
	updatesHandled  *prometheus.CounterVec
	updatesFailed   *prometheus.CounterVec
	updateSeconds   *prometheus.HistogramVec
	apiCalls        *prometheus.CounterVec
	jobRuns         *prometheus.CounterVec
	jobSeconds      *prometheus.HistogramVec
	httpRequests    *prometheus.CounterVec
	send            sendMetrics // send.go
}

// Update kinds and outcomes known in advance, so that their series exist
// (at 0) from the start.
var (
	updateKinds    = []string{"message", "callback", "my_chat_member", "other"}
	handleOutcomes = []string{"ok", "refused", "duplicate"}
	failReasons    = []string{"handler", "storage"}
)

// New returns a registry with youthbot's metrics and the Go runtime's and
// the process's.
func New() *Registry {
	r := &Registry{
		reg: prometheus.NewRegistry(),
		updatesReceived: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_updates_received_total",
			Help: "Updates received from Telegram (long polling or webhook), redeliveries included, by type.",
		}, []string{"type"}),
		updatesHandled: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_updates_handled_total",
			Help: "Updates whose effects committed, by type and outcome: ok, refused (the user was told why), duplicate (applied before).",
		}, []string{"type", "outcome"}),
		updatesFailed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_updates_failed_total",
			Help: "Updates that failed, by type and reason: handler (internal error answered), storage (not committed, delivered again), undecodable (skipped).",
		}, []string{"type", "reason"}),
		updateSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "youthbot_update_handler_seconds",
			Help:    "Time a handler took for an update (ok or refused), by type.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}, []string{"type"}),
		apiCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_api_calls_total",
			Help: "Bot API calls by method and status: the HTTP status of the answer (200, 429, 403, 400, 5xx...; a proxy's answer by its own), or no_answer when none came (network error, timeout).",
		}, []string{"method", "status"}),
		jobRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_scheduler_runs_total",
			Help: "Scheduler job runs by job and outcome: ok, error, skipped, panic.",
		}, []string{"job", "outcome"}),
		jobSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "youthbot_scheduler_run_seconds",
			Help:    "Time a scheduler job run took, by job.",
			Buckets: []float64{.01, .05, .1, .5, 1, 5, 10, 30, 60, 300},
		}, []string{"job"}),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "youthbot_http_requests_total",
			Help: "Requests to YOUTHBOT_HTTP by handler (webhook, healthz, readyz, metrics) and status code.",
		}, []string{"handler", "code"}),
	}
	r.reg.MustRegister(r.updatesReceived, r.updatesHandled, r.updatesFailed, r.updateSeconds,
		r.apiCalls, r.jobRuns, r.jobSeconds, r.httpRequests,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, k := range updateKinds {
		r.updatesReceived.WithLabelValues(k)
		for _, o := range handleOutcomes {
			r.updatesHandled.WithLabelValues(k, o)
		}
		for _, reason := range failReasons {
			r.updatesFailed.WithLabelValues(k, reason)
		}
	}
	r.send = newSendMetrics(r.reg)
	return r
}

// Handler serves the metrics in Prometheus's text format (/metrics).
func (r *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(r.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}

// Instrument counts the requests h serves as handler name.
func (r *Registry) Instrument(name string, h http.Handler) http.Handler {
	return promhttp.InstrumentHandlerCounter(r.httpRequests.MustCurryWith(prometheus.Labels{"handler": name}), h)
}

// UpdateReceived implements bot.Metrics.
func (r *Registry) UpdateReceived(kind string) { r.updatesReceived.WithLabelValues(kind).Inc() }

// UpdateHandled implements bot.Metrics.
func (r *Registry) UpdateHandled(kind, outcome string, d time.Duration) {
	r.updatesHandled.WithLabelValues(kind, outcome).Inc()
	if outcome != "duplicate" {
		r.updateSeconds.WithLabelValues(kind).Observe(d.Seconds())
	}
}

// UpdateFailed implements bot.Metrics.
func (r *Registry) UpdateFailed(kind, reason string) {
	r.updatesFailed.WithLabelValues(kind, reason).Inc()
}

// APICall implements bot.Metrics.
func (r *Registry) APICall(method string, code int) {
	status := "no_answer"
	if code != 0 {
		status = strconv.Itoa(code)
	}
	r.apiCalls.WithLabelValues(method, status).Inc()
}

// RunDone implements scheduler.Recorder.
func (r *Registry) RunDone(job, outcome string, d time.Duration) {
	r.jobRuns.WithLabelValues(job, outcome).Inc()
	r.jobSeconds.WithLabelValues(job).Observe(d.Seconds())
}
