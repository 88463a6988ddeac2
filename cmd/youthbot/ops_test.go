package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	"go.uber.org/goleak"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/telegramtest"
	"youthbot/i18n"
	"youthbot/internal/app"
	"youthbot/storage"
)

// The webhook of the operations tests: an unguessable path and a secret.
const (
	opsHookPath = "/tg-7f3a9c1e"
	opsSecret   = "ops_Secret-42"
)

// opsLog collects log output written from several goroutines and wakes
// waiters at each write.
type opsLog struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func newOpsLog() *opsLog { return &opsLog{changed: make(chan struct{})} }

func (l *opsLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	close(l.changed)
	l.changed = make(chan struct{})
	return l.b.Write(p)
}

func (l *opsLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// waitFor waits until the log contains substr.
func (l *opsLog) waitFor(t *testing.T, substr string) {
	t.Helper()
	deadline := time.NewTimer(10 * time.Second)
	defer deadline.Stop()
	for {
		l.mu.Lock()
		found, ch := strings.Contains(l.b.String(), substr), l.changed
		l.mu.Unlock()
		if found {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("the log never showed %q:\n%s", substr, l.String())
		}
	}
}

// lines decodes the log's JSON lines.
func (l *opsLog) lines(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(l.String()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Errorf("log line is not JSON: %q", sc.Text())
			continue
		}
		out = append(out, m)
	}
	return out
}

// opsBot is the whole app (app.New, Run, Close) in this process against the
// Telegram double, as `youthbot run` runs it, with its JSON log captured.
// When the test ends it stops the app, checks that no secret and no phone
// number reached the log, and that no goroutine is left.
type opsBot struct {
	t       *testing.T
	srv     *telegramtest.Server
	a       *app.App
	addr    string // YOUTHBOT_HTTP as listened on
	dbPath  string
	logs    *opsLog
	hoa     *telegramtest.User // secretary of the branch seedConsole sets up
	payload string             // start payload of that branch's member invite
	webhook bool

	cancel  context.CancelFunc
	done    chan error
	stopped bool
	secrets []string // must never be logged: the token, the webhook secret, phone numbers
}

type opsOptions struct {
	webhook bool
	from    *opsBot // restart on its double and database
}

// startOps starts the app and waits until it takes updates.
func startOps(t *testing.T, o opsOptions) *opsBot {
	t.Helper()
	b := &opsBot{t: t, logs: newOpsLog(), webhook: o.webhook, done: make(chan error, 1)}
	if o.from == nil {
		t.Cleanup(func() { goleak.VerifyNone(t, goleak.IgnoreCurrent()) })
		b.srv = telegramtest.New(t)
		b.dbPath = filepath.Join(t.TempDir(), "youthbot.db")
		b.hoa = b.srv.NewUser("Hoa", "vi")
		loc, _ := time.LoadLocation(DefaultTZ)
		payload, err := seedConsole(b.dbPath, b.hoa.ID, loc)
		if err != nil {
			t.Fatal(err)
		}
		b.payload = payload
	} else {
		b.srv, b.dbPath, b.hoa, b.payload = o.from.srv, o.from.dbPath, o.from.hoa, o.from.payload
		b.secrets = o.from.secrets
	}
	// Listening first tells the port, which the webhook URL names.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b.addr = ln.Addr().String()
	vars := map[string]string{
		"YOUTHBOT_TOKEN":        telegramtest.Token,
		"YOUTHBOT_DB":           b.dbPath,
		"YOUTHBOT_API_ENDPOINT": b.srv.Endpoint(),
		"YOUTHBOT_HTTP":         b.addr,
		"YOUTHBOT_SEND_RATE":    "1000",
	}
	if o.webhook {
		vars["YOUTHBOT_WEBHOOK_URL"] = "http://" + b.addr + opsHookPath
		vars["YOUTHBOT_WEBHOOK_SECRET"] = opsSecret
	}
	cfg, _, err := parseArgs(flag.NewFlagSet("run", flag.ContinueOnError), nil, env(vars))
	if err == nil {
		err = cfg.validate("run")
	}
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	b.secrets = append(b.secrets, telegramtest.Token, strings.Split(telegramtest.Token, ":")[1], opsSecret)
	log := slog.New(slog.NewJSONHandler(b.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	b.a, err = app.New(cfg.app(), app.WithLog(log), app.WithHTTPListener(ln))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	if err := b.a.Run(ctx); err != nil {
		t.Fatal(err)
	}
	go func() { <-b.a.Done(); b.done <- b.a.Close() }()
	t.Cleanup(b.stop)
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("the bot's log:\n%s", b.logs.String())
		}
	})
	if o.webhook {
		b.srv.WaitUntil(t, "the bot sets its webhook", func() bool { return b.srv.Webhook().URL == cfg.WebhookURL })
	} else {
		// Poll deletes the webhook first; a long poll is recorded only
		// when it ends.
		b.srv.WaitUntil(t, "the bot polls", func() bool {
			for _, c := range b.srv.Calls() {
				if c.Method == "deleteWebhook" {
					return true
				}
			}
			return false
		})
	}
	return b
}

