package bot_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

const hookSecret = "hook_Secret-123"

// countingMetrics is a Metrics that counts what it is told, by
// "method kind outcome".
type countingMetrics struct {
	mu sync.Mutex
	n  map[string]int
}

func (m *countingMetrics) add(key string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n == nil {
		m.n = map[string]int{}
	}
	m.n[key]++
}

func (m *countingMetrics) get(key string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.n[key]
}

func (m *countingMetrics) UpdateReceived(kind string) { m.add("received " + kind) }
func (m *countingMetrics) UpdateHandled(kind, outcome string, _ time.Duration) {
	m.add("handled " + kind + " " + outcome)
}
func (m *countingMetrics) UpdateFailed(kind, reason string) { m.add("failed " + kind + " " + reason) }
func (m *countingMetrics) APICall(method string, code int) {
	m.add(fmt.Sprintf("api %s %d", method, code))
}

// hookEnv is a bot behind its webhook handler, on the harness's database.
type hookEnv struct {
	*harness.H
	wb      *bot.Bot
	metrics *countingMetrics
	handler http.Handler
}

func newHookEnv(t testing.TB) *hookEnv {
	t.Helper()
	h := harness.New(t)
	m := &countingMetrics{}
	wb := bot.New(bot.Config{
		DB: h.DB, Outbox: h.Out, Admins: []int64{harness.AdminID}, Location: h.Bot.Location(), Lang: "vi",
		Now: func() time.Time { return h.Now }, Log: h.Bot.Log(), Metrics: m, Features: harness.Rooms,
	})
	wb.SetUsername("youthbot_test_bot")
	return &hookEnv{H: h, wb: wb, metrics: m, handler: wb.WebhookHandler(hookSecret)}
}

// body encodes an update with id as Telegram would post it.
func updateJSON(t testing.TB, id int, u tgbotapi.Update) []byte {
	t.Helper()
	u.UpdateID = id
	b, err := json.Marshal(u)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// post sends body to the webhook handler with the secret (none when secret
// is "-") and returns the status.
func (e *hookEnv) post(body []byte, secret string) int {
	req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if secret != "-" {
		req.Header.Set(bot.SecretTokenHeader, secret)
	}
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return rec.Code
}

func (e *hookEnv) seen(id int) bool {
	var seen bool
	e.DB.View(func(tx *storage.Tx) error { seen = tx.UpdateSeen(id); return nil })
	return seen
}

func TestWebhookRefusesRequestsWithoutTheSecret(t *testing.T) {
	e := newHookEnv(t)
	body := updateJSON(t, 7, harness.MsgUpdate(harness.User(500, "vi"), "/start"))
	before := e.Snapshot()
	for _, tt := range []struct{ name, secret string }{
		{"Missing", "-"},
		{"Empty", ""},
		{"Wrong", "hook_Secret-124"},
		{"Prefix", "hook_Secret-12"},
		{"Longer", hookSecret + "x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.post(body, tt.secret); got != http.StatusUnauthorized {
				t.Errorf("got %d, want 401", got)
			}
		})
	}
	if e.seen(7) {
		t.Error("the update was recorded as applied")
	}
	if out := e.Out.Take(); len(out) != 0 {
		t.Errorf("got %d answers queued, want none", len(out))
	}
	if after := e.Snapshot(); after != before {
		t.Errorf("the database changed:\n%s", after)
	}
	if n := e.metrics.get("received message"); n != 0 {
		t.Errorf("got %d updates counted as received, want 0", n)
	}
	t.Run("EmptySecretRefusesEverything", func(t *testing.T) {
		h := e.wb.WebhookHandler("")
		req := httptest.NewRequest(http.MethodPost, "/hook", bytes.NewReader(body))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized || e.seen(7) {
			t.Errorf("got %d (applied %v), want 401 and nothing applied", rec.Code, e.seen(7))
		}
	})
}

