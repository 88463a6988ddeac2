package youthbot_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The import rules of the module's layers, checked on what `go list`
// reports: the domain stays free of storage and Telegram, only the
// Telegram client and the bot talk the Bot API's types, and the outbox and
// the scheduler do not depend on the bot.
const (
	module   = "youthbot"
	tgbotapi = "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	bbolt    = "go.etcd.io/bbolt"
)

// listed is what `go list -json` says of one package.
type listed struct {
	ImportPath   string
	Imports      []string // direct, of the package's own files
	Deps         []string // every package its build needs, transitively
	TestImports  []string
	XTestImports []string
}

// listModule lists every package of the module.
func listModule(t *testing.T) map[string]listed {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to check the import rules: %v", err)
	}
	cmd := exec.Command(goTool, "list", "-json", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs := map[string]listed{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("decode go list: %v", err)
		}
		pkgs[p.ImportPath] = p
	}
	if _, ok := pkgs[module]; !ok {
		t.Fatalf("go list did not list %s (got %d packages)", module, len(pkgs))
	}
	return pkgs
}

// within reports whether path is pkg or one of its subpackages.
func within(path, pkg string) bool {
	return path == pkg || strings.HasPrefix(path, pkg+"/")
}

// importRules returns the breaches of the rules among pkgs, one line each.
func importRules(pkgs map[string]listed) []string {
	var bad []string
	// The domain builds without storage or Telegram (its build, tests
	// apart).
	for _, dep := range pkgs[module].Deps {
		if within(dep, bbolt) || within(dep, tgbotapi) {
			bad = append(bad, module+" (the domain) depends on "+dep)
		}
	}
	for path, p := range pkgs {
		// Only the Telegram client and the bot (its core, features and
		// test double) use go-telegram-bot-api, tests included.
		if !within(path, module+"/telegram") && !within(path, module+"/bot") {
			for _, imp := range slices.Concat(p.Imports, p.TestImports, p.XTestImports) {
				if within(imp, tgbotapi) {
					bad = append(bad, path+" imports "+imp)
				}
			}
		}
		// The outbox and the scheduler are built without the bot.
		if within(path, module+"/outbox") || within(path, module+"/scheduler") {
			for _, dep := range p.Deps {
				if within(dep, module+"/bot") {
					bad = append(bad, path+" depends on "+dep)
				}
			}
		}
		// The language forms (vn) build on nothing of the module but the
		// catalogs: the domain imports them, never the reverse. Neither
		// they nor the readers built on the domain (vnread) know the
		// database, its storage or Telegram.
		if within(path, module+"/vn") || within(path, module+"/vnread") {
			for _, dep := range p.Deps {
				switch {
				case within(dep, bbolt) || within(dep, tgbotapi) || within(dep, module+"/storage") || within(dep, module+"/bot"):
					bad = append(bad, path+" depends on "+dep)
				case within(path, module+"/vn") && within(dep, module) &&
					!within(dep, module+"/vn") && !within(dep, module+"/i18n"):
					bad = append(bad, path+" (the language forms) depends on "+dep)
				}
			}
		}
		// The bot's feature rooms (bot/<room>) do not depend on each
		// other: what two share lives in the core or in service/.
		if room := botRoom(path); room != "" {
			for _, dep := range p.Deps {
				if other := botRoom(dep); other != "" && other != room {
					bad = append(bad, path+" depends on "+dep)
				}
			}
		}
	}
	slices.Sort(bad)
	return slices.Compact(bad)
}

// botRoom names the feature room path belongs to (bot/<room>/...), or ""
// for the core, its test packages and what is not the bot.
func botRoom(path string) string {
	rest, ok := strings.CutPrefix(path, module+"/bot/")
	if !ok {
		return ""
	}
	room, _, _ := strings.Cut(rest, "/")
	switch room {
	case "bottest", "telegramtest", "internal":
		return ""
	}
	return room
}

func TestImportRules(t *testing.T) {
	pkgs := listModule(t)
	for _, want := range []string{module + "/telegram", module + "/outbox", module + "/scheduler", module + "/bot"} {
		if _, ok := pkgs[want]; !ok {
			t.Errorf("go list does not list %s: the rules about it check nothing", want)
		}
	}
	for _, b := range importRules(pkgs) {
		t.Error(b)
	}
}

// TestImportRulesCatchBreaches: each rule reports a package that breaks
// it, so that TestImportRules cannot pass for want of looking.
func TestImportRulesCatchBreaches(t *testing.T) {
	tests := []struct {
		name string
		pkg  listed
		want string
	}{
		{"DomainOnBbolt", listed{ImportPath: module, Deps: []string{bbolt}}, module + " (the domain) depends on " + bbolt},
		{"DomainOnTelegram", listed{ImportPath: module, Deps: []string{tgbotapi}}, module + " (the domain) depends on " + tgbotapi},
		{"StorageImportsTgbotapi", listed{ImportPath: module + "/storage", Imports: []string{tgbotapi}}, module + "/storage imports " + tgbotapi},
		{"ATestImportsTgbotapi", listed{ImportPath: module + "/scheduler", XTestImports: []string{tgbotapi}}, module + "/scheduler imports " + tgbotapi},
		{"OutboxOnBot", listed{ImportPath: module + "/outbox", Deps: []string{module + "/bot"}}, module + "/outbox depends on " + module + "/bot"},
		{"SchedulerOnABotPackage", listed{ImportPath: module + "/scheduler", Deps: []string{module + "/bot/telegramtest"}},
			module + "/scheduler depends on " + module + "/bot/telegramtest"},
		{"FormsOnTheDomain", listed{ImportPath: module + "/vn", Deps: []string{module + "/i18n", module}},
			module + "/vn (the language forms) depends on " + module},
		{"ReadersOnStorage", listed{ImportPath: module + "/vnread", Deps: []string{module, module + "/storage"}},
			module + "/vnread depends on " + module + "/storage"},
		{"RoomOnRoom", listed{ImportPath: module + "/bot/groups", Deps: []string{module + "/bot", module + "/bot/reports"}},
			module + "/bot/groups depends on " + module + "/bot/reports"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pkgs := map[string]listed{module: {ImportPath: module}, tt.pkg.ImportPath: tt.pkg}
			if got := importRules(pkgs); !slices.Contains(got, tt.want) {
				t.Errorf("got %q, want it to report %q", got, tt.want)
			}
		})
	}
	// What the rules allow.
	allowed := map[string]listed{
		module:                          {ImportPath: module, Deps: []string{"strings"}},
		module + "/telegram":            {ImportPath: module + "/telegram", Imports: []string{tgbotapi}},
		module + "/bot":                 {ImportPath: module + "/bot", Imports: []string{tgbotapi}},
		module + "/bot/telegramtest":    {ImportPath: module + "/bot/telegramtest", TestImports: []string{tgbotapi}},
		module + "/outbox":              {ImportPath: module + "/outbox", Deps: []string{module + "/telegram", tgbotapi}},
		module + "/scheduler":           {ImportPath: module + "/scheduler", Deps: []string{module + "/report"}},
		module + "/vn":                  {ImportPath: module + "/vn", Deps: []string{module + "/i18n", "strings"}},
		module + "/vnread":              {ImportPath: module + "/vnread", Deps: []string{module, module + "/vn"}},
		module + "/botanist":            {ImportPath: module + "/botanist"},
		module + "/scheduler/internals": {ImportPath: module + "/scheduler/internals", Deps: []string{module + "/bottle"}},
	}
	if got := importRules(allowed); len(got) != 0 {
		t.Errorf("allowed imports reported: %q", got)
	}
}