// stop stops the app (once) and checks its log.
func (b *opsBot) stop() {
	b.t.Helper()
	if b.stopped {
		return
	}
	b.stopped = true
	b.cancel()
	if err := <-b.done; err != nil {
		b.t.Errorf("run: %v", err)
	}
	log := b.logs.String()
	for _, s := range b.secrets {
		if strings.Contains(log, s) {
			b.t.Errorf("the log shows %q:\n%s", s, log)
		}
	}
	b.logs.lines(b.t)
}

// deliver hands Telegram's pending updates to the bot in webhook mode (by
// long polling the bot fetches them itself).
func (b *opsBot) deliver() {
	b.t.Helper()
	if !b.webhook {
		return
	}
	if _, err := b.srv.DeliverWebhook(context.Background()); err != nil {
		b.t.Fatalf("deliver: %v", err)
	}
}

// register takes u through registration with a shared contact into hoa's
// branch, and hoa approves it: 4 messages and 3 button presses. It
// returns the update_id of the first.
func (b *opsBot) register(u *telegramtest.User, name string) int64 {
	t := b.t
	t.Helper()
	b.secrets = append(b.secrets, strings.TrimPrefix(u.Phone, "+"))
	vi := func(key string) string { return i18n.T("vi", key) }
	start := u.Send("/start " + b.payload).UpdateID
	b.deliver()
	consent := u.Next(t)
	u.Press(consent, vi("btn.agree"))
	b.deliver()
	u.Next(t) // full name?
	u.Send(name)
	b.deliver()
	u.Next(t) // date of birth?
	u.Send("15/03/2004")
	b.deliver()
	u.Next(t) // phone?
	u.ShareContact()
	b.deliver()
	u.Next(t) // got it
	summary := u.Next(t)
	if !strings.Contains(summary.Text, strings.TrimPrefix(u.Phone, "+")) {
		t.Fatalf("the summary does not show the phone shared:\n%s", summary.Text)
	}
	u.Press(summary, vi("btn.confirm"))
	b.deliver()
	u.Next(t) // sent to the secretary
	// The scheduler may have sent hoa a tally first.
	request := nextWithButton(t, b.hoa, vi("btn.approve"))
	b.hoa.Press(request, vi("btn.approve"))
	b.deliver()
	u.Next(t) // approved
	return start
}

// nextWithButton returns u's next message with a button labelled text,
// skipping others.
func nextWithButton(t *testing.T, u *telegramtest.User, text string) *telegramtest.Message {
	t.Helper()
	for {
		m := u.Next(t)
		for _, row := range m.Snapshot().Buttons {
			for _, b := range row {
				if b.Text == text {
					return m
				}
			}
		}
	}
}