func TestWebhookAppliesAnUpdateOnceWhateverTheDeliveries(t *testing.T) {
	e := newHookEnv(t)
	body := updateJSON(t, 11, harness.MsgUpdate(harness.User(501, "vi"), "/help"))
	if got := e.post(body, hookSecret); got != http.StatusOK {
		t.Fatalf("got %d, want 200", got)
	}
	first := e.Out.Take()
	if len(harness.Texts(first, 501)) == 0 || !e.seen(11) {
		t.Fatalf("got answers %v, applied %v; want a reply and the update applied", harness.Texts(first, 501), e.seen(11))
	}
	if got := e.post(body, hookSecret); got != http.StatusOK {
		t.Fatalf("second delivery: got %d, want 200", got)
	}
	if again := e.Out.Take(); len(again) != 0 {
		t.Errorf("the second delivery queued %d answers, want none", len(again))
	}
	var queued int
	e.DB.View(func(tx *storage.Tx) error { queued, _ = tx.OutboxStats(); return nil })
	if queued != len(first) {
		t.Errorf("got %d messages in the outbox, want %d", queued, len(first))
	}
	if got := e.metrics.get("handled message ok"); got != 1 {
		t.Errorf("got %d handled ok, want 1", got)
	}
	if got := e.metrics.get("handled message duplicate"); got != 1 {
		t.Errorf("got %d duplicates, want 1", got)
	}
	if got := e.metrics.get("received message"); got != 2 {
		t.Errorf("got %d received, want 2", got)
	}
}

func TestWebhookAnswersBadRequests(t *testing.T) {
	e := newHookEnv(t)
	big := updateJSON(t, 12, harness.MsgUpdate(harness.User(502, "vi"), strings.Repeat("a", bot.MaxWebhookBody)))
	tests := []struct {
		name   string
		method string
		body   []byte
		want   int
	}{
		{"TooLarge", http.MethodPost, big, http.StatusRequestEntityTooLarge},
		{"NotJSON", http.MethodPost, []byte("update_id=5"), http.StatusBadRequest},
		{"TruncatedJSON", http.MethodPost, updateJSON(t, 13, harness.MsgUpdate(harness.User(502, "vi"), "/help"))[:40], http.StatusBadRequest},
		{"Empty", http.MethodPost, nil, http.StatusBadRequest},
		{"JSONArray", http.MethodPost, []byte(`[{"update_id":14}]`), http.StatusBadRequest},
		{"Get", http.MethodGet, nil, http.StatusMethodNotAllowed},
		// Telegram would deliver an undecodable update again and again:
		// like long polling, the bot skips it.
		{"UndecodableUpdateIsSkipped", http.MethodPost, []byte(`{"update_id":15,"message":{"message_id":"x"}}`), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, "/hook", bytes.NewReader(tt.body))
			req.Header.Set(bot.SecretTokenHeader, hookSecret)
			rec := httptest.NewRecorder()
			e.handler.ServeHTTP(rec, req)
			if rec.Code != tt.want {
				t.Errorf("got %d %q, want %d", rec.Code, rec.Body, tt.want)
			}
		})
	}
	for _, id := range []int{12, 13, 14, 15} {
		if e.seen(id) {
			t.Errorf("update %d was applied", id)
		}
	}
	if out := e.Out.Take(); len(out) != 0 {
		t.Errorf("got %d answers queued, want none", len(out))
	}
	if got := e.metrics.get("failed unknown undecodable"); got != 5 {
		t.Errorf("got %d undecodable, want 5", got)
	}
}

func TestWebhookStorageFailureAsksTelegramToRetry(t *testing.T) {
	e := newHookEnv(t)
	body := updateJSON(t, 21, harness.MsgUpdate(harness.User(503, "vi"), "/help"))
	if err := e.DB.Close(); err != nil {
		t.Fatal(err)
	}
	got := e.post(body, hookSecret)
	if got >= 200 && got < 300 {
		t.Fatalf("got %d, want a non-2xx status so that Telegram delivers again", got)
	}
	if got != http.StatusServiceUnavailable {
		t.Errorf("got %d, want 503", got)
	}
	if out := e.Out.Take(); len(out) != 0 {
		t.Errorf("got %d answers pushed, want none", len(out))
	}
	if n := e.metrics.get("failed message storage"); n != 1 {
		t.Errorf("got %d storage failures, want 1", n)
	}
}

