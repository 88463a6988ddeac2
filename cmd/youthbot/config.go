package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Ho_Chi_Minh also in a distroless image

	"github.com/robfig/cron/v3"

	"youthbot"
	"youthbot/internal/app"
	"youthbot/scheduler"
)

// Config is the configuration every command shares, from the YOUTHBOT_*
// environment variables and the flags of the same name (a flag beats its
// variable). parseArgs fills it; validate checks it for a command.
type Config struct {
	Token       string // Telegram bot token; never logged or printed
	DB          string // path of the bbolt file
	APIEndpoint string // Bot API URL format with two %s: token, method
	Admins      []int64
	TZ          *time.Location // loaded from TZName
	TZName      string
	Lang        string  // default language: "vi" or "en"
	TallyCron   string  // monthly tally schedule, robfig/cron syntax
	SendRate    float64 // outgoing messages per second, all chats together
	HTTP        string  // listen address for /healthz, /metrics and the webhook; empty: off

	WebhookURL    string // public https URL Telegram posts updates to; empty: long polling
	WebhookSecret string // secret token Telegram sends with each webhook request
}

// Defaults of the settings (docs/OPERATIONS.md lists them all).
const (
	DefaultDB          = "youthbot.db"
	DefaultAPIEndpoint = "https://api.telegram.org/bot%s/%s"
	DefaultTZ          = "Asia/Ho_Chi_Minh"
	DefaultLang        = youthbot.LangVI
	DefaultSendRate    = 25.0
	MaxSendRate        = app.MaxSendRate
)

// ConfigError is a configuration or command-line error: one line naming the
// environment variable and its flag. main prints it as "youthbot: <error>"
// and exits with status 2.
type ConfigError struct {
	Var  string // "YOUTHBOT_ADMINS"; empty for an error of the command line itself
	Flag string // "admins"
	Msg  string
}

// Error formats e as `YOUTHBOT_ADMINS (--admins): "abc" is not a Telegram user id`.
func (e *ConfigError) Error() string {
	if e.Var == "" {
		return e.Msg
	}
	return fmt.Sprintf("%s (--%s): %s", e.Var, e.Flag, e.Msg)
}

// setting is one configuration value: its flag, its environment variable,
// its default and how usage describes it.
type setting struct {
	flag, env, def string
	arg, help      string   // usage: the value's placeholder and meaning
	secret         bool     // never printed: usage shows only whether it is set
	notFor         []string // commands it does not apply to: their usage leaves it out
}

// settings lists the configuration every command takes, in usage order.
var settings = []setting{
	{flag: "token", env: "YOUTHBOT_TOKEN", arg: "TOKEN", help: "bot token from @BotFather; required for run", secret: true, notFor: consoleOwn},
	{flag: "db", env: "YOUTHBOT_DB", def: DefaultDB, arg: "PATH", help: "bbolt database file"},
	{flag: "api-endpoint", env: "YOUTHBOT_API_ENDPOINT", def: DefaultAPIEndpoint, arg: "URL", help: "Bot API URL format (token, method): a local Bot API server or a test double", notFor: consoleOwn},
	{flag: "admins", env: "YOUTHBOT_ADMINS", arg: "IDS", help: "comma-separated Telegram user ids of the admins", notFor: consoleOwn},
	{flag: "tz", env: "YOUTHBOT_TZ", def: DefaultTZ, arg: "ZONE", help: "time zone of dates and schedules"},
	{flag: "lang", env: "YOUTHBOT_LANG", def: DefaultLang, arg: "vi|en", help: "default language; users switch with /lang"},
	{flag: "tally-cron", env: "YOUTHBOT_TALLY_CRON", def: scheduler.DefaultTallyCron, arg: "SPEC", help: "monthly tally schedule (cron, @every 10s allowed)"},
	{flag: "send-rate", env: "YOUTHBOT_SEND_RATE", def: strconv.FormatFloat(DefaultSendRate, 'g', -1, 64), arg: "N", help: "outgoing messages per second, all chats together"},
	{flag: "http", env: "YOUTHBOT_HTTP", arg: "ADDR", help: "address for /healthz, /metrics and the webhook, like :8080; empty: off", notFor: consoleOwn},
	{flag: "webhook-url", env: "YOUTHBOT_WEBHOOK_URL", arg: "URL", help: "public https URL for webhook mode; empty: long polling", notFor: consoleOwn},
	{flag: "webhook-secret", env: "YOUTHBOT_WEBHOOK_SECRET", arg: "SECRET", help: "secret token webhook requests must carry (1-256 of A-Z a-z 0-9 _ -)", secret: true, notFor: consoleOwn},
}

// consoleOwn: the console sets these itself (a stand-in Telegram, its own
// admin, no port).
var consoleOwn = []string{"console"}

