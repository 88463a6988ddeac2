package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"youthbot/scheduler"
)

const testToken = "123456:AAE-secret_token"

// env returns a getenv over vars.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// parse runs parseArgs with a fresh flag set and the given environment.
func parse(tb testing.TB, vars map[string]string, args ...string) (Config, []string, error) {
	tb.Helper()
	return parseArgs(flag.NewFlagSet("test", flag.ContinueOnError), args, env(vars))
}

// mustParse is parse that fails the test on an error.
func mustParse(tb testing.TB, vars map[string]string, args ...string) (Config, []string) {
	tb.Helper()
	c, rest, err := parse(tb, vars, args...)
	if err != nil {
		tb.Fatalf("parseArgs(%q): %v", args, err)
	}
	return c, rest
}

// checkConfigError checks that err is a *ConfigError for the variable
// (empty: a command-line error) whose message contains msg.
func checkConfigError(tb testing.TB, err error, variable, msg string) {
	tb.Helper()
	var ce *ConfigError
	if !errors.As(err, &ce) {
		tb.Fatalf("got error %v (%T), want a *ConfigError", err, err)
	}
	if ce.Var != variable {
		tb.Errorf("got error for %q, want %q: %v", ce.Var, variable, err)
	}
	if variable != "" && !strings.HasPrefix(err.Error(), variable+" (--") {
		tb.Errorf("got %q, want it to start with %q", err, variable+" (--")
	}
	if !strings.Contains(err.Error(), msg) {
		tb.Errorf("got %q, want it to contain %q", err, msg)
	}
	if strings.Contains(err.Error(), "\n") {
		tb.Errorf("got a message of several lines: %q", err)
	}
	if strings.Contains(err.Error(), testToken) {
		tb.Errorf("got the token in the message: %q", err)
	}
}

func TestParseArgsDefaults(t *testing.T) {
	c, rest := mustParse(t, nil)
	if len(rest) != 0 {
		t.Errorf("got args %q, want none", rest)
	}
	want := Config{
		DB:          "youthbot.db",
		APIEndpoint: "https://api.telegram.org/bot%s/%s",
		TZName:      "Asia/Ho_Chi_Minh",
		Lang:        "vi",
		TallyCron:   "0 8 1 * *",
		SendRate:    25,
	}
	if c.TZ == nil || c.TZ.String() != "Asia/Ho_Chi_Minh" {
		t.Errorf("got TZ %v, want Asia/Ho_Chi_Minh", c.TZ)
	}
	c.TZ = nil
	if !equalConfig(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
	if _, off := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).In(mustParseTZ(t)).Zone(); off != 7*3600 {
		t.Errorf("got offset %d, want +7h", off)
	}
}

func mustParseTZ(tb testing.TB) *time.Location {
	tb.Helper()
	c, _ := mustParse(tb, nil)
	return c.TZ
}

// equalConfig compares configs but for TZ, which TZName names.
func equalConfig(a, b Config) bool {
	return a.Token == b.Token && a.DB == b.DB && a.APIEndpoint == b.APIEndpoint &&
		slices.Equal(a.Admins, b.Admins) && a.TZName == b.TZName && a.Lang == b.Lang &&
		a.TallyCron == b.TallyCron && a.SendRate == b.SendRate && a.HTTP == b.HTTP &&
		a.WebhookURL == b.WebhookURL && a.WebhookSecret == b.WebhookSecret
}

