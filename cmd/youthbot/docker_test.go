package main

import (
	"bufio"
	"bytes"
	"debug/elf"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"youthbot/bot/telegramtest"
	"youthbot/demo"
	"youthbot/storage"
)

// No Docker engine here: the image is checked by reading its Dockerfile,
// and the binary it builds is built the same way and run as the image runs
// it: static, as the nonroot user, with only /data writable.

// dockerInstruction is one instruction of a Dockerfile, continuation lines
// joined.
type dockerInstruction struct {
	stage int    // index of the FROM it belongs to
	cmd   string // upper case: FROM, RUN, ENV...
	args  string
	line  int
}

// parseDockerfile reads instructions: comments and blank lines are skipped,
// a trailing backslash continues the line (comment lines inside a
// continuation are dropped, as BuildKit does).
func parseDockerfile(data string) ([]dockerInstruction, error) {
	var out []dockerInstruction
	stage := -1
	var cur strings.Builder
	start := 0
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if cur.Len() == 0 {
			start = n
		}
		if cont, ok := strings.CutSuffix(line, `\`); ok {
			cur.WriteString(strings.TrimSpace(cont) + " ")
			continue
		}
		cur.WriteString(line)
		full := strings.TrimSpace(cur.String())
		cur.Reset()
		cmd, args, _ := strings.Cut(full, " ")
		cmd = strings.ToUpper(cmd)
		if cmd == "FROM" {
			stage++
		}
		if stage < 0 {
			return nil, fmt.Errorf("line %d: %s before FROM", start, cmd)
		}
		out = append(out, dockerInstruction{stage: stage, cmd: cmd, args: strings.TrimSpace(args), line: start})
	}
	if cur.Len() > 0 {
		return nil, fmt.Errorf("line %d: continuation at the end of the file", start)
	}
	return out, sc.Err()
}

// execForm decodes a JSON array argument (["/youthbot", "run"]).
func execForm(args string) ([]string, bool) {
	var v []string
	if json.Unmarshal([]byte(args), &v) != nil {
		return nil, false
	}
	return v, true
}

// envPairs reads ENV key=value pairs (quotes removed).
func envPairs(args string) map[string]string {
	out := map[string]string{}
	for _, f := range strings.Fields(args) {
		k, v, ok := strings.Cut(f, "=")
		if ok {
			out[k] = strings.Trim(v, `"'`)
		}
	}
	return out
}

func readDockerfile(t *testing.T) []dockerInstruction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	ins, err := parseDockerfile(string(data))
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	return ins
}

