package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/demo"
	"youthbot/storage"
)

// What the users of the crash test read (Vietnamese), as substrings of the
// text parameter the bot sends (HTML: no tags inside them).
const (
	crashConsent   = "Bạn đang đăng ký vào"
	crashAskName   = "đầy đủ của bạn (có dấu)"
	crashAskBirth  = "Ngày sinh của bạn?"
	crashAskPhone  = "để chia sẻ số điện thoại với bí thư chi đoàn"
	crashPhoneDone = "👍 Đã nhận.|👌 Đã bỏ qua số điện thoại." // shared, or skipped
	crashSummary   = "Kiểm tra lại thông tin"
	crashSubmitted = "📨 Đã gửi đăng ký"
	crashApproved  = "🎉 Chúc mừng!"
	crashRequest   = "Đăng ký đoàn viên mới"
	crashDecided   = "✅ Đã duyệt lúc"
)

// crashSteps are a member's bot messages in order, each with the progress
// it proves: what the database must hold once the member has seen it.
var crashSteps = []struct {
	text  string
	level int
}{
	{crashConsent, levelConsent},
	{crashAskName, levelName},
	{crashAskBirth, levelBirth},
	{crashAskPhone, levelPhone},
	{crashPhoneDone, levelConfirm},
	{crashSummary, levelConfirm},
	{crashSubmitted, levelPending},
	{crashApproved, levelApproved},
}

// stepSays reports whether a bot message is the step whose text is want:
// one of its "|"-separated alternatives.
func stepSays(msg, want string) bool {
	for _, alt := range strings.Split(want, "|") {
		if strings.Contains(msg, alt) {
			return true
		}
	}
	return false
}

// Progress of a registration, as stored.
const (
	levelNone = iota
	levelConsent
	levelName
	levelBirth
	levelPhone
	levelConfirm
	levelPending
	levelApproved
)

const (
	crashMembers = 40
	crashMinKill = 5
)