// consoleDefaults are the console's own defaults of settings, as usage
// shows them.
var consoleDefaults = map[string]string{
	"db":         "default: a temporary database, removed at the end",
	"tally-cron": "default: none, so no tally is pushed at start; .tally pushes one",
}

// lookupSetting returns the setting of a flag name.
func lookupSetting(flagName string) setting {
	for _, s := range settings {
		if s.flag == flagName {
			return s
		}
	}
	panic("config: no setting " + flagName)
}

// settingError returns a *ConfigError for the setting of flagName.
func settingError(flagName, format string, args ...any) *ConfigError {
	s := lookupSetting(flagName)
	return &ConfigError{Var: s.env, Flag: s.flag, Msg: fmt.Sprintf(format, args...)}
}

// secretValue is a string flag whose value String never shows, so that no
// flag package output can print a token.
type secretValue struct{ s *string }

func (v secretValue) String() string     { return "" }
func (v secretValue) Set(s string) error { *v.s = s; return nil }

// parseArgs parses a command's arguments with fs, on which the caller has
// registered the command's own flags; it adds the flags of every setting,
// defaulting to getenv's YOUTHBOT_* variables, then to the settings' defaults.
// Flags may come before or after the positional arguments, which it returns;
// "--" ends the flags. It returns flag.ErrHelp for -h or --help and a
// *ConfigError for anything else wrong.
func parseArgs(fs *flag.FlagSet, args []string, getenv func(string) string) (Config, []string, error) {
	raw := make(map[string]*string, len(settings))
	for _, s := range settings {
		v := new(string)
		*v = s.def
		if e := strings.TrimSpace(getenv(s.env)); e != "" {
			*v = e
		}
		raw[s.flag] = v
		if s.secret {
			fs.Var(secretValue{v}, s.flag, s.help)
		} else {
			fs.StringVar(v, s.flag, *v, s.help)
		}
	}
	fs.SetOutput(io.Discard) // errors come back as one line; usage prints help
	fs.Usage = func() {}

	flags, positional := splitArgs(fs, args)
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, nil, flag.ErrHelp
		}
		return Config{}, nil, &ConfigError{Msg: err.Error()}
	}
	positional = append(fs.Args(), positional...) // empty unless a flag value ran out

	get := func(name string) string { return strings.TrimSpace(*raw[name]) }
	c := Config{
		Token:         get("token"),
		DB:            get("db"),
		APIEndpoint:   get("api-endpoint"),
		TZName:        get("tz"),
		Lang:          strings.ToLower(get("lang")),
		TallyCron:     get("tally-cron"),
		HTTP:          get("http"),
		WebhookURL:    get("webhook-url"),
		WebhookSecret: get("webhook-secret"),
	}
	var err error
	if c.Admins, err = parseAdmins(get("admins")); err != nil {
		return Config{}, nil, err
	}
	if c.TZ, err = loadTZ(c.TZName); err != nil {
		return Config{}, nil, err
	}
	if c.SendRate, err = parseSendRate(get("send-rate")); err != nil {
		return Config{}, nil, err
	}
	return c, positional, nil
}

// splitArgs separates flags (with their values) from positional arguments
// so that flags may follow them: "backup out.db --db x".
func splitArgs(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if strings.Contains(name, "=") {
				continue
			}
			if f := fs.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
				i++
				flags = append(flags, args[i])
			}
		default:
			positional = append(positional, a)
		}
	}
	return flags, positional
}

// isBoolFlag reports whether f takes no value, like a flag.Bool.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// parseAdmins reads comma-separated positive Telegram user ids.
func parseAdmins(s string) ([]int64, error) {
	var ids []int64
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil || id <= 0 {
			return nil, settingError("admins", "%q is not a Telegram user id (a positive number; separate ids with commas)", part)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// loadTZ loads a time zone by its IANA name.
func loadTZ(name string) (*time.Location, error) {
	if name == "" {
		return nil, settingError("tz", "empty: name a time zone such as %s", DefaultTZ)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, settingError("tz", "%q is not a known time zone (such as %s)", name, DefaultTZ)
	}
	return loc, nil
}

// parseSendRate reads messages per second, more than 0 and at most 1000.
func parseSendRate(s string) (float64, error) {
	r, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0, settingError("send-rate", "%q is not a number of messages per second", s)
	}
	if r <= 0 || r > MaxSendRate {
		return 0, settingError("send-rate", "%s is out of range: more than 0 and at most %g messages per second", s, MaxSendRate)
	}
	return r, nil
}

// validate checks c for the command cmd ("run", "console", "units",
// "report", "backup", "restore", "seed", "healthcheck") and returns the
// first problem as a *ConfigError. run needs the token; every command but
// healthcheck needs a database path in a writable directory.
func (c *Config) validate(cmd string) error {
	if cmd == "run" && c.Token == "" {
		return settingError("token", "not set: the bot needs the token @BotFather gave you")
	}
	if c.Token != "" && strings.ContainsFunc(c.Token, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune("/?#%", r)
	}) {
		return settingError("token", "contains a space or a character not allowed in a URL path")
	}
	if err := checkEndpoint(c.APIEndpoint); err != nil {
		return err
	}
	if !youthbot.ValidLang(c.Lang) {
		return settingError("lang", "%q is not a language of the bot: use vi or en", c.Lang)
	}
	if _, err := cron.ParseStandard(c.TallyCron); err != nil {
		return settingError("tally-cron", "%q is not a cron schedule (like %q or @every 10s): %v", c.TallyCron, scheduler.DefaultTallyCron, err)
	}
	if err := checkListenAddr(c.HTTP); err != nil {
		return err
	}
	if err := c.checkWebhook(); err != nil {
		return err
	}
	switch cmd {
	case "healthcheck", "report", "backup":
		// They only read the database (or ask the running bot): it may
		// live on a read-only mount.
	default:
		if err := checkDBPath(c.DB); err != nil {
			return err
		}
	}
	return nil
}

