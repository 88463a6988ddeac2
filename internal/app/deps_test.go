package app_test

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// The proofs of the architecture, on what `go list` reports of the module
// as it is built: the domain, its services and its language forms (vn,
// vnread) know neither the database nor Telegram, only the Telegram
// client, the bot and its test double talk the Bot API's types, the outbox
// and the scheduler are built without the bot, the parts of storage know
// neither Telegram nor the bot, and no feature room depends on another.

const (
	tgbotapi = "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	bbolt    = "go.etcd.io/bbolt"
)

// goList runs go list with args and returns its output's lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

func within(path, pkg string) bool { return path == pkg || strings.HasPrefix(path, pkg+"/") }

// room names the feature room of path (youthbot/bot/<room>/...), or "" for
// the core, its shared internal packages, the harnesses and the double.
func room(path string) string {
	rest, ok := strings.CutPrefix(path, "youthbot/bot/")
	if !ok {
		return ""
	}
	r, _, _ := strings.Cut(rest, "/")
	switch r {
	case "bottest", "telegramtest", "internal":
		return ""
	}
	return r
}

func TestDomainAndServicesKnowNeitherBboltNorTelegram(t *testing.T) {
	for _, pkg := range []string{"youthbot", "youthbot/service", "youthbot/vn", "youthbot/vnread"} {
		deps := goList(t, "-deps", pkg)
		if len(deps) < 2 {
			t.Fatalf("go list -deps %s listed %d packages", pkg, len(deps))
		}
		for _, dep := range deps {
			if within(dep, bbolt) || within(dep, tgbotapi) || within(dep, "youthbot/storage") || within(dep, "youthbot/bot") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}

// pkgFormat is one line a package for goList: the package, then its
// direct imports (tests' included) and its build's dependencies.
const pkgFormat = `{{.ImportPath}}|{{join .Imports " "}} {{join .TestImports " "}} {{join .XTestImports " "}}|{{join .Deps " "}}`

func TestOnlyTelegramAndTheBotImportTgbotapi(t *testing.T) {
	seen := map[string]bool{}
	for _, line := range goList(t, "-f", pkgFormat, "youthbot/...") {
		path, rest, _ := strings.Cut(line, "|")
		imports, deps, _ := strings.Cut(rest, "|")
		seen[path] = true
		if !within(path, "youthbot/telegram") && !within(path, "youthbot/bot") {
			for _, imp := range strings.Fields(imports) {
				if within(imp, tgbotapi) {
					t.Errorf("%s imports %s", path, imp)
				}
			}
		}
		if within(path, "youthbot/outbox") || within(path, "youthbot/scheduler") {
			for _, dep := range strings.Fields(deps) {
				if within(dep, "youthbot/bot") {
					t.Errorf("%s depends on %s", path, dep)
				}
			}
		}
		if r := room(path); r != "" {
			for _, dep := range strings.Fields(deps) {
				if other := room(dep); other != "" && other != r {
					t.Errorf("room %s depends on room %s (%s)", path, other, dep)
				}
			}
		}
	}
	// The rules check something: the packages they are about exist.
	for _, want := range []string{"youthbot/telegram", "youthbot/bot", "youthbot/outbox", "youthbot/scheduler",
		"youthbot/bot/membership", "youthbot/bot/participation", "youthbot/bot/projects", "youthbot/bot/activities",
		"youthbot/bot/reports", "youthbot/bot/groups", "youthbot/bot/targets", "youthbot/bot/requests", "youthbot/bot/telegramtest"} {
		if !seen[want] {
			t.Errorf("go list does not list %s: the rules about it check nothing", want)
		}
	}
}

func TestStoragePartsKnowNeitherTelegramNorTheBot(t *testing.T) {
	parts := 0
	for _, line := range goList(t, "-f", pkgFormat, "youthbot/storage/...") {
		path, rest, _ := strings.Cut(line, "|")
		_, deps, _ := strings.Cut(rest, "|")
		if !within(path, "youthbot/storage/internal") {
			continue
		}
		parts++
		for _, dep := range strings.Fields(deps) {
			if within(dep, tgbotapi) || within(dep, "youthbot/telegram") || within(dep, "youthbot/bot") {
				t.Errorf("%s depends on %s", path, dep)
			}
		}
	}
	if parts == 0 {
		t.Errorf("go list lists no package under youthbot/storage/internal: the rule checks nothing")
	}
}

func TestRoomNames(t *testing.T) {
	for path, want := range map[string]string{
		"youthbot/bot": "", "youthbot/bot/groups": "groups", "youthbot/bot/projects/x": "projects",
		"youthbot/bot/internal/harness": "", "youthbot/bot/telegramtest": "", "youthbot/bot/bottest": "", "youthbot/outbox": "",
	} {
		if got := room(path); got != want {
			t.Errorf("room(%q) = %q, want %q", path, got, want)
		}
	}
}