func TestParseArgsSources(t *testing.T) {
	allEnv := map[string]string{
		"YOUTHBOT_TOKEN":          testToken,
		"YOUTHBOT_DB":             "/data/y.db",
		"YOUTHBOT_API_ENDPOINT":   "http://127.0.0.1:8081/bot%s/%s",
		"YOUTHBOT_ADMINS":         "111, 222",
		"YOUTHBOT_TZ":             "UTC",
		"YOUTHBOT_LANG":           "en",
		"YOUTHBOT_TALLY_CRON":     "@every 10s",
		"YOUTHBOT_SEND_RATE":      "5.5",
		"YOUTHBOT_HTTP":           ":8080",
		"YOUTHBOT_WEBHOOK_URL":    "https://bot.example.org/hook",
		"YOUTHBOT_WEBHOOK_SECRET": "s3cr-et_",
	}
	fromEnv := Config{
		Token: testToken, DB: "/data/y.db", APIEndpoint: "http://127.0.0.1:8081/bot%s/%s",
		Admins: []int64{111, 222}, TZName: "UTC", Lang: "en", TallyCron: "@every 10s", SendRate: 5.5,
		HTTP: ":8080", WebhookURL: "https://bot.example.org/hook", WebhookSecret: "s3cr-et_",
	}
	allFlags := []string{
		"--token", "999:flag", "--db", "flag.db", "--api-endpoint", "https://x.test/bot%s/%s",
		"--admins", "7", "--tz", "Asia/Bangkok", "--lang", "vi", "--tally-cron", "0 9 1 * *",
		"--send-rate", "30", "--http", "127.0.0.1:9090", "--webhook-url", "https://flag.test/h",
		"--webhook-secret", "flagsecret",
	}
	fromFlags := Config{
		Token: "999:flag", DB: "flag.db", APIEndpoint: "https://x.test/bot%s/%s",
		Admins: []int64{7}, TZName: "Asia/Bangkok", Lang: "vi", TallyCron: "0 9 1 * *", SendRate: 30,
		HTTP: "127.0.0.1:9090", WebhookURL: "https://flag.test/h", WebhookSecret: "flagsecret",
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want Config
	}{
		{"ReadsEveryEnvVar", allEnv, nil, fromEnv},
		{"ReadsEveryFlag", nil, allFlags, fromFlags},
		{"FlagBeatsEnvVar", allEnv, allFlags, fromFlags},
		{"SingleDashAndEqualsFlags", nil, []string{"-db=a.db", "--lang=en", "-send-rate", "2"}, Config{
			DB: "a.db", APIEndpoint: DefaultAPIEndpoint, TZName: DefaultTZ, Lang: "en", TallyCron: scheduler.DefaultTallyCron, SendRate: 2,
		}},
		{"TrimsAndLowercases", map[string]string{"YOUTHBOT_DB": " x.db ", "YOUTHBOT_LANG": " EN "}, nil, Config{
			DB: "x.db", APIEndpoint: DefaultAPIEndpoint, TZName: DefaultTZ, Lang: "en", TallyCron: scheduler.DefaultTallyCron, SendRate: DefaultSendRate,
		}},
		{"EmptyEnvVarMeansDefault", map[string]string{"YOUTHBOT_DB": "", "YOUTHBOT_SEND_RATE": " "}, nil, Config{
			DB: DefaultDB, APIEndpoint: DefaultAPIEndpoint, TZName: DefaultTZ, Lang: "vi", TallyCron: scheduler.DefaultTallyCron, SendRate: DefaultSendRate,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rest := mustParse(t, tt.env, tt.args...)
			if !equalConfig(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if got.TZ == nil || got.TZ.String() != tt.want.TZName {
				t.Errorf("got TZ %v, want %s", got.TZ, tt.want.TZName)
			}
			if len(rest) != 0 {
				t.Errorf("got args %q, want none", rest)
			}
		})
	}
}

func TestParseArgsPositionals(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		wantDB string
		want   []string
	}{
		{"FlagsBeforeArgs", []string{"--db", "x.db", "backup", "out.db"}, "x.db", []string{"backup", "out.db"}},
		{"FlagsAfterArgs", []string{"backup", "out.db", "--db", "x.db"}, "x.db", []string{"backup", "out.db"}},
		{"FlagsBetweenArgs", []string{"units", "--db=x.db", "import", "u.csv"}, "x.db", []string{"units", "import", "u.csv"}},
		{"DoubleDashEndsFlags", []string{"--db", "x.db", "backup", "--", "--db", "-o"}, "x.db", []string{"backup", "--db", "-o"}},
		{"FlagValueMayLookLikeAFlag", []string{"backup", "--db", "--", "out.db"}, "--", []string{"backup", "out.db"}},
		{"SingleDashIsAnArg", []string{"units", "import", "-"}, DefaultDB, []string{"units", "import", "-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, rest := mustParse(t, map[string]string{"YOUTHBOT_DB": "env.db"}, tt.args...)
			wantDB := tt.wantDB
			if wantDB == DefaultDB {
				wantDB = "env.db"
			}
			if c.DB != wantDB {
				t.Errorf("got DB %q, want %q", c.DB, wantDB)
			}
			if !slices.Equal(rest, tt.want) {
				t.Errorf("got args %q, want %q", rest, tt.want)
			}
		})
	}
}