// get fetches path from the app's HTTP server.
func (b *opsBot) get(path string) (int, string) {
	b.t.Helper()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	resp, err := client.Get("http://" + b.addr + path)
	if err != nil {
		b.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// scrape reads /metrics with Prometheus's text parser.
func (b *opsBot) scrape() map[string]*dto.MetricFamily {
	b.t.Helper()
	code, body := b.get(pathMetrics)
	if code != http.StatusOK {
		b.t.Fatalf("GET /metrics: %d %s", code, body)
	}
	p := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		b.t.Fatalf("parse /metrics: %v", err)
	}
	return fams
}

// metricValue returns the value of the series of name whose labels include
// the pairs given; 0 when there is none.
func metricValue(fams map[string]*dto.MetricFamily, name string, labels ...string) float64 {
	f, ok := fams[name]
	if !ok {
		return -1
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
	return 0
}

// settle waits until the outbox is delivered.
func (b *opsBot) settle() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.a.Sender().WaitIdle(ctx); err != nil {
		b.t.Fatalf("outbox not delivered: %d left", b.a.Sender().Queued())
	}
}

func TestWebhookModeJourneyAndMetrics(t *testing.T) {
	b := startOps(t, opsOptions{webhook: true})
	if w := b.srv.Webhook(); w.SecretToken != opsSecret || strings.Join(w.AllowedUpdates, ",") != strings.Join(bot.AllowedUpdates, ",") {
		t.Fatalf("got webhook %+v, want the secret and allowed_updates %v", w, bot.AllowedUpdates)
	}
	for _, c := range b.srv.Calls() {
		if c.Method == "setWebhook" && c.Params["drop_pending_updates"] != "false" {
			t.Errorf("setWebhook drop_pending_updates = %q, want false", c.Params["drop_pending_updates"])
		}
	}

	t.Run("RefusesAWrongSecret", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, "http://"+b.addr+opsHookPath,
			strings.NewReader(`{"update_id":900000001,"message":{"message_id":1,"date":1,"chat":{"id":5,"type":"private"},"from":{"id":5,"is_bot":false,"first_name":"X"},"text":"/help"}}`))
		req.Header.Set(bot.SecretTokenHeader, "ops_Secret-43")
		client := &http.Client{Transport: &http.Transport{}}
		defer client.CloseIdleConnections()
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("got %d, want 401", resp.StatusCode)
		}
		var seen bool
		b.a.DB().View(func(tx *storage.Tx) error { seen = tx.UpdateSeen(900000001); return nil })
		if seen {
			t.Error("the update was applied")
		}
	})

	// Telegram's flood control answers the first message: counted, and
	// delivered after retry_after.
	b.srv.FailNext("sendMessage", 1, telegramtest.Fault{RetryAfter: 1})
	an := b.srv.NewUser("An", "vi")
	startID := b.register(an, "Nguyễn Văn An")

	t.Run("SkipsARedeliveredUpdate", func(t *testing.T) {
		b.settle()
		b.srv.SendRaw(fmt.Sprintf(`{"update_id":%d,"message":{"message_id":1,"date":1,"chat":{"id":%d,"type":"private"},"from":{"id":%d,"is_bot":false,"first_name":"An"},"text":"/start %s"}}`,
			startID, an.ID, an.ID, b.payload))
		if n, err := b.srv.DeliverWebhook(context.Background()); n != 1 || err != nil {
			t.Fatalf("got %d delivered, %v; want 1 answered 200", n, err)
		}
		if q := b.a.Sender().Queued(); q != 0 {
			t.Errorf("the redelivery queued %d messages, want none", q)
		}
	})

	b.settle()
	fams := b.scrape()
	tests := []struct {
		name   string
		labels []string
		want   float64
	}{
		{"youthbot_updates_received_total", []string{"type", "message"}, 5},
		{"youthbot_updates_received_total", []string{"type", "callback"}, 3},
		{"youthbot_updates_handled_total", []string{"type", "message", "outcome", "ok"}, 4},
		{"youthbot_updates_handled_total", []string{"type", "message", "outcome", "duplicate"}, 1},
		{"youthbot_updates_handled_total", []string{"type", "callback", "outcome", "ok"}, 3},
		{"youthbot_updates_failed_total", []string{"type", "message", "reason", "storage"}, 0},
		{"youthbot_update_handler_seconds", []string{"type", "message"}, 4},
		{"youthbot_api_calls_total", []string{"method", "setWebhook", "status", "200"}, 1},
		{"youthbot_api_calls_total", []string{"method", "getMe", "status", "200"}, 1},
		{"youthbot_api_calls_total", []string{"method", "sendMessage", "status", "429"}, 1},
		{"youthbot_http_requests_total", []string{"handler", "webhook", "code", "401"}, 1},
		{"youthbot_http_requests_total", []string{"handler", "webhook", "code", "200"}, 8},
		{"youthbot_members", []string{"status", "approved"}, 1},
		{"youthbot_members", []string{"status", "pending"}, 0},
		{"youthbot_outbox_messages", nil, 0},
		{"youthbot_outbox_oldest_age_seconds", nil, 0},
	}
	for _, tt := range tests {
		if got := metricValue(fams, tt.name, tt.labels...); got != tt.want {
			t.Errorf("%s%v: got %g, want %g", tt.name, tt.labels, got, tt.want)
		}
	}
	for _, method := range []string{"sendMessage", "editMessageText", "answerCallbackQuery"} {
		var want float64
		for _, c := range b.srv.Calls() {
			if c.Method == method && c.Status == http.StatusOK {
				want++
			}
		}
		if got := metricValue(fams, "youthbot_api_calls_total", "method", method, "status", "200"); got != want || want == 0 {
			t.Errorf("%s 200: got %g, want %g (the calls Telegram answered)", method, got, want)
		}
	}
	if got := metricValue(fams, "youthbot_database_size_bytes"); got <= 0 {
		t.Errorf("database size: got %g, want > 0", got)
	}

	t.Run("HealthzReadyzAndHealthcheck", func(t *testing.T) {
		for _, path := range []string{pathHealthz, pathReadyz} {
			if code, body := b.get(path); code != http.StatusOK {
				t.Errorf("GET %s: got %d %s, want 200", path, code, body)
			}
		}
		code, out, errOut := runMain(t, map[string]string{"YOUTHBOT_HTTP": b.addr, "YOUTHBOT_DB": "/nonexistent/y.db"}, "healthcheck")
		if code != 0 || out != "healthy\n" {
			t.Errorf("healthcheck over HTTP: got %d %q %q, want 0 healthy", code, out, errOut)
		}
	})

	t.Run("PollingAgainDeletesTheWebhook", func(t *testing.T) {
		b.stop()
		p := startOps(t, opsOptions{from: b})
		if w := b.srv.Webhook(); w.URL != "" {
			t.Fatalf("got webhook %q after switching to polling, want none", w.URL)
		}
		an.Send("/profile")
		an.Expect(t, "Nguyễn Văn An")
		p.stop()
	})
}