func TestDockerfile(t *testing.T) {
	ins := readDockerfile(t)
	last := ins[len(ins)-1].stage
	final := func(cmd string) []dockerInstruction {
		var out []dockerInstruction
		for _, i := range ins {
			if i.stage == last && i.cmd == cmd {
				out = append(out, i)
			}
		}
		return out
	}
	if last < 1 {
		t.Fatalf("got %d stage(s), want a build stage and a run stage", last+1)
	}

	t.Run("BuildsAStaticBinary", func(t *testing.T) {
		var build string
		for _, i := range ins {
			if i.stage < last && i.cmd == "RUN" && strings.Contains(i.args, "go build") {
				build = i.args
			}
		}
		if build == "" {
			t.Fatal("no RUN go build in a build stage")
		}
		if !strings.Contains(build, "CGO_ENABLED=0") {
			t.Errorf("go build without CGO_ENABLED=0: %s", build)
		}
		if !strings.Contains(build, "./cmd/youthbot") {
			t.Errorf("go build does not build ./cmd/youthbot: %s", build)
		}
	})

	var binary string
	t.Run("RunsFromDistrolessStatic", func(t *testing.T) {
		from := final("FROM")[0].args
		if !strings.HasPrefix(from, "gcr.io/distroless/static") {
			t.Errorf("final stage FROM %s, want gcr.io/distroless/static", from)
		}
		for _, c := range final("COPY") {
			f := strings.Fields(c.args)
			if slices.ContainsFunc(f, func(s string) bool { return strings.HasPrefix(s, "--from=") }) && strings.HasSuffix(f[len(f)-2], "/youthbot") {
				binary = f[len(f)-1]
			}
		}
		if binary == "" {
			t.Fatal("the final stage copies no youthbot binary")
		}
	})

	t.Run("RunsAsNonRoot", func(t *testing.T) {
		users := final("USER")
		if len(users) == 0 {
			t.Fatal("no USER in the final stage: the image would run as root")
		}
		user, _, _ := strings.Cut(users[len(users)-1].args, ":")
		if user == "root" || user == "0" || user == "" {
			t.Errorf("USER %s, want a non-root user", users[len(users)-1].args)
		}
	})

	env := map[string]string{}
	for _, e := range final("ENV") {
		for k, v := range envPairs(e.args) {
			env[k] = v
		}
	}
	t.Run("KeepsTheDatabaseOnTheDataVolume", func(t *testing.T) {
		var volumes []string
		for _, v := range final("VOLUME") {
			if list, ok := execForm(v.args); ok {
				volumes = append(volumes, list...)
			} else {
				volumes = append(volumes, strings.Fields(v.args)...)
			}
		}
		if !slices.Contains(volumes, "/data") {
			t.Errorf("VOLUME %v, want /data", volumes)
		}
		if env["YOUTHBOT_DB"] != "/data/youthbot.db" {
			t.Errorf("ENV YOUTHBOT_DB=%q, want /data/youthbot.db", env["YOUTHBOT_DB"])
		}
		owned := false
		for _, c := range final("COPY") {
			if strings.Contains(c.args, "--chown=65532:65532") && strings.HasSuffix(c.args, " /data") {
				owned = true
			}
		}
		if !owned {
			t.Error("/data is not created owned by nonroot (65532): the bot could not write its database")
		}
	})

	t.Run("HealthcheckRunsTheBinary", func(t *testing.T) {
		hc := final("HEALTHCHECK")
		if len(hc) != 1 {
			t.Fatalf("got %d HEALTHCHECK, want 1", len(hc))
		}
		_, cmd, ok := strings.Cut(hc[0].args, "CMD ")
		argv, exec := execForm(strings.TrimSpace(cmd))
		if !ok || !exec || len(argv) < 2 || argv[0] != binary || argv[1] != "healthcheck" {
			t.Errorf("HEALTHCHECK %s, want CMD [%q, \"healthcheck\"] (exec form: distroless has no shell)", hc[0].args, binary)
		}
		if ep := final("ENTRYPOINT"); len(ep) == 0 || !strings.Contains(ep[0].args, binary) {
			t.Errorf("ENTRYPOINT is not the binary %s", binary)
		}
	})

	t.Run("ExposesTheHTTPPort", func(t *testing.T) {
		addr := env["YOUTHBOT_HTTP"]
		if addr == "" {
			t.Skip("YOUTHBOT_HTTP not set in the image: healthcheck uses the control socket")
		}
		if err := checkListenAddr(addr); err != nil {
			t.Fatal(err)
		}
		_, port, _ := strings.Cut(addr, ":")
		var exposed []string
		for _, e := range final("EXPOSE") {
			exposed = append(exposed, strings.Fields(e.args)...)
		}
		if !slices.Contains(exposed, port) && !slices.Contains(exposed, port+"/tcp") {
			t.Errorf("EXPOSE %v, want %s", exposed, port)
		}
	})
}

func TestParseDockerfile(t *testing.T) {
	ins, err := parseDockerfile("# c\nFROM a AS b\nRUN x \\\n  # inner\n  y\n\nfrom c\nENV A=1 \\\n    B=2\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []dockerInstruction{
		{0, "FROM", "a AS b", 2}, {0, "RUN", "x y", 3}, {1, "FROM", "c", 7}, {1, "ENV", "A=1 B=2", 8},
	}
	if !slices.Equal(ins, want) {
		t.Errorf("got %+v, want %+v", ins, want)
	}
	if _, err := parseDockerfile("RUN x\n"); err == nil {
		t.Error("got no error for RUN before FROM")
	}
}

// nonrootUID is distroless's nonroot user.
const nonrootUID = 65532