func TestParseArgsCommandFlags(t *testing.T) {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	month := fs.String("month", "", "month `YYYY-MM`")
	out := fs.String("o", "", "output `FILE`")
	units := fs.Int("units", 0, "number of units")
	force := fs.Bool("force", false, "overwrite")
	c, rest, err := parseArgs(fs, []string{"report", "--month", "2024-03", "--force", "extra", "-o", "r.json", "--units=3", "--db", "x.db"}, env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if *month != "2024-03" || *out != "r.json" || *units != 3 || !*force || c.DB != "x.db" {
		t.Errorf("got month %q, o %q, units %d, force %v, db %q", *month, *out, *units, *force, c.DB)
	}
	if want := []string{"report", "extra"}; !slices.Equal(rest, want) {
		t.Errorf("got args %q, want %q", rest, want)
	}
}

func TestParseArgsErrors(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		variable string
		msg      string
	}{
		{"RejectsUnknownFlag", nil, []string{"run", "--nope"}, "", "flag provided but not defined: -nope"},
		{"RejectsFlagWithoutValue", nil, []string{"backup", "--db"}, "", "flag needs an argument"},
		{"RejectsBadCommandFlagValue", nil, []string{"--units", "many"}, "", `invalid value "many" for flag -units`},
		{"RejectsAdminsNotANumber", map[string]string{"YOUTHBOT_ADMINS": "abc"}, nil, "YOUTHBOT_ADMINS", `"abc" is not a Telegram user id`},
		{"RejectsAdminsFlagNotANumber", nil, []string{"--admins", "123,@bob"}, "YOUTHBOT_ADMINS", `"@bob" is not a Telegram user id`},
		{"RejectsAdminZero", map[string]string{"YOUTHBOT_ADMINS": "0"}, nil, "YOUTHBOT_ADMINS", `"0" is not a Telegram user id`},
		{"RejectsNegativeAdmin", map[string]string{"YOUTHBOT_ADMINS": "12,-5"}, nil, "YOUTHBOT_ADMINS", `"-5"`},
		{"RejectsAdminsWithSpaceSeparator", map[string]string{"YOUTHBOT_ADMINS": "12 34"}, nil, "YOUTHBOT_ADMINS", `"12 34"`},
		{"RejectsAdminTooBig", map[string]string{"YOUTHBOT_ADMINS": "99999999999999999999"}, nil, "YOUTHBOT_ADMINS", "not a Telegram user id"},
		{"RejectsUnknownTZ", map[string]string{"YOUTHBOT_TZ": "Asia/Saigon_City"}, nil, "YOUTHBOT_TZ", `"Asia/Saigon_City" is not a known time zone`},
		{"RejectsEmptyTZFlag", nil, []string{"--tz", ""}, "YOUTHBOT_TZ", "empty"},
		{"RejectsSendRateNotANumber", map[string]string{"YOUTHBOT_SEND_RATE": "fast"}, nil, "YOUTHBOT_SEND_RATE", `"fast" is not a number`},
		{"RejectsSendRateNaN", map[string]string{"YOUTHBOT_SEND_RATE": "NaN"}, nil, "YOUTHBOT_SEND_RATE", "not a number"},
		{"RejectsSendRateInf", map[string]string{"YOUTHBOT_SEND_RATE": "+Inf"}, nil, "YOUTHBOT_SEND_RATE", "not a number"},
		{"RejectsSendRateZero", map[string]string{"YOUTHBOT_SEND_RATE": "0"}, nil, "YOUTHBOT_SEND_RATE", "out of range"},
		{"RejectsSendRateNegative", nil, []string{"--send-rate=-1"}, "YOUTHBOT_SEND_RATE", "out of range"},
		{"RejectsSendRateOver1000", map[string]string{"YOUTHBOT_SEND_RATE": "1000.5"}, nil, "YOUTHBOT_SEND_RATE", "at most 1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flag.NewFlagSet("test", flag.ContinueOnError)
			fs.Int("units", 0, "number of units")
			_, _, err := parseArgs(fs, tt.args, env(tt.env))
			checkConfigError(t, err, tt.variable, tt.msg)
		})
	}
}