func TestLogsShowEachUpdateButNoTokenOrPhone(t *testing.T) {
	b := startOps(t, opsOptions{})
	an := b.srv.NewUser("An", "vi")
	b.register(an, "Trần Thị An")
	b.settle()

	var updates int
	for _, l := range b.logs.lines(t) {
		if l["msg"] != "update" {
			continue
		}
		updates++
		for _, key := range []string{"update_id", "chat", "kind", "command", "outcome", "duration"} {
			if _, ok := l[key]; !ok {
				t.Errorf("update line lacks %s: %v", key, l)
			}
		}
		if l["outcome"] != "ok" {
			t.Errorf("got outcome %v, want ok: %v", l["outcome"], l)
		}
	}
	if updates != 7 {
		t.Errorf("got %d update lines, want 7 (one per update)", updates)
	}

	// Telegram out of reach: the library's transport error quotes the
	// request URL, token included; what is logged has it redacted.
	b.srv.Close()
	b.logs.waitFor(t, "getUpdates failed")
	if !strings.Contains(b.logs.String(), "<token>") {
		t.Errorf("the transport error does not show the redacted token:\n%s", b.logs.String())
	}
	b.stop() // checks the log for the token and the phone number
	for _, s := range b.secrets {
		if strings.Contains(b.logs.String(), s) {
			t.Fatalf("found %q in the log", s)
		}
	}
}

