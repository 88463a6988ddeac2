// Command procbench measures the youthbot binary as a process, for the
// bench script: start-up time on a database of N members, the reply time of
// a first message, idle memory (RSS) and shutdown time. The bot runs
// against a Telegram stand-in (bot/telegramtest) in this process, so
// nothing leaves the machine.
//
// It prints one line per measurement: name, value, unit, target, separated
// by tabs.
//
//	go run ./internal/tools/procbench -bin ./youthbot -members 100000
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/demo"
	"youthbot/storage"
	"youthbot/unitcsv"
)

func main() {
	bin := flag.String("bin", "", "the youthbot binary to measure (required)")
	members := flag.Int("members", 100_000, "approved members in the database the bot starts on")
	idle := flag.Duration("idle", 5*time.Second, "how long the bot idles before its memory is read")
	runs := flag.Int("runs", 5, "start-ups measured (the median is reported)")
	dir := flag.String("dir", "", "work directory (default: a new temporary one, removed at the end)")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "procbench: -bin is required")
		os.Exit(2)
	}
	if err := run(*bin, *members, max(*runs, 1), *idle, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "procbench:", err)
		os.Exit(1)
	}
}

func run(bin string, members, runs int, idle time.Duration, dir string) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "procbench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	dbPath := filepath.Join(dir, "youthbot.db")
	seedStart := time.Now()
	if err := seed(dbPath, members); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	fi, err := os.Stat(dbPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "procbench: %d members seeded in %v (%.1f MB)\n", members, time.Since(seedStart).Round(time.Millisecond), float64(fi.Size())/1e6)

	var violations atomic.Int32
	srv := telegramtest.NewServer(telegramtest.Options{OnViolation: func(string) { violations.Add(1) }})
	defer srv.Close()

	// Start-up and shutdown vary with what else the machine does: the
	// median of several runs; the last one also idles for the memory.
	var startups, shutdowns []time.Duration
	var last measures
	for i := range runs {
		m, err := measure(bin, dir, dbPath, srv, i == runs-1, idle)
		if err != nil {
			return err
		}
		startups, shutdowns = append(startups, m.startup), append(shutdowns, m.shutdown)
		last = m
	}
	row := func(name string, value float64, unit, target string) {
		fmt.Printf("%s\t%s\t%s\t%s\n", name, strconv.FormatFloat(value, 'f', 1, 64), unit, target)
	}
	row(fmt.Sprintf("start-up on %s members, exec to taking updates (median of %d)", thousands(members), runs), ms(median(startups)), "ms", "≤ 200 ms")
	row("first reply after start-up (message to answer delivered)", ms(last.reply), "ms", "")
	row(fmt.Sprintf("idle RSS after %v", idle), float64(last.mem.rss)/1024, "MB", "≤ 30 MB")
	row("  of which heap and stacks (RssAnon)", float64(last.mem.anon)/1024, "MB", "")
	row("  of which the mapped binary and files (RssFile)", float64(last.mem.file)/1024, "MB", "")
	row("    of which the database file", float64(last.mem.db)/1024, "MB", "")
	row("peak RSS (start-up included)", float64(last.mem.hwm)/1024, "MB", "")
	row(fmt.Sprintf("shutdown, SIGTERM to exit (median of %d)", runs), ms(median(shutdowns)), "ms", "")
	if n := violations.Load(); n > 0 {
		return fmt.Errorf("%d calls Telegram would refuse", n)
	}
	return nil
}

type measures struct {
	startup, reply, shutdown time.Duration
	mem                      memStatus
}