func TestParseArgsValues(t *testing.T) {
	t.Run("AcceptsAdminsWithSpacesAndDuplicates", func(t *testing.T) {
		c, _ := mustParse(t, map[string]string{"YOUTHBOT_ADMINS": " 123, 456 ,,123, "})
		if want := []int64{123, 456}; !slices.Equal(c.Admins, want) {
			t.Errorf("got %v, want %v", c.Admins, want)
		}
	})
	t.Run("AcceptsSendRateBounds", func(t *testing.T) {
		for _, s := range []string{"0.5", "1000", "1e3"} {
			if _, _, err := parse(t, map[string]string{"YOUTHBOT_SEND_RATE": s}); err != nil {
				t.Errorf("send rate %q: got %v, want no error", s, err)
			}
		}
	})
	t.Run("ReturnsErrHelp", func(t *testing.T) {
		for _, a := range []string{"-h", "--help", "-help"} {
			if _, _, err := parse(t, nil, "report", a); !errors.Is(err, flag.ErrHelp) {
				t.Errorf("%s: got %v, want flag.ErrHelp", a, err)
			}
		}
	})
	t.Run("PrintsNothingItself", func(t *testing.T) {
		var out bytes.Buffer
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(&out)
		parseArgs(fs, []string{"--nope", "--help"}, env(map[string]string{"YOUTHBOT_TOKEN": testToken}))
		if out.Len() != 0 {
			t.Errorf("got output %q, want none", out.String())
		}
	})
}