func TestBackupWhileTheBotRuns(t *testing.T) {
	b := startOps(t, opsOptions{})
	an := b.srv.NewUser("An", "vi")
	b.register(an, "Lê Văn An")
	dir := t.TempDir()
	vars := map[string]string{"YOUTHBOT_DB": b.dbPath}

	// Backups while users keep the bot writing.
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Go(func() {
			out := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
			code, stdout, stderr := runMain(t, vars, "backup", out)
			if code != 0 {
				results[i] = fmt.Sprintf("backup %d: exit %d: %s%s", i, code, stdout, stderr)
			}
		})
	}
	for i := range 5 {
		u := b.srv.NewUser(fmt.Sprintf("Khách %d", i), "vi")
		u.Send("/help")
		u.Next(t)
	}
	wg.Wait()
	for _, r := range results {
		if r != "" {
			t.Error(r)
		}
	}
	for i := range results {
		path := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
		if err := storage.Verify(path); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		checkCopy(t, path, an.ID)
	}

	t.Run("HealthcheckThroughTheControlSocket", func(t *testing.T) {
		if code, out, errOut := runMain(t, vars, "healthcheck"); code != 0 || out != "healthy\n" {
			t.Errorf("got %d %q %q, want 0 healthy", code, out, errOut)
		}
	})

	backup := filepath.Join(dir, "backup-0.db")
	t.Run("RestoreRefusesWhileTheBotRuns", func(t *testing.T) {
		before, err := os.ReadFile(b.dbPath)
		if err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runMain(t, vars, "restore", backup)
		if code != 1 || !strings.Contains(errOut, "stop it first") {
			t.Errorf("got exit %d %q, want 1 and a message to stop the bot first", code, errOut)
		}
		an.Send("/profile")
		an.Expect(t, "Lê Văn An")
		after, err := os.ReadFile(b.dbPath)
		if err != nil {
			t.Fatal(err)
		}
		if len(after) < len(before) {
			t.Errorf("the database shrank from %d to %d bytes", len(before), len(after))
		}
	})

	t.Run("RestoreWorksOnceStopped", func(t *testing.T) {
		b.stop()
		if code, out, errOut := runMain(t, vars, "restore", backup); code != 0 {
			t.Fatalf("got exit %d %q %q, want 0", code, out, errOut)
		}
		if err := storage.Verify(b.dbPath); err != nil {
			t.Fatal(err)
		}
		checkCopy(t, b.dbPath, an.ID)
	})
}

// checkCopy checks that the database at path has the demo units and the
// approved member id.
func checkCopy(t *testing.T, path string, member int64) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *storage.Tx) error {
		units, err := tx.Units()
		if err != nil {
			return err
		}
		if len(units) < 10 {
			return fmt.Errorf("got %d units, want the demo's", len(units))
		}
		m, err := tx.Member(member)
		if err != nil {
			return err
		}
		if m.Status != youthbot.StatusApproved {
			return fmt.Errorf("got member status %s, want approved", m.Status)
		}
		return nil
	})
	if err != nil {
		t.Errorf("%s: %v", path, err)
	}
}