// measure runs the bot once: start-up, a first message and its answer,
// (with idle) its memory after idling, and SIGTERM.
func measure(bin, dir, dbPath string, srv *telegramtest.Server, withIdle bool, idle time.Duration) (measures, error) {
	var m measures
	cmd := exec.Command(bin, "run")
	cmd.Env = append(os.Environ(),
		"YOUTHBOT_TOKEN="+telegramtest.Token,
		"YOUTHBOT_API_ENDPOINT="+srv.Endpoint(),
		"YOUTHBOT_DB="+dbPath,
		"YOUTHBOT_HTTP=127.0.0.1:0", // as in the image: /healthz and /metrics served
		"YOUTHBOT_WEBHOOK_URL=",
	)
	logPath := filepath.Join(dir, "bot.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return m, err
	}
	defer logFile.Close()
	cmd.Stdout, cmd.Stderr = logFile, logFile
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	polls := count(srv, "deleteWebhook")
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return m, err
	}
	// The bot exiting (done closed, waitErr set) ends every wait on it.
	ctx, botGone := context.WithCancel(ctx)
	done := make(chan struct{})
	var waitErr error
	go func() {
		waitErr = cmd.Wait()
		close(done)
		botGone()
	}()
	defer func() {
		select {
		case <-done:
		default:
			cmd.Process.Kill()
			<-done
		}
	}()
	// Taking updates: Poll's first call is deleteWebhook.
	if err := waitFor(ctx, srv, done, func() bool { return count(srv, "deleteWebhook") > polls }); err != nil {
		return m, fmt.Errorf("start: %w (log %s)", err, logPath)
	}
	m.startup = time.Since(start)

	u := srv.NewUser("An", "vi")
	sent := time.Now()
	u.Send("/help")
	if _, err := u.Receive(ctx); err != nil {
		return m, fmt.Errorf("first reply: %w (log %s)", err, logPath)
	}
	m.reply = time.Since(sent)

	if withIdle {
		time.Sleep(idle) // the measure is the resting process
		if m.mem, err = memory(cmd.Process.Pid); err != nil {
			return m, err
		}
	}

	stopAt := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return m, err
	}
	select {
	case <-done:
		if waitErr != nil {
			return m, fmt.Errorf("exit after SIGTERM: %w (log %s)", waitErr, logPath)
		}
	case <-time.After(time.Minute):
		return m, fmt.Errorf("no exit within a minute of SIGTERM")
	}
	m.shutdown = time.Since(stopAt)
	return m, nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// seed writes a database with the demo units and n approved members spread
// over its branches.
func seed(path string, n int) error {
	db, err := storage.Open(path, storage.Options{NoSync: true})
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		return err
	}
	var branches []string
	err = db.Update(func(tx *storage.Tx) error {
		if _, _, err := tx.ImportUnits(rows); err != nil {
			return err
		}
		units, err := tx.Units()
		for _, u := range units {
			if u.Kind == youthbot.KindBranch {
				branches = append(branches, u.Code)
			}
		}
		return err
	})
	if err != nil {
		return err
	}
	joined := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	const perTx = 10_000
	for from := 0; from < n; from += perTx {
		err := db.Update(func(tx *storage.Tx) error {
			for i := from; i < min(from+perTx, n); i++ {
				m := youthbot.Member{
					UserID:       int64(1_000_000 + i),
					Unit:         branches[i%len(branches)],
					FullName:     fmt.Sprintf("Đoàn viên %d", i),
					Birth:        youthbot.DateOf(joined.AddDate(-20, 0, -i%3000), time.UTC),
					Phone:        fmt.Sprintf("+8490%07d", i),
					Status:       youthbot.StatusApproved,
					RegisteredAt: joined,
					DecidedAt:    joined,
				}
				if err := tx.PutMember(m); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return db.Bolt().Sync()
}

// waitFor waits until cond holds, re-checking at each change of the
// stand-in's state, or fails when the bot exits or ctx ends.
func waitFor(ctx context.Context, srv *telegramtest.Server, exited <-chan struct{}, cond func() bool) error {
	for {
		ch := srv.Changed()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-exited:
			return fmt.Errorf("the bot exited")
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// count counts the calls of method the stand-in answered.
func count(srv *telegramtest.Server, method string) int {
	n := 0
	for _, c := range srv.Calls() {
		if c.Method == method {
			n++
		}
	}
	return n
}

// memStatus is a process's memory, in kB, from /proc/PID/status, and the
// part of it that is the database file's pages (from /proc/PID/smaps).
type memStatus struct {
	rss, hwm, anon, file, db int64
}

// memory reads a process's memory.
func memory(pid int) (m memStatus, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return m, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			m.rss = n
		case "VmHWM":
			m.hwm = n
		case "RssAnon":
			m.anon = n
		case "RssFile":
			m.file = n
		}
	}
	if err := sc.Err(); err != nil {
		return m, err
	}
	m.db, err = mappedRSS(pid, ".db")
	return m, err
}

// mappedRSS sums the resident kB of the process's mappings of files whose
// name ends with suffix.
func mappedRSS(pid int, suffix string) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var sum int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) >= 6 && strings.HasSuffix(fields[len(fields)-1], suffix)
		case in && fields[0] == "Rss:":
			n, _ := strconv.ParseInt(fields[1], 10, 64)
			sum += n
		}
	}
	return sum, sc.Err()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