// TestImageBinaryNeedsOnlyData builds the binary as the Dockerfile does and
// runs it as the image would: static, as the nonroot user when the test
// runs as root, with the working directory, HOME and TMPDIR read-only and
// only the data directory writable. It imports units, runs the bot against
// the Telegram double, asks healthcheck (through /healthz) and backup while
// it runs, and stops it with SIGTERM.
func TestImageBinaryNeedsOnlyData(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped under -short")
	}
	t.Cleanup(func() { goleak.VerifyNone(t, goleak.IgnoreCurrent()) })
	root := t.TempDir()
	bin := filepath.Join(root, "youthbot")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Run("IsStatic", func(t *testing.T) {
		f, err := elf.Open(bin)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, p := range f.Progs {
			if p.Type == elf.PT_INTERP {
				t.Error("the binary has a PT_INTERP: it needs a dynamic loader distroless/static lacks")
			}
		}
		if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
			t.Errorf("the binary needs shared libraries %v", libs)
		}
	})

	data := filepath.Join(root, "data")
	ro := filepath.Join(root, "ro")
	for _, d := range []string{data, ro} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	csv := filepath.Join(ro, "units.csv")
	if err := os.WriteFile(csv, []byte(demo.UnitsCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		// Root writes anywhere: run as the image's user, for whom only
		// data is writable.
		cred = &syscall.Credential{Uid: nonrootUID, Gid: nonrootUID}
		if err := os.Chown(data, nonrootUID, nonrootUID); err != nil {
			t.Fatal(err)
		}
		for _, d := range []string{root, filepath.Dir(root)} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	srv := telegramtest.New(t)
	dbPath := filepath.Join(data, "youthbot.db")
	envv := []string{
		"HOME=" + ro, "TMPDIR=" + ro, "PATH=/nonexistent",
		"YOUTHBOT_DB=" + dbPath, "YOUTHBOT_TOKEN=" + telegramtest.Token,
		"YOUTHBOT_API_ENDPOINT=" + srv.Endpoint(), "YOUTHBOT_SEND_RATE=1000",
	}
	command := func(args ...string) *exec.Cmd {
		c := exec.Command(bin, args...)
		c.Dir, c.Env = ro, envv
		if cred != nil {
			c.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		}
		return c
	}
	runOK := func(args ...string) string {
		t.Helper()
		out, err := command(args...).CombinedOutput()
		if err != nil {
			t.Fatalf("youthbot %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}

	runOK("units", "import", csv)

	bot := command("run")
	bot.Env = append(bot.Env, "YOUTHBOT_HTTP=127.0.0.1:0")
	var logs bytes.Buffer
	stderr, err := bot.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := bot.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logs.Write(append(sc.Bytes(), '\n'))
			var l struct{ Msg, Addr string }
			if json.Unmarshal(sc.Bytes(), &l) == nil && l.Msg == "serving HTTP" {
				addr <- l.Addr
			}
		}
		exited <- bot.Wait()
	}()
	stopped := false
	t.Cleanup(func() {
		if !stopped {
			bot.Process.Kill()
			<-exited
		}
	})
	var httpAddr string
	select {
	case httpAddr = <-addr:
	case err := <-exited:
		stopped = true
		t.Fatalf("youthbot run exited: %v\n%s", err, logs.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("youthbot run did not serve HTTP within 10 s")
	}
	an := srv.NewUser("An", "vi")
	an.Send("/help")
	an.Next(t)

	envv = append(envv, "YOUTHBOT_HTTP="+httpAddr)
	if out := runOK("healthcheck"); out != "healthy\n" {
		t.Errorf("healthcheck: got %q, want healthy", out)
	}
	backup := filepath.Join(data, "backup.db")
	runOK("backup", backup)
	if err := storage.Verify(backup); err != nil {
		t.Errorf("backup: %v", err)
	}

	if err := bot.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Errorf("youthbot run ended with %v after SIGTERM\n%s", err, logs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("youthbot run did not stop within 15 s of SIGTERM")
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("the bot logged errors:\n%s", logs.String())
	}

	var names []string
	for _, d := range []string{data, ro} {
		entries, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			names = append(names, filepath.Base(d)+"/"+e.Name())
		}
	}
	want := []string{"data/backup.db", "data/youthbot.db", "ro/units.csv"}
	if !slices.Equal(names, want) {
		t.Errorf("got files %v, want %v", names, want)
	}
	if cred != nil {
		fi, err := os.Stat(dbPath)
		if err != nil {
			t.Fatal(err)
		}
		if st := fi.Sys().(*syscall.Stat_t); st.Uid != nonrootUID {
			t.Errorf("the database belongs to uid %d, want %d", st.Uid, nonrootUID)
		}
	}
}