// TestCrashRecovery runs the built binary against the Telegram double and
// kill -9's it at random points of a burst of registrations (40 members
// registering through j_ links in six branches, six secretaries approving
// them), restarting it each time. After every kill it checks the database
// the dead process left against what the users had seen; at the end, that
// every dialog was answered once and in order, every update applied, every
// member stored once, and that the only repeats are the one message per
// chat that was in flight at a crash.
//
// The seed of the kill points is logged; YOUTHBOT_CRASH_SEED=N repeats it
// (the points, not the timing of the processes). YOUTHBOT_CRASH_KEEP=DIR
// keeps the database and each run's log there.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: builds the binary and kill -9's it repeatedly; skipped under -short")
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("YOUTHBOT_CRASH_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("YOUTHBOT_CRASH_SEED=%q: %v", s, err)
		}
		seed = n
	}
	t.Logf("seed %d (repeat with YOUTHBOT_CRASH_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	rig := newCrashRig(t)
	dir, bin, dbPath, srv := rig.dir, rig.bin, rig.dbPath, rig.srv
	admin := srv.NewUser("Quản trị", "vi")

	p := &botProcess{t: t, bin: bin, dir: dir, env: childEnv(map[string]string{
		"YOUTHBOT_TOKEN":        telegramtest.Token,
		"YOUTHBOT_API_ENDPOINT": srv.Endpoint(),
		"YOUTHBOT_DB":           dbPath,
		"YOUTHBOT_ADMINS":       strconv.FormatInt(admin.ID, 10),
		"YOUTHBOT_SEND_RATE":    "200",
	})}
	t.Cleanup(p.cleanup)
	if keep := os.Getenv("YOUTHBOT_CRASH_KEEP"); keep != "" {
		t.Cleanup(func() { // the database and the logs, for a post-mortem
			if err := os.CopyFS(keep, os.DirFS(dir)); err != nil {
				t.Logf("keep %s: %v", dir, err)
			}
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	began := time.Now()
	p.start()

	// Setup, without crashes: a secretary per branch, made by the admin's
	// invite, and the branch's member link.
	branches := []string{"VT-CDCD-CNTT", "VT-CDCD-KT", "VT-P5-KV1", "VT-P5-KV4", "PH-TB-TLA", "PH-TB-MH"}
	secretaries := map[string]*telegramtest.User{}
	joins := map[string]string{}
	for i, code := range branches {
		sec := srv.NewUser(fmt.Sprintf("Bí thư %d", i+1), "vi")
		secretaries[code] = sec
		admin.Send("/invite " + code + " secretary")
		link := mustFind(ctx, t, admin, "?start=s_")
		sec.Send("/start " + payload(t, link.Text))
		mustFind(ctx, t, sec, "Đồng chí đã trở thành bí thư")
		sec.Send("/invite")
		joins[code] = payload(t, mustFind(ctx, t, sec, "?start=j_").Text)
	}

	// The burst: members register while the process is killed and
	// restarted; secretaries approve what they are asked to.
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ"}
	givens := []string{"An", "Bình", "Chi", "Dũng", "Giang"}
	members := make([]*crashMember, crashMembers)
	perBranch := map[string]int{}
	for i := range members {
		code := branches[i%len(branches)]
		perBranch[code]++
		middle := "Văn"
		if i%2 == 1 {
			middle = "Thị"
		}
		members[i] = &crashMember{
			u:     srv.NewUser(fmt.Sprintf("Đoàn viên %d", i+1), "vi"),
			unit:  code,
			join:  joins[code],
			name:  fmt.Sprintf("%s %s %s", families[i%len(families)], middle, givens[i/len(families)]),
			birth: fmt.Sprintf("%02d/%02d/%d", 1+i%28, 1+i%12, 1996+i%10),
			skip:  i%4 == 3,
		}
	}
	presses := &pressLog{member: map[string]int64{}}
	var wg sync.WaitGroup
	errs := make(chan error, crashMembers+len(branches))
	for _, m := range members {
		wg.Go(func() {
			if err := m.run(ctx); err != nil {
				errs <- fmt.Errorf("%s (%s): %w", m.u, m.name, err)
			}
		})
	}
	for _, code := range branches {
		sec := secretaries[code]
		wg.Go(func() {
			if err := approveAll(ctx, srv, sec, perBranch[code], presses); err != nil {
				errs <- fmt.Errorf("secretary %s of %s: %w", sec, code, err)
			}
		})
	}
	burstDone := make(chan struct{})
	go func() { wg.Wait(); close(burstDone) }()

	// When each process after a kill started: a request the killed process
	// wrote just before dying may still reach the double after the kill,
	// but not after the next start. Crash k is the one before restarts[k].
	var restarts []time.Time
	// The kill points: calls into the burst (about 900 in all; the
	// approvals come after about 550), spread over it.
	points := make([]int, crashMinKill+3)
	for i := range points {
		points[i] = 20 + rng.IntN(730)
	}
	slices.Sort(points)
	base := len(srv.Calls())
	for _, point := range points {
		if !waitCalls(ctx, srv, base+point-len(srv.Calls()), burstDone) {
			break
		}
		if len(restarts)%3 == 2 {
			// A kill while the last batch is applied but not confirmed:
			// getUpdates fails, and the bot waits before asking again.
			from := len(srv.Calls())
			srv.FailNext("getUpdates", 1, telegramtest.Fault{Code: 500})
			fired := func() bool {
				for _, c := range srv.Calls()[from:] {
					if c.Method == "getUpdates" && c.Status == 500 {
						return true
					}
				}
				return false
			}
			if !waitUntil(ctx, srv, fired, burstDone) {
				break // the burst ended while the bot was waiting for updates
			}
			t.Logf("getUpdates failed after %d calls into the burst", point)
		} else {
			extra := time.Duration(rng.IntN(4)) * time.Millisecond
			if extra > 0 {
				timer := time.NewTimer(extra) // a random point between two calls
				<-timer.C
			}
			t.Logf("%d calls into the burst (+%v)", point, extra)
		}
		p.kill()
		settle(srv)
		submitted, approved := checkSeen(t, dbPath, srv.Calls(), members, presses)
		t.Logf("kill %d: %d members had seen their registration sent, %d their approval", len(restarts)+1, submitted, approved)
		if t.Failed() {
			t.FailNow()
		}
		restarts = append(restarts, time.Now())
		p.start()
	}
	select {
	case <-burstDone:
	case <-ctx.Done():
		t.Errorf("the burst did not finish: someone waits for an answer that never came (a lost update or message)")
		<-burstDone // the scripts end with ctx
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(restarts) < crashMinKill {
		t.Errorf("only %d kills before the burst ended, want %d or more", len(restarts), crashMinKill)
	}
	if t.Failed() {
		t.FailNow()
	}

	// Quiet: every update confirmed, every button press answered.
	if err := waitCond(ctx, srv, func() bool { return srv.Pending() == 0 && presses.allAnswered() }); err != nil {
		t.Fatalf("the bot did not settle (%d updates pending): %v", srv.Pending(), err)
	}
	// The summaries' last edits wait out their spacing (the outbox's
	// CoalesceGap, 5 s): quiet is no call for longer than that.
	for n := -1; n != len(srv.Calls()); {
		n = len(srv.Calls())
		quiet := time.NewTimer(5500 * time.Millisecond)
		select {
		case <-quiet.C:
		case <-ctx.Done():
			t.Fatal("the bot did not go quiet")
		}
	}
	if err := p.stop(); err != nil {
		t.Fatalf("graceful stop: %v", err)
	}
	t.Logf("%d kills, %d runs, %d calls, %v", len(restarts), p.runs, len(srv.Calls()), time.Since(began).Round(time.Millisecond))

	calls := srv.Calls()
	checkSeen(t, dbPath, calls, members, presses)
	checkFinal(t, dbPath, members, secretaries)
	checkTranscripts(t, calls, members, secretaries, perBranch, restarts)
	checkPresses(t, presses)
	p.checkLogs()
	rig.checkViolations(t, restarts)
}

// crashRig is what a kill -9 test starts from: the built binary, a
// database with the demo units, and a Telegram double that records the
// calls it refuses.
type crashRig struct {
	dir, bin, dbPath string
	srv              *telegramtest.Server

	mu         sync.Mutex
	violations []violation
}

func newCrashRig(t *testing.T) *crashRig {
	t.Helper()
	r := &crashRig{dir: t.TempDir()}
	r.bin = buildBinary(t, r.dir)
	r.dbPath = filepath.Join(r.dir, "youthbot.db")
	csvPath := filepath.Join(r.dir, "units.csv")
	if err := os.WriteFile(csvPath, []byte(demo.UnitsCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(r.bin, "units", "import", csvPath, "--db", r.dbPath).CombinedOutput(); err != nil {
		t.Fatalf("units import: %v\n%s", err, out)
	}
	r.srv = telegramtest.NewServer(telegramtest.Options{OnViolation: func(msg string) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.violations = append(r.violations, violation{time.Now(), msg})
	}})
	t.Cleanup(r.srv.Close)
	return r
}

// checkViolations fails t for every call the double refused, except those
// a kill cut short (cutByKill).
func (r *crashRig) checkViolations(t *testing.T, restarts []time.Time) {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, v := range r.violations {
		if cutByKill(v.msg, v.at, restarts) {
			t.Logf("a request cut short by a kill: %s", v.msg)
			continue
		}
		t.Errorf("telegram double: %s", v.msg)
	}
}

// violation is a call the double refused as a bug of the bot.
type violation struct {
	at  time.Time
	msg string
}

// cutByKill reports whether a refused request is one a killed process did
// not finish sending: the double could not read it or found it ended
// before its length, before the last start
// or soon after a start (each start follows a kill or a stop at once, and
// on a loaded machine the double may notice the cut connection only after
// the next process has started).
func cutByKill(description string, at time.Time, restarts []time.Time) bool {
	cut := strings.Contains(description, "can't read the request") || strings.Contains(description, "the request ended early")
	if !cut || len(restarts) == 0 {
		return false
	}
	if at.Before(restarts[len(restarts)-1]) {
		return true
	}
	for _, r := range restarts {
		if !at.Before(r) && at.Sub(r) < 10*time.Second {
			return true
		}
	}
	return false
}

// buildBinary builds cmd/youthbot into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "youthbot")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// childEnv is this process's environment without YOUTHBOT_ variables, plus
// set.
func childEnv(set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "YOUTHBOT_") {
			env = append(env, kv)
		}
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}

// botProcess is the bot binary, run after run, each with its log file.
type botProcess struct {
	t        *testing.T
	bin, dir string
	env      []string
	cmd      *exec.Cmd
	runs     int
	logs     []string
}

func (p *botProcess) start() {
	p.t.Helper()
	p.runs++
	path := filepath.Join(p.dir, fmt.Sprintf("run-%02d.log", p.runs))
	f, err := os.Create(path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(p.bin, "run")
	cmd.Env, cmd.Stdout, cmd.Stderr = p.env, f, f
	if err := cmd.Start(); err != nil {
		p.t.Fatalf("start the bot: %v", err)
	}
	p.cmd = cmd
	p.logs = append(p.logs, path)
}

// kill sends SIGKILL and reaps the process.
func (p *botProcess) kill() {
	p.cmd.Process.Kill()
	p.cmd.Wait()
}

// stop sends SIGTERM and waits for a clean exit.
func (p *botProcess) stop() error {
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	p.cmd.Process.Signal(syscall.SIGTERM)
	timer := time.NewTimer(15 * time.Second)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("exit: %w\n%s", err, p.tail())
		}
		return nil
	case <-timer.C:
		p.cmd.Process.Kill()
		<-done
		return fmt.Errorf("no exit within 15s of SIGTERM\n%s", p.tail())
	}
}

func (p *botProcess) cleanup() {
	if p.cmd != nil && p.cmd.ProcessState == nil {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	}
	if p.t.Failed() {
		p.t.Logf("log of the last run:\n%s", p.tail())
	}
}

func (p *botProcess) tail() string {
	if len(p.logs) == 0 {
		return ""
	}
	b, _ := os.ReadFile(p.logs[len(p.logs)-1])
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// checkLogs: no run logged an error or the token (complete lines only: a
// killed process may leave half a line).
func (p *botProcess) checkLogs() {
	p.t.Helper()
	for _, path := range p.logs {
		b, err := os.ReadFile(path)
		if err != nil {
			p.t.Fatal(err)
		}
		if strings.Contains(string(b), telegramtest.Token) {
			p.t.Errorf("%s: the token is in the log", filepath.Base(path))
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"level":"ERROR"`) {
				p.t.Errorf("%s: %s", filepath.Base(path), sc.Text())
			}
		}
	}
}

// crashMember is one member's registration script.
type crashMember struct {
	u           *telegramtest.User
	unit, join  string
	name, birth string
	skip        bool // skip the phone instead of sharing it
	updates     []int64
	mu          sync.Mutex
}

func (m *crashMember) sent(id int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.updates = append(m.updates, id)
}

// run registers: each action waits for the bot's answer to the previous
// one. Messages that do not match what the step waits for are repeats
// after a crash (checked at the end).
func (m *crashMember) run(ctx context.Context) error {
	u := m.u
	m.sent(u.Send("/start " + m.join).UpdateID)
	consent, err := find(ctx, u, crashConsent)
	if err != nil {
		return err
	}
	if err := m.press(consent, "✅ Đồng ý"); err != nil {
		return err
	}
	if _, err := find(ctx, u, crashAskName); err != nil {
		return err
	}
	m.sent(u.Send(m.name).UpdateID)
	if _, err := find(ctx, u, crashAskBirth); err != nil {
		return err
	}
	m.sent(u.Send(m.birth).UpdateID)
	if _, err := find(ctx, u, crashAskPhone); err != nil {
		return err
	}
	if m.skip {
		m.sent(u.Send("Bỏ qua").UpdateID)
	} else {
		m.sent(u.ShareContact().UpdateID)
	}
	summary, err := find(ctx, u, crashSummary)
	if err != nil {
		return err
	}
	if err := m.press(summary, "✅ Xác nhận"); err != nil {
		return err
	}
	if _, err := find(ctx, u, crashSubmitted); err != nil {
		return err
	}
	_, err = find(ctx, u, crashApproved)
	return err
}

func (m *crashMember) press(msg *telegramtest.Message, button string) error {
	cb, err := m.u.PressE(msg, button)
	if err != nil {
		return err
	}
	m.sent(cb.UpdateID)
	return nil
}

// find waits for the user's next bot message containing substr, skipping
// others.
func find(ctx context.Context, u *telegramtest.User, substr string) (*telegramtest.Message, error) {
	for {
		m, err := u.Receive(ctx)
		if err != nil {
			return nil, fmt.Errorf("waiting for %q: %w\n%s", substr, err, u.Transcript())
		}
		if strings.Contains(m.Snapshot().Text, substr) {
			return m, nil
		}
	}
}

func mustFind(ctx context.Context, t *testing.T, u *telegramtest.User, substr string) *telegramtest.Message {
	t.Helper()
	m, err := find(ctx, u, substr)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// payload is the start parameter of the t.me link in text.
func payload(t *testing.T, text string) string {
	t.Helper()
	_, rest, ok := strings.Cut(text, "?start=")
	if !ok {
		t.Fatalf("no link in %q", text)
	}
	return strings.Fields(rest)[0]
}

// pressLog records the secretaries' presses of Approve.
type pressLog struct {
	mu     sync.Mutex
	cbs    []*telegramtest.Callback
	member map[string]int64 // callback query id → the member it approves
}

func (l *pressLog) add(cb *telegramtest.Callback, member int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cbs = append(l.cbs, cb)
	l.member[cb.ID] = member
}

func (l *pressLog) allAnswered() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, cb := range l.cbs {
		if _, _, ok := cb.Answered(); !ok {
			return false
		}
	}
	return true
}

func (l *pressLog) memberOf(queryID string) (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	id, ok := l.member[queryID]
	return id, ok
}

// approveAll approves n registrations once each, as a secretary does: a
// request sent alone with its Approve button, the ones coalesced into the
// live summary from its "Xem từng lượt" page (opened again whenever the
// summary changed). A member's registration is never pressed twice.
func approveAll(ctx context.Context, srv *telegramtest.Server, sec *telegramtest.User, n int, log *pressLog) error {
	approved := map[int64]bool{}
	opened := map[int]string{} // summary message → its text when its page was asked for
	press := func(m *telegramtest.Message, data string, id int64) {
		approved[id] = true
		log.add(sec.PressData(m, data), id)
	}
	for len(approved) < n {
		ch := srv.Changed()
		progressed, pageOpen := false, false
		var summary *telegramtest.Message
		var summaryText string
		for _, m := range sec.Messages() {
			snap := m.Snapshot()
			if len(snap.Buttons) == 0 || len(snap.Buttons[0]) == 0 {
				continue
			}
			switch data := snap.Buttons[0][0].Data; {
			case strings.Contains(snap.Text, crashRequest) && !strings.HasPrefix(data, "sm:"):
				id, err := strconv.ParseInt(strings.Split(data, ":")[1], 10, 64)
				if err != nil {
					return fmt.Errorf("approve button %q: %w", data, err)
				}
				if !approved[id] {
					press(m, data, id)
					progressed = true
				}
			case strings.HasPrefix(data, "sm:all:reg:"):
				summary, summaryText = m, snap.Text
			case strings.HasPrefix(data, "sm:ok:reg:"): // a page of "Xem từng lượt"
				for _, row := range snap.Buttons {
					d := row[0].Data
					if !strings.HasPrefix(d, "sm:ok:reg:") {
						continue
					}
					id, err := strconv.ParseInt(strings.Split(d, ":")[4], 10, 64)
					if err != nil {
						return fmt.Errorf("page button %q: %w", d, err)
					}
					if !approved[id] {
						press(m, d, id)
						progressed, pageOpen = true, true
					}
				}
			}
		}
		// A new page when the summary changed and no page waits for a
		// decision shown on it (a second page of the same list would
		// repeat the first).
		if summary != nil && !progressed && !pageOpen && opened[summary.ID] != summaryText {
			if snap := summary.Snapshot(); len(snap.Buttons) > 0 && len(snap.Buttons[0]) > 1 {
				opened[summary.ID] = summaryText
				sec.PressData(summary, snap.Buttons[0][1].Data) // Xem từng lượt
				progressed = true
			}
		}
		if progressed {
			continue
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("%d of %d approved: %w\n%s", len(approved), n, ctx.Err(), sec.Transcript())
		}
	}
	return nil
}

// waitCalls waits until the double has answered n more calls; false if
// stop closes or ctx ends first.
func waitCalls(ctx context.Context, srv *telegramtest.Server, n int, stop <-chan struct{}) bool {
	target := len(srv.Calls()) + n
	return waitUntil(ctx, srv, func() bool { return len(srv.Calls()) >= target }, stop)
}

// waitUntil waits until cond holds, re-checking on every change of the
// double; false if stop closes (nil: never) or ctx ends first.
func waitUntil(ctx context.Context, srv *telegramtest.Server, cond func() bool, stop <-chan struct{}) bool {
	for {
		ch := srv.Changed()
		if cond() {
			return true
		}
		select {
		case <-ch:
		case <-stop:
			return false
		case <-ctx.Done():
			return false
		}
	}
}

// waitCond waits until cond holds, re-checking on every change of the
// double.
func waitCond(ctx context.Context, srv *telegramtest.Server, cond func() bool) error {
	if !waitUntil(ctx, srv, cond, nil) {
		return ctx.Err()
	}
	return nil
}

// settle waits until the double has been still for 20 ms (at most 1 s):
// requests the killed process sent just before dying are answered.
func settle(srv *telegramtest.Server) {
	deadline := time.NewTimer(time.Second)
	defer deadline.Stop()
	for {
		ch := srv.Changed()
		quiet := time.NewTimer(20 * time.Millisecond)
		select {
		case <-ch:
			quiet.Stop()
		case <-quiet.C:
			return
		case <-deadline.C:
			quiet.Stop()
			return
		}
	}
}

// sent is a message Telegram accepted: its parameters and when the request
// arrived.
type sent struct {
	content string
	at      time.Time
}

// messagesTo returns each sendMessage Telegram accepted, per chat, in order.
func messagesTo(calls []telegramtest.Call) map[int64][]sent {
	out := map[int64][]sent{}
	for _, c := range calls {
		if c.Method == "sendMessage" && c.Status == 200 {
			out[c.Chat] = append(out[c.Chat], sent{c.Params["text"] + "\x00" + c.Params["reply_markup"], c.Time})
		}
	}
	return out
}

// checkSeen opens the database a stopped (or killed) bot left and checks
// that everything a user saw is there: a member's progress at least what
// the last message they received proves, an approval the secretary was
// told of applied.
func checkSeen(t *testing.T, path string, calls []telegramtest.Call, members []*crashMember, presses *pressLog) (submitted, approved int) {
	t.Helper()
	if err := storage.Verify(path); err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	seen := map[int64]int{}
	for _, c := range calls {
		if c.Status != 200 {
			continue
		}
		switch c.Method {
		case "sendMessage":
			for _, s := range crashSteps {
				if stepSays(c.Params["text"], s.text) {
					seen[c.Chat] = max(seen[c.Chat], s.level)
				}
			}
		case "answerCallbackQuery":
			if id, ok := presses.memberOf(c.Params["callback_query_id"]); ok && strings.Contains(c.Params["text"], crashDecided) {
				seen[id] = levelApproved
			}
		}
	}
	db, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatalf("after the crash: %v", err)
	}
	defer db.Close()
	err = db.View(func(tx *storage.Tx) error {
		for _, m := range members {
			got, err := storedLevel(tx, m.u.ID)
			if err != nil {
				return err
			}
			want := seen[m.u.ID]
			if got < want {
				t.Errorf("%s saw progress %d, the database holds %d: an answered update was lost", m.u, want, got)
			}
			if want >= levelPending {
				submitted++
			}
			if want >= levelApproved {
				approved++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return submitted, approved
}

// storedLevel is a registration's progress in the database.
func storedLevel(tx *storage.Tx, id int64) (int, error) {
	m, err := tx.Member(id)
	switch {
	case err == nil && m.Status == youthbot.StatusApproved:
		return levelApproved, nil
	case err == nil && m.Status == youthbot.StatusPending:
		return levelPending, nil
	case err == nil:
		return 0, fmt.Errorf("member %d: unexpected status %s", id, m.Status)
	case youthbot.ErrorCode(err) != youthbot.ENOTFOUND:
		return 0, err
	}
	d, found, err := tx.Dialog(id)
	if err != nil || !found {
		return levelNone, err
	}
	step := map[string]int{"consent": levelConsent, "name": levelName, "birth": levelBirth, "phone": levelPhone, "confirm": levelConfirm}[d.Step]
	if step == 0 {
		return 0, fmt.Errorf("user %d: unexpected dialog %s/%s", id, d.Name, d.Step)
	}
	return step, nil
}

// checkFinal checks the database after the last, clean stop: every member
// stored once, approved by their branch's secretary, with what they
// entered; every update applied; no dialog, nothing left in the outbox.
func checkFinal(t *testing.T, path string, members []*crashMember, secretaries map[string]*telegramtest.User) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *storage.Tx) error {
		byUnit := map[string]map[int64]int{}
		for code := range secretaries {
			ms, err := tx.MembersOf(code)
			if err != nil {
				return err
			}
			byUnit[code] = map[int64]int{}
			for _, m := range ms {
				byUnit[code][m.UserID]++
			}
		}
		total := 0
		for _, ids := range byUnit {
			total += len(ids)
		}
		if total != len(members) {
			t.Errorf("the unit index holds %d members, want %d", total, len(members))
		}
		for _, cm := range members {
			if n := byUnit[cm.unit][cm.u.ID]; n != 1 {
				t.Errorf("%s is %d times in the index of %s, want once", cm.u, n, cm.unit)
			}
			m, err := tx.Member(cm.u.ID)
			if err != nil {
				t.Errorf("%s: %v", cm.u, err)
				continue
			}
			phone := cm.u.Phone
			if cm.skip {
				phone = ""
			}
			if m.Unit != cm.unit || m.FullName != cm.name || m.Birth.String() != cm.birth || m.Phone != phone ||
				m.Status != youthbot.StatusApproved || m.DecidedBy != secretaries[cm.unit].ID {
				t.Errorf("%s stored as %+v, want %s %q %s phone %q approved by %d", cm.u, m, cm.unit, cm.name, cm.birth, phone, secretaries[cm.unit].ID)
			}
			if _, found, _ := tx.Dialog(cm.u.ID); found {
				t.Errorf("%s still has a dialog", cm.u)
			}
			cm.mu.Lock()
			for _, id := range cm.updates {
				if !tx.UpdateSeen(int(id)) {
					t.Errorf("%s: update %d never applied", cm.u, id)
				}
			}
			cm.mu.Unlock()
		}
		out, err := tx.Outbox()
		if err != nil {
			return err
		}
		if len(out) != 0 {
			t.Errorf("%d message(s) left in the outbox after a clean stop", len(out))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkTranscripts checks what each chat received. A message Telegram
// accepted is sent again after a crash only if the crash came before the
// bot recorded it as delivered: such a repeat is identical and comes right
// after it, as the chat's first message after the restart. Removing those
// repeats, each member must have been answered exactly once per step, in
// order, and each secretary must have had one request per member.
func checkTranscripts(t *testing.T, calls []telegramtest.Call, members []*crashMember, secretaries map[string]*telegramtest.User, perBranch map[string]int, restarts []time.Time) {
	t.Helper()
	msgs := messagesTo(calls)
	dedupe := func(chat int64, who string) []string {
		var out []string
		repeated := map[int]bool{} // restarts after which the chat had a repeat
		for i, m := range msgs[chat] {
			if i == 0 || m.content != msgs[chat][i-1].content {
				out = append(out, m.content)
				continue
			}
			if strings.Contains(m.content, `"callback_data":"sm:ok:reg:`) {
				// A page of "Xem từng lượt" asked for again while the
				// summary caught up with the same state (its edits are
				// spaced): two presses, two answers, not a repeated send.
				continue
			}
			k := slices.IndexFunc(restarts, func(k time.Time) bool { return msgs[chat][i-1].at.Before(k) && k.Before(m.at) })
			switch {
			case k < 0:
				t.Errorf("%s: message %d repeats the one before it with no crash between: %q\n%s", who, i+1, m.content, timeline(msgs[chat], restarts))
			case repeated[k]:
				t.Errorf("%s: two repeats after crash %d: %q", who, k+1, m.content)
			}
			repeated[k] = true
		}
		return out
	}
	for _, cm := range members {
		got := dedupe(cm.u.ID, cm.u.String())
		ok := len(got) == len(crashSteps)
		for i := 0; ok && i < len(got); i++ {
			ok = stepSays(got[i], crashSteps[i].text)
		}
		if !ok {
			var want []string
			for _, s := range crashSteps {
				want = append(want, s.text)
			}
			t.Errorf("%s was answered:\n%s\nwant, once each and in order:\n%s", cm.u, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for code, sec := range secretaries {
		// A registration comes alone when nothing else waits, else it
		// joins the secretary's live summary (bot/requests).
		requests, summaries := 0, 0
		for _, m := range dedupe(sec.ID, sec.String()) {
			switch {
			case strings.Contains(m, crashRequest):
				requests++
			case strings.Contains(m, "đăng ký chờ duyệt") && !strings.Contains(m, "Trang "):
				summaries++
			}
		}
		if requests < 1 || requests > perBranch[code] || requests < perBranch[code] && summaries == 0 {
			t.Errorf("%s got %d approval requests alone and %d summaries, for %d registrations", sec, requests, summaries, perBranch[code])
		}
	}
	// Repeats of edits and answers meet "not modified" and "query is too
	// old": at most one edit per chat after each crash. Anything else
	// refused is a bug.
	type window struct {
		chat int64
		run  int
	}
	repeats := map[window]int{}
	for _, c := range calls {
		if c.Status == 200 || c.Method == "getUpdates" || cutByKill(c.Description, c.Time, restarts) {
			continue
		}
		if !strings.Contains(c.Description, "message is not modified") && !strings.Contains(c.Description, "query is too old") {
			t.Errorf("%s to chat %d refused: %d %s", c.Method, c.Chat, c.Status, c.Description)
			continue
		}
		if c.Chat == 0 { // answerCallbackQuery names no chat
			continue
		}
		w := window{c.Chat, runOf(c.Time, restarts)}
		if repeats[w]++; repeats[w] > 1 || w.run == 0 {
			t.Errorf("%s to chat %d repeated (%d in run %d): %s", c.Method, c.Chat, repeats[w], w.run+1, c.Description)
		}
	}
}

// runOf is the run a request arrived in: how many restarts came before it.
func runOf(at time.Time, restarts []time.Time) int {
	n := 0
	for _, k := range restarts {
		if k.Before(at) {
			n++
		}
	}
	return n
}

// timeline shows a chat's messages and the crashes in time order.
func timeline(msgs []sent, restarts []time.Time) string {
	var b strings.Builder
	k := 0
	for i, m := range msgs {
		for ; k < len(restarts) && restarts[k].Before(m.at); k++ {
			fmt.Fprintf(&b, "  %s restart after crash %d\n", restarts[k].Format("15:04:05.000000"), k+1)
		}
		text, _, _ := strings.Cut(m.content, "\n")
		fmt.Fprintf(&b, "  %s #%d %.60q\n", m.at.Format("15:04:05.000000"), i+1, text)
	}
	return b.String()
}

// checkPresses: every Approve was answered as an approval, never as "already
// handled" (which a second application of the press would say).
func checkPresses(t *testing.T, presses *pressLog) {
	t.Helper()
	presses.mu.Lock()
	defer presses.mu.Unlock()
	for _, cb := range presses.cbs {
		text, alert, ok := cb.Answered()
		if !ok || alert || !strings.Contains(text, crashDecided) {
			t.Errorf("Approve (%s) answered %q (alert %v, answered %v), want %q", cb.Data, text, alert, ok, crashDecided)
		}
	}
}

// TestCutByKill holds which refusals a kill excuses: both ways the double
// reports a request a killed process did not finish, only near a start.
func TestCutByKill(t *testing.T) {
	start := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	restarts := []time.Time{start, start.Add(time.Minute)}
	tests := []struct {
		name        string
		description string
		at          time.Time
		want        bool
	}{
		{"unreadable before the last start", "can't read the request: EOF", start.Add(30 * time.Second), true},
		{"ended early before the last start", "Bad Request: the request ended early", start.Add(30 * time.Second), true},
		{"ended early soon after the last start", "Bad Request: the request ended early", start.Add(65 * time.Second), true},
		{"ended early long after the last start", "Bad Request: the request ended early", start.Add(5 * time.Minute), false},
		{"another refusal", "Bad Request: message text is empty", start.Add(30 * time.Second), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cutByKill(tt.description, tt.at, restarts); got != tt.want {
				t.Errorf("cutByKill(%q) = %v, want %v", tt.description, got, tt.want)
			}
		})
	}
	if cutByKill("Bad Request: the request ended early", start, nil) {
		t.Error("a cut request with no kill is excused")
	}
}
