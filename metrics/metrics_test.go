package metrics

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"youthbot"
	"youthbot/bot"
	"youthbot/scheduler"
	"youthbot/storage"
)

var (
	_ bot.Metrics        = (*Registry)(nil)
	_ scheduler.Recorder = (*Registry)(nil)
)

// scrape serves /metrics once and parses it with Prometheus's text parser.
func scrape(t *testing.T, h http.Handler) map[string]*dto.MetricFamily {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("got status %d: %s", rec.Code, rec.Body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(rec.Body)
	if err != nil {
		t.Fatalf("parse metrics: %v", err)
	}
	return fams
}

// value returns the value of the series of name with labels (name=value
// pairs), failing the test when there is none.
func value(t *testing.T, fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	t.Helper()
	f, ok := fams[name]
	if !ok {
		t.Fatalf("no metric %s", name)
	}
next:
	for _, m := range f.Metric {
		have := map[string]string{}
		for _, l := range m.Label {
			have[l.GetName()] = l.GetValue()
		}
		for i := 0; i+1 < len(labels); i += 2 {
			if have[labels[i]] != labels[i+1] {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		}
	}
	t.Fatalf("no series %s%v", name, labels)
	return 0
}

func TestRegistryCountsWhatItIsTold(t *testing.T) {
	r := New()
	r.UpdateReceived("message")
	r.UpdateReceived("message")
	r.UpdateReceived("callback")
	r.UpdateHandled("message", "ok", 3*time.Millisecond)
	r.UpdateHandled("message", "duplicate", 0)
	r.UpdateHandled("callback", "refused", time.Millisecond)
	r.UpdateFailed("unknown", "undecodable")
	r.APICall("sendMessage", 200)
	r.APICall("sendMessage", 429)
	r.APICall("sendMessage", 429)
	r.APICall("getUpdates", 0)
	r.RunDone("tally", scheduler.OutcomeOK, time.Second)
	r.RunDone("tally", scheduler.OutcomeError, time.Second)

	fams := scrape(t, r.Handler())
	tests := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"youthbot_updates_received_total", []string{"type", "message"}, 2},
		{"youthbot_updates_received_total", []string{"type", "callback"}, 1},
		{"youthbot_updates_received_total", []string{"type", "my_chat_member"}, 0},
		{"youthbot_updates_handled_total", []string{"type", "message", "outcome", "ok"}, 1},
		{"youthbot_updates_handled_total", []string{"type", "message", "outcome", "duplicate"}, 1},
		{"youthbot_updates_handled_total", []string{"type", "callback", "outcome", "refused"}, 1},
		{"youthbot_updates_failed_total", []string{"type", "unknown", "reason", "undecodable"}, 1},
		{"youthbot_update_handler_seconds", []string{"type", "message"}, 1},
		{"youthbot_api_calls_total", []string{"method", "sendMessage", "status", "200"}, 1},
		{"youthbot_api_calls_total", []string{"method", "sendMessage", "status", "429"}, 2},
		{"youthbot_api_calls_total", []string{"method", "getUpdates", "status", "no_answer"}, 1},
		{"youthbot_scheduler_runs_total", []string{"job", "tally", "outcome", "ok"}, 1},
		{"youthbot_scheduler_runs_total", []string{"job", "tally", "outcome", "error"}, 1},
		{"youthbot_scheduler_run_seconds", []string{"job", "tally"}, 2},
	}
	for _, tt := range tests {
		if got := value(t, fams, tt.name, tt.labels...); got != tt.want {
			t.Errorf("%s%v: got %g, want %g", tt.name, tt.labels, got, tt.want)
		}
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if _, ok := fams[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}

func TestWatchDBReadsGaugesAtScrape(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "m.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	err = db.Update(func(tx *storage.Tx) error {
		for i, s := range []youthbot.MemberStatus{youthbot.StatusApproved, youthbot.StatusApproved, youthbot.StatusPending} {
			if err := tx.PutMember(youthbot.Member{UserID: int64(i + 1), Unit: "A", Status: s, RegisteredAt: now}); err != nil {
				return err
			}
		}
		for _, q := range []time.Time{now.Add(-90 * time.Second), now.Add(-time.Second)} {
			if _, err := tx.Enqueue(&youthbot.Outgoing{Chat: 1, Method: "sendMessage", Queued: q}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := New()
	r.WatchDB(db, func() time.Time { return now })
	fams := scrape(t, r.Handler())
	tests := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"youthbot_members", []string{"status", "approved"}, 2},
		{"youthbot_members", []string{"status", "pending"}, 1},
		{"youthbot_members", []string{"status", "rejected"}, 0},
		{"youthbot_outbox_messages", nil, 2},
		{"youthbot_outbox_oldest_age_seconds", nil, 90},
	}
	for _, tt := range tests {
		if got := value(t, fams, tt.name, tt.labels...); got != tt.want {
			t.Errorf("%s%v: got %g, want %g", tt.name, tt.labels, got, tt.want)
		}
	}
	if got := value(t, fams, "youthbot_database_size_bytes"); got <= 0 {
		t.Errorf("got database size %g, want > 0", got)
	}
}

func TestInstrumentCountsRequestsByCode(t *testing.T) {
	r := New()
	h := r.Instrument("webhook", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/hook", nil))
	fams := scrape(t, r.Handler())
	if got := value(t, fams, "youthbot_http_requests_total", "handler", "webhook", "code", "401"); got != 1 {
		t.Errorf("got %g, want 1", got)
	}
}