func TestWebhookRefusalCommitsOnlyItsAnswer(t *testing.T) {
	e := newHookEnv(t)
	m := e.Register(504, "VT-CDCD-CNTT", "Lê Văn Bình")
	e.Out.Take()
	before := e.Snapshot()
	press := harness.CbUpdate(harness.User(505, "vi"), fmt.Sprintf("%s:%d:%d", cbApprove, m.UserID, m.RegisteredAt.Unix()))
	if got := e.post(updateJSON(t, 31, press), hookSecret); got != http.StatusOK {
		t.Fatalf("got %d, want 200: a refusal is an answer, not a failure", got)
	}
	out := e.Out.Take()
	if len(out) != 1 || out[0].Method != "answerCallbackQuery" || out[0].Params["show_alert"] != "true" {
		t.Fatalf("got %+v, want one alert answer", out)
	}
	if after := e.Snapshot(); after != before {
		t.Errorf("the refusal changed the database:\n%s", after)
	}
	if !e.seen(31) {
		t.Error("the refused update is not recorded as applied: Telegram's redelivery would run it again")
	}
	if n := e.metrics.get("handled callback refused"); n != 1 {
		t.Errorf("got %d refusals counted, want 1", n)
	}
}

// TestWebhookGroupCommitsConcurrentRequests posts at once what Telegram's
// 40 connections would: ordinary commands, refusals (whose handlers fail
// inside the shared transaction) and the same update several times.
func TestWebhookGroupCommitsConcurrentRequests(t *testing.T) {
	e := newHookEnv(t)
	m := e.Register(600, "VT-CDCD-CNTT", "Phạm Thị Cúc")
	e.Out.Take()
	const users = 20
	var bodies [][]byte
	for i := range users {
		bodies = append(bodies, updateJSON(t, 1000+i, harness.MsgUpdate(harness.User(int64(700+i), "vi"), "/help")))
		press := harness.CbUpdate(harness.User(int64(800+i), "vi"), fmt.Sprintf("%s:%d:%d", cbApprove, m.UserID, m.RegisteredAt.Unix()))
		bodies = append(bodies, updateJSON(t, 2000+i, press))
	}
	dup := updateJSON(t, 3000, harness.MsgUpdate(harness.User(900, "vi"), "/help"))
	for range 5 {
		bodies = append(bodies, dup)
	}
	codes := make([]int, len(bodies))
	var wg sync.WaitGroup
	for i, b := range bodies {
		wg.Go(func() { codes[i] = e.post(b, hookSecret) })
	}
	wg.Wait()
	for i, c := range codes {
		if c != http.StatusOK {
			t.Errorf("request %d: got %d, want 200", i, c)
		}
	}
	out := e.Out.Take()
	perChat := map[int64]int{}
	for _, o := range out {
		perChat[o.Chat]++
	}
	for i := range users {
		if perChat[int64(700+i)] != 1 {
			t.Errorf("user %d got %d answers, want 1", 700+i, perChat[int64(700+i)])
		}
		if perChat[int64(800+i)] != 1 {
			t.Errorf("presser %d got %d answers, want 1 (the refusal)", 800+i, perChat[int64(800+i)])
		}
	}
	if perChat[900] != 1 {
		t.Errorf("the update delivered 5 times got %d answers, want 1", perChat[900])
	}
	if got := e.Member(600).Status; got != youthbot.StatusPending {
		t.Errorf("got member status %s, want still pending", got)
	}
	if got := e.metrics.get("handled message duplicate"); got != 4 {
		t.Errorf("got %d duplicates, want 4", got)
	}
}

// BenchmarkWebhookParallel measures webhook requests served at once, as
// Telegram's connections make them: each is committed (fsync) before its
// answer, and concurrent ones share a transaction.
func BenchmarkWebhookParallel(b *testing.B) {
	e := newHookEnv(b)
	var next atomic.Int64
	b.SetParallelism(8) // 16 requests in flight on 2 cores; Telegram allows up to 40
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			n := next.Add(1)
			body := updateJSON(b, int(n), harness.MsgUpdate(harness.User(10_000+n%500, "vi"), "/help"))
			if code := e.post(body, hookSecret); code != http.StatusOK {
				b.Errorf("got %d", code)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "updates/s")
	e.Out.Take()
}