// checkEndpoint checks a Bot API URL format: an http(s) URL with two %s.
func checkEndpoint(format string) error {
	bad := func(why string) error {
		return settingError("api-endpoint", "%q %s: give a URL format with %%s for the token and %%s for the method, like %s", format, why, DefaultAPIEndpoint)
	}
	unescaped := strings.ReplaceAll(format, "%%", "")
	if strings.Count(unescaped, "%s") != 2 || strings.Count(unescaped, "%") != 2 {
		return bad("does not have exactly two %s")
	}
	u, err := url.Parse(fmt.Sprintf(format, "TOKEN", "getMe"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return bad("is not an http or https URL")
	}
	return nil
}

// checkListenAddr checks a host:port address to listen on, or "" for off.
func checkListenAddr(addr string) error {
	if addr == "" {
		return nil
	}
	_, port, err := net.SplitHostPort(addr)
	if err == nil {
		var n int
		n, err = strconv.Atoi(port)
		if err == nil && (n < 0 || n > 65535) {
			err = errors.New("port out of range")
		}
	}
	if err != nil {
		return settingError("http", "%q is not a listen address like :8080 or 127.0.0.1:8080", addr)
	}
	return nil
}

// checkWebhook checks webhook mode: an https URL (http only on the local
// host, for tests), a listen address and a secret token.
func (c *Config) checkWebhook() error {
	if c.WebhookSecret != "" && !validSecret(c.WebhookSecret) {
		return settingError("webhook-secret", "must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	if c.WebhookURL == "" {
		return nil
	}
	u, err := url.Parse(c.WebhookURL)
	if err != nil || u.Host == "" || u.User != nil {
		return settingError("webhook-url", "%q is not a URL like https://bot.example.org/telegram", c.WebhookURL)
	}
	local := u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1" || u.Hostname() == "::1"
	if u.Scheme != "https" && !(u.Scheme == "http" && local) {
		return settingError("webhook-url", "%q must be an https URL: Telegram sends webhooks over https only", c.WebhookURL)
	}
	if c.HTTP == "" {
		return settingError("webhook-url", "webhook mode needs YOUTHBOT_HTTP (--http), the address to receive Telegram's requests on")
	}
	if p := webhookPath(c.WebhookURL); p == pathHealthz || p == pathReadyz || p == pathMetrics {
		return settingError("webhook-url", "the path %s is taken by the bot's own endpoint: choose another, preferably hard to guess", p)
	}
	if c.WebhookSecret == "" {
		return settingError("webhook-secret", "not set: webhook mode needs a secret so that requests not from Telegram are refused")
	}
	return nil
}

// validSecret reports whether s is a valid Telegram webhook secret token.
func validSecret(s string) bool {
	if len(s) < 1 || len(s) > 256 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
		default:
			return false
		}
	}
	return true
}

// checkDBPath checks that the database's directory exists and is writable,
// by creating and removing a file there.
func checkDBPath(path string) error {
	if path == "" {
		return settingError("db", "empty: give the path of the database file")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return settingError("db", "%q is a directory: give the path of the database file in it", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return settingError("db", "directory %q does not exist", dir)
	}
	f, err := os.CreateTemp(dir, ".youthbot-check-*")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return settingError("db", "directory %q is not writable: %v", dir, err)
	}
	f.Close()
	os.Remove(f.Name())
	return nil
}

// LogValue shows c in logs without its secrets, as the app logs it.
func (c Config) LogValue() slog.Value { return c.app().LogValue() }

func setOrUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return "set"
}