func TestValidate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "youthbot.db")
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		cmd      string
		env      map[string]string
		variable string // empty: valid
		msg      string
	}{
		{"AcceptsRunWithToken", "run", map[string]string{"YOUTHBOT_TOKEN": testToken}, "", ""},
		{"RejectsRunWithoutToken", "run", nil, "YOUTHBOT_TOKEN", "not set"},
		{"AcceptsConsoleWithoutToken", "console", nil, "", ""},
		{"AcceptsBackupWithoutToken", "backup", nil, "", ""},
		{"RejectsTokenWithSpace", "run", map[string]string{"YOUTHBOT_TOKEN": "123:ab cd"}, "YOUTHBOT_TOKEN", "not allowed in a URL"},
		{"RejectsTokenWithSlash", "run", map[string]string{"YOUTHBOT_TOKEN": "123:ab/" + testToken}, "YOUTHBOT_TOKEN", "not allowed in a URL"},
		{"AcceptsLangEn", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_LANG": "EN"}, "", ""},
		{"RejectsUnknownLang", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_LANG": "fr"}, "YOUTHBOT_LANG", `"fr" is not a language`},
		{"AcceptsCronEvery", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_TALLY_CRON": "@every 10s"}, "", ""},
		{"AcceptsCronMonthly", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_TALLY_CRON": "@monthly"}, "", ""},
		{"RejectsCronOutOfRange", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_TALLY_CRON": "61 8 1 * *"}, "YOUTHBOT_TALLY_CRON", `"61 8 1 * *" is not a cron schedule`},
		{"RejectsCronWords", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_TALLY_CRON": "monthly"}, "YOUTHBOT_TALLY_CRON", "not a cron schedule"},
		{"RejectsCronWithSeconds", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_TALLY_CRON": "0 0 8 1 * *"}, "YOUTHBOT_TALLY_CRON", "not a cron schedule"},
		{"AcceptsLocalEndpoint", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_API_ENDPOINT": "http://127.0.0.1:8081/bot%s/%s"}, "", ""},
		{"AcceptsEndpointWithEscapedPercent", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_API_ENDPOINT": "https://x.test/a%%20b/bot%s/%s"}, "", ""},
		{"RejectsEndpointWithOneVerb", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_API_ENDPOINT": "https://api.telegram.org/bot%s"}, "YOUTHBOT_API_ENDPOINT", "exactly two %s"},
		{"RejectsEndpointWithOtherVerb", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_API_ENDPOINT": "https://x.test/bot%d/%s/%s"}, "YOUTHBOT_API_ENDPOINT", "exactly two %s"},
		{"RejectsEndpointNotHTTP", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_API_ENDPOINT": "api.telegram.org/bot%s/%s"}, "YOUTHBOT_API_ENDPOINT", "not an http or https URL"},
		{"AcceptsHTTPAddr", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_HTTP": ":8080"}, "", ""},
		{"AcceptsHTTPHostAddr", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_HTTP": "127.0.0.1:0"}, "", ""},
		{"RejectsHTTPPortOnly", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_HTTP": "8080"}, "YOUTHBOT_HTTP", `"8080" is not a listen address`},
		{"RejectsHTTPPortOutOfRange", "run", map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_HTTP": ":99999"}, "YOUTHBOT_HTTP", "not a listen address"},
		{"AcceptsWebhook", "run", webhookEnv(nil), "", ""},
		{"AcceptsLocalHTTPWebhook", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_URL": "http://127.0.0.1:8443/hook"}), "", ""},
		{"AcceptsLocalhostHTTPWebhook", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_URL": "http://localhost/hook"}), "", ""},
		{"RejectsHTTPWebhook", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_URL": "http://bot.example.org/hook"}), "YOUTHBOT_WEBHOOK_URL", "must be an https URL"},
		{"RejectsWebhookNotAURL", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_URL": "bot.example.org/hook"}), "YOUTHBOT_WEBHOOK_URL", "is not a URL"},
		{"RejectsWebhookWithoutHTTP", "run", webhookEnv(map[string]string{"YOUTHBOT_HTTP": ""}), "YOUTHBOT_WEBHOOK_URL", "needs YOUTHBOT_HTTP (--http)"},
		{"RejectsWebhookWithoutSecret", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_SECRET": ""}), "YOUTHBOT_WEBHOOK_SECRET", "not set"},
		{"RejectsSecretWithBadCharacter", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_SECRET": "abc!def"}), "YOUTHBOT_WEBHOOK_SECRET", "1-256 characters"},
		{"RejectsSecretTooLong", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_SECRET": strings.Repeat("a", 257)}), "YOUTHBOT_WEBHOOK_SECRET", "1-256 characters"},
		{"AcceptsSecretOfMaxLength", "run", webhookEnv(map[string]string{"YOUTHBOT_WEBHOOK_SECRET": strings.Repeat("a", 256)}), "", ""},
		{"RejectsMissingDBDirectory", "units import", map[string]string{"YOUTHBOT_DB": filepath.Join(dir, "nope", "y.db")}, "YOUTHBOT_DB", "does not exist"},
		{"RejectsDBUnderAFile", "restore", map[string]string{"YOUTHBOT_DB": filepath.Join(file, "y.db")}, "YOUTHBOT_DB", "does not exist"},
		{"RejectsDBThatIsADirectory", "seed", map[string]string{"YOUTHBOT_DB": dir}, "YOUTHBOT_DB", "is a directory"},
		{"ReportOnlyReadsTheDB", "report", map[string]string{"YOUTHBOT_DB": filepath.Join(dir, "nope", "y.db")}, "", ""},
		{"BackupOnlyReadsTheDB", "backup", map[string]string{"YOUTHBOT_DB": filepath.Join(dir, "nope", "y.db")}, "", ""},
		{"HealthcheckSkipsDB", "healthcheck", map[string]string{"YOUTHBOT_DB": filepath.Join(dir, "nope", "y.db")}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vars := map[string]string{"YOUTHBOT_DB": db}
			for k, v := range tt.env {
				vars[k] = v
			}
			c, _ := mustParse(t, vars)
			err := c.validate(tt.cmd)
			if tt.variable == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			checkConfigError(t, err, tt.variable, tt.msg)
			if s := vars["YOUTHBOT_WEBHOOK_SECRET"]; s != "" && strings.Contains(err.Error(), s) {
				t.Errorf("got the webhook secret in %q", err)
			}
		})
	}
	t.Run("LeavesNoProbeFile", func(t *testing.T) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Name() != "file" {
				t.Errorf("got file %s left in the database directory", e.Name())
			}
		}
	})
	t.Run("RejectsReadOnlyDBDirectory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root may write to a read-only directory")
		}
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		c, _ := mustParse(t, map[string]string{"YOUTHBOT_DB": filepath.Join(ro, "y.db")})
		checkConfigError(t, c.validate("run"), "YOUTHBOT_TOKEN", "not set")
		checkConfigError(t, c.validate("backup"), "YOUTHBOT_DB", "is not writable")
	})
}

// webhookEnv returns a valid webhook-mode environment changed by over.
func webhookEnv(over map[string]string) map[string]string {
	vars := map[string]string{
		"YOUTHBOT_TOKEN":          testToken,
		"YOUTHBOT_HTTP":           ":8443",
		"YOUTHBOT_WEBHOOK_URL":    "https://bot.example.org/telegram",
		"YOUTHBOT_WEBHOOK_SECRET": "Abc_123-xyz",
	}
	for k, v := range over {
		vars[k] = v
	}
	return vars
}

func TestConfigErrorFormat(t *testing.T) {
	_, _, err := parse(t, map[string]string{"YOUTHBOT_ADMINS": "abc"})
	got := "youthbot: " + err.Error()
	want := `youthbot: YOUTHBOT_ADMINS (--admins): "abc" is not a Telegram user id`
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want it to start with %q", got, want)
	}
}

func TestUsage(t *testing.T) {
	vars := map[string]string{"YOUTHBOT_TOKEN": testToken, "YOUTHBOT_WEBHOOK_SECRET": "hushhush"}
	t.Run("ListsCommandsAndEveryFlag", func(t *testing.T) {
		var out bytes.Buffer
		usage(&out, "", nil, env(vars))
		got := out.String()
		for _, want := range []string{
			"run", "console", "units import", "report", "backup", "seed", "restore", "healthcheck",
			"--month YYYY-MM", "--units N",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("usage lacks %q:\n%s", want, got)
			}
		}
		for _, s := range settings {
			if !strings.Contains(got, "--"+s.flag+" ") || !strings.Contains(got, s.env) {
				t.Errorf("usage lacks --%s or %s", s.flag, s.env)
			}
		}
		for _, want := range []string{`"youthbot.db"`, `"Asia/Ho_Chi_Minh"`, `"0 8 1 * *"`, `"25"`, `"vi"`, `"https://api.telegram.org/bot%s/%s"`, "now set"} {
			if !strings.Contains(got, want) {
				t.Errorf("usage lacks default %s:\n%s", want, got)
			}
		}
	})
	t.Run("NeverPrintsSecrets", func(t *testing.T) {
		var out bytes.Buffer
		fs := flag.NewFlagSet("run", flag.ContinueOnError)
		if _, _, err := parseArgs(fs, nil, env(vars)); err != nil {
			t.Fatal(err)
		}
		usage(&out, "run", fs, env(vars))
		fs.SetOutput(&out)
		fs.PrintDefaults()
		if got := out.String(); strings.Contains(got, testToken) || strings.Contains(got, "hushhush") {
			t.Errorf("usage shows a secret:\n%s", got)
		}
	})
	t.Run("ShowsUnsetToken", func(t *testing.T) {
		var out bytes.Buffer
		usage(&out, "run", nil, env(nil))
		if !strings.Contains(out.String(), "now unset") {
			t.Errorf("usage does not say the token is unset:\n%s", out.String())
		}
	})
	t.Run("ListsCommandFlags", func(t *testing.T) {
		fs := flag.NewFlagSet("report", flag.ContinueOnError)
		fs.String("month", "", "month `YYYY-MM` of the tally")
		fs.String("format", "text", "output `FORMAT`: text, json, csv or xlsx")
		fs.String("o", "", "write to `FILE` instead of standard output")
		if _, _, err := parseArgs(fs, nil, env(nil)); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		usage(&out, "report", fs, env(nil))
		got := out.String()
		for _, want := range []string{"Usage: youthbot report", "Flags of report:", "--month YYYY-MM", "--format FORMAT", `(default "text")`, "-o FILE"} {
			if !strings.Contains(got, want) {
				t.Errorf("usage lacks %q:\n%s", want, got)
			}
		}
		if strings.Count(got, "--db PATH") != 1 {
			t.Errorf("usage lists --db other than once:\n%s", got)
		}
	})
	t.Run("ShowsUnitsImport", func(t *testing.T) {
		var out bytes.Buffer
		usage(&out, "units", nil, nil)
		if !strings.Contains(out.String(), "Usage: youthbot units import [flags] FILE.csv") {
			t.Errorf("got:\n%s", out.String())
		}
	})
}
