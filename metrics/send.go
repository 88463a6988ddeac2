package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// sendMetrics are the outbox sender's (outbox.SendRecorder).
type sendMetrics struct {
	floodWaits       prometheus.Counter
	floodWaitSeconds prometheus.Counter
}

func newSendMetrics(reg *prometheus.Registry) sendMetrics {
	m := sendMetrics{
		floodWaits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "youthbot_send_flood_waits_total",
			Help: "429 answers taken as the bot's own flood limit (the chat's own limits were respected): every chat waited out retry_after.",
		}),
		floodWaitSeconds: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "youthbot_send_flood_wait_seconds_total",
			Help: "Seconds of retry_after every chat waited for the bot's flood limit.",
		}),
	}
	reg.MustRegister(m.floodWaits, m.floodWaitSeconds)
	return m
}

// FloodWait implements outbox.SendRecorder.
func (r *Registry) FloodWait(retryAfter time.Duration) {
	r.send.floodWaits.Inc()
	r.send.floodWaitSeconds.Add(retryAfter.Seconds())
}