func TestConfigErrorsExit2BeforeAnythingStarts(t *testing.T) {
	srv := telegramtest.New(t)
	base := func(dir string) map[string]string {
		return map[string]string{
			"YOUTHBOT_TOKEN":        telegramtest.Token,
			"YOUTHBOT_DB":           filepath.Join(dir, "youthbot.db"),
			"YOUTHBOT_API_ENDPOINT": srv.Endpoint(),
			"YOUTHBOT_HTTP":         "127.0.0.1:0",
		}
	}
	tests := []struct {
		name     string
		set      map[string]string // "" deletes the variable
		variable string
		msg      string
	}{
		{"MissingToken", map[string]string{"YOUTHBOT_TOKEN": ""}, "YOUTHBOT_TOKEN", "not set"},
		{"MalformedAdmins", map[string]string{"YOUTHBOT_ADMINS": "111,abc"}, "YOUTHBOT_ADMINS", `"abc" is not a Telegram user id`},
		{"NegativeAdmin", map[string]string{"YOUTHBOT_ADMINS": "-5"}, "YOUTHBOT_ADMINS", "not a Telegram user id"},
		{"UnknownTimeZone", map[string]string{"YOUTHBOT_TZ": "Asia/Atlantis"}, "YOUTHBOT_TZ", `"Asia/Atlantis" is not a known time zone`},
		{"InvalidCron", map[string]string{"YOUTHBOT_TALLY_CRON": "0 8 32 * *"}, "YOUTHBOT_TALLY_CRON", "is not a cron schedule"},
		{"DBDirectoryMissing", map[string]string{"YOUTHBOT_DB": "nope/youthbot.db"}, "YOUTHBOT_DB", "does not exist"},
		{"WebhookWithoutSecret", map[string]string{"YOUTHBOT_WEBHOOK_URL": "https://bot.example.org/tg"}, "YOUTHBOT_WEBHOOK_SECRET", "not set"},
		{"WebhookOnAnEndpointPath", map[string]string{"YOUTHBOT_WEBHOOK_URL": "https://bot.example.org/metrics", "YOUTHBOT_WEBHOOK_SECRET": opsSecret}, "YOUTHBOT_WEBHOOK_URL", "taken by the bot's own endpoint"},
		{"BadSendRate", map[string]string{"YOUTHBOT_SEND_RATE": "fast"}, "YOUTHBOT_SEND_RATE", "not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			vars := base(dir)
			for k, v := range tt.set {
				if k == "YOUTHBOT_DB" {
					v = filepath.Join(dir, v)
				}
				vars[k] = v
			}
			checkConfigExit(t, vars, dir, tt.variable, tt.msg)
		})
	}
	t.Run("UnwritableDBDirectory", func(t *testing.T) {
		dir := t.TempDir()
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		dbDir := ro
		if f, err := os.CreateTemp(ro, "probe"); err == nil {
			// Root writes anywhere; sysfs refuses even root.
			f.Close()
			os.Remove(f.Name())
			if f, err := os.CreateTemp("/sys", "probe"); err == nil {
				f.Close()
				os.Remove(f.Name())
				t.Skip("no directory here refuses this user")
			}
			dbDir = "/sys"
		}
		vars := base(dir)
		vars["YOUTHBOT_DB"] = filepath.Join(dbDir, "youthbot.db")
		checkConfigExit(t, vars, dir, "YOUTHBOT_DB", "is not writable")
	})
	if calls := srv.Calls(); len(calls) != 0 {
		t.Errorf("a misconfigured bot called Telegram: %+v", calls)
	}
}

// checkConfigExit runs `youthbot run` with vars and checks exit status 2,
// one line on stderr naming the variable, and that nothing was created.
func checkConfigExit(t *testing.T, vars map[string]string, dir, variable, msg string) {
	t.Helper()
	code, stdout, stderr := runMain(t, vars, "run")
	if code != 2 {
		t.Errorf("got exit status %d, want 2 (stderr %q)", code, stderr)
	}
	if stdout != "" {
		t.Errorf("got stdout %q, want nothing", stdout)
	}
	if !strings.HasPrefix(stderr, "youthbot: "+variable+" (--") || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, msg) {
		t.Errorf("got stderr %q, want one line naming %s and saying %q", stderr, variable, msg)
	}
	if strings.Contains(stderr, telegramtest.Token) {
		t.Errorf("stderr shows the token: %q", stderr)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "ro" {
			t.Errorf("the failed start left %s behind", e.Name())
		}
	}
}

func TestHealthzURL(t *testing.T) {
	tests := []struct{ addr, want string }{
		{":8080", "http://127.0.0.1:8080/healthz"},
		{"0.0.0.0:8080", "http://127.0.0.1:8080/healthz"},
		{"[::]:8080", "http://[::1]:8080/healthz"},
		{"10.1.2.3:9000", "http://10.1.2.3:9000/healthz"},
		{"localhost:80", "http://localhost:80/healthz"},
	}
	for _, tt := range tests {
		if got := healthzURL(tt.addr); got != tt.want {
			t.Errorf("healthzURL(%q) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestHealthcheckFailsWithoutABot(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"YOUTHBOT_DB": filepath.Join(dir, "youthbot.db")}
	if code, _, errOut := runMain(t, vars, "healthcheck"); code != 1 || !strings.Contains(errOut, "no running youthbot") {
		t.Errorf("control socket: got %d %q, want 1 and no running youthbot", code, errOut)
	}
	vars["YOUTHBOT_HTTP"] = "127.0.0.1:1"
	if code, _, errOut := runMain(t, vars, "healthcheck"); code != 1 || !strings.Contains(errOut, "no answer from http://127.0.0.1:1/healthz") {
		t.Errorf("HTTP: got %d %q, want 1 and no answer", code, errOut)
	}
}
