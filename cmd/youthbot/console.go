package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/demo"
	"youthbot/internal/app"
	"youthbot/scheduler"
	"youthbot/storage"
	"youthbot/unitcsv"
)

const consoleHelp = `Type a message as the current user (commands too: /start, /help, /pending...).
  1, 2, ...        press button N of the last message with buttons
  .say TEXT        send TEXT as it is, even a bare number (.say 20); "20" in quotes does the same
  .codes           the demo's invite links (fixed: the same in every run)
  .group           go into the demo group (made once; you become its admin): try /linkgroup, /tally
  .private         back to the private chat with the bot
  .tally           push last month's tally now, as the 1st of the month does (secretaries, linked groups)
  .as NAME         switch user: an (a visitor), hoa (branch secretary), admin, or any new name
  .users           list the users
  .contact         share your own phone number (the contact button)
  .contact-of NAME share someone else's contact
  .photo CAPTION   send a photo with a caption
  .block / .unblock  block or unblock the bot as the current user
  .help            this help;  .quit (or Ctrl-D) ends
`

// cmdConsole runs the real bot against the built-in Telegram double with a
// demo unit tree, and lets the operator chat with it as several users.
func (e *cli) cmdConsole(args []string) error {
	fs := flag.NewFlagSet("console", flag.ContinueOnError)
	verbose := fs.Bool("v", false, "show the bot's log")
	outDir := fs.String("out", "", "directory for the charts and workbooks the bot sends (default: a new temporary directory)")
	cfg, _, err := e.parse("console", fs, args, 0)
	if err != nil {
		return err
	}
	tallySet := e.getenv("YOUTHBOT_TALLY_CRON") != ""
	fs.Visit(func(f *flag.Flag) { tallySet = tallySet || f.Name == "tally-cron" })
	if !tallySet {
		// The demo has no activity: a start's catch-up would push last
		// month's empty tally every time. /tally shows one on demand.
		cfg.TallyCron = consoleTallyCron
	}
	dbSet := e.getenv("YOUTHBOT_DB") != ""
	fs.Visit(func(f *flag.Flag) { dbSet = dbSet || f.Name == "db" })
	if !dbSet {
		dir, err := os.MkdirTemp("", "youthbot-console-")
		if err != nil {
			return fmt.Errorf("console: %w", err)
		}
		defer os.RemoveAll(dir)
		cfg.DB = filepath.Join(dir, "console.db")
	}
	srv := telegramtest.NewServer(telegramtest.Options{OnViolation: func(msg string) {
		fmt.Fprintf(e.stdout, "!! Telegram would refuse a call: %s\n", msg)
	}})
	defer srv.Close()

	con := &console{out: e.stdout, srv: srv, users: map[string]*telegramtest.User{}, seen: map[*telegramtest.Message]int{},
		lang: cfg.Lang, outDir: *outDir, scripted: !inputIsTerminal(e.stdin)}
	admin := con.add("admin", srv.NewUser(consoleAdminName(cfg.Lang), cfg.Lang))
	hoa := con.add("hoa", srv.NewUser("Hoa", cfg.Lang))
	con.current = con.add("an", srv.NewUser("An", cfg.Lang))
	payload, err := seedConsole(cfg.DB, hoa.ID, cfg.TZ)
	if err != nil {
		return err
	}
	con.payload = payload
	cfg.Token, cfg.APIEndpoint, cfg.Admins = telegramtest.Token, srv.Endpoint(), []int64{admin.ID}
	cfg.HTTP, cfg.WebhookURL = "", "" // the stand-in is polled; no port of a real bot is taken

	logOut := io.Discard
	if *verbose {
		logOut = e.stderr
	}
	a, err := app.New(cfg.app(), app.WithLog(slog.New(slog.NewTextHandler(logOut, nil))))
	if err != nil {
		return err
	}
	ctx, stop := context.WithCancel(e.ctx)
	defer stop()
	if err := a.Run(ctx); err != nil {
		return err
	}
	con.sender = a.Sender()
	// .tally: the monthly push on demand, by a scheduler whose tally is
	// always due (so last month's), sharing the app's database and outbox.
	now, err := scheduler.New(scheduler.Config{DB: a.DB(), Outbox: a.Sender(), Location: cfg.TZ, TallyCron: "@every 1h",
		Lang: cfg.Lang, Admins: cfg.Admins})
	if err != nil {
		return err
	}
	con.tally = func() (int, error) { return now.RunTally(ctx, time.Now()) }

	fmt.Fprintf(e.stdout, "youthbot console: the real bot, a stand-in Telegram, a demo province (Thành Đoàn Cần Thơ, with Tỉnh đoàn Hậu Giang merged into it on 01/07/2025).\n"+
		"Hoa is secretary of Chi đoàn Khoa Công nghệ thông tin; its invite link is https://t.me/%s?start=%s\n"+
		"You are An. Try: /start %s\n\n%s\n", telegramtest.BotUsername, payload, payload, consoleHelp)
	if con.scripted {
		fmt.Fprintln(e.stdout, "(scripted: input is not a terminal, each line read is echoed after the prompt)")
	}
	// What the start's catch-up queues is shown before the first prompt.
	select {
	case <-a.Scheduler().Ready():
	case <-ctx.Done():
	}
	con.settle()
	con.loop(ctx, e.stdin)
	return a.Close()
}

// consoleTallyCron is the console's tally schedule unless one is set: the
// 30th of February, which never comes, so no tally is pushed at start.
const consoleTallyCron = "0 8 30 2 *"

// consoleMemberCode is the fixed code of the demo branch's member invite,
// so that scripts work across runs.
const consoleMemberCode = "hgcntt"

// consoleGroupTitle is the demo group's title.
const consoleGroupTitle = "Chi đoàn CNTT (demo)"

func consoleAdminName(lang string) string {
	if lang == "en" {
		return "Admin"
	}
	return "Quản trị"
}

// inputIsTerminal reports whether r is a terminal (an interactive
// console): otherwise the console is scripted and echoes what it reads.
func inputIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && isTerminal(f)
}

// seedConsole imports the demo units into a database that has none, and
// applies the 2025 merger to them as tree changes (so `units history HG`
// and 2024 tallies of Hậu Giang work); it makes hoa secretary of a branch
// and returns that branch's member invite payload.
func seedConsole(path string, hoa int64, loc *time.Location) (string, error) {
	db, err := openDB(path, false)
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := unitcsv.Parse(strings.NewReader(demo.ConsoleUnitsCSV))
	if err != nil {
		return "", err
	}
	const branch = "VT-CDCD-CNTT"
	var payload string
	err = db.Update(func(tx *storage.Tx) error {
		if len(tx.ChildCodes("")) == 0 { // a new database (--db may name one already seeded)
			if _, _, err := tx.ImportUnits(rows); err != nil {
				return err
			}
			today := youthbot.DateOf(time.Now(), loc)
			if _, err := tx.ApplyUnitChanges(demo.ConsoleChanges, today, loc); err != nil {
				return fmt.Errorf("demo merger: %w", err)
			}
		}
		if err := tx.AddSecretary(hoa, branch); err != nil {
			return err
		}
		inv, found, err := tx.MemberInvite(branch)
		if err != nil {
			return err
		}
		if !found {
			inv = youthbot.Invite{Code: consoleMemberCode, Kind: youthbot.InviteMember, Unit: branch, CreatedBy: hoa, CreatedAt: time.Now()}
			if err := tx.PutInvite(inv); err != nil {
				return err
			}
		}
		payload = inv.Payload()
		return nil
	})
	return payload, err
}

type console struct {
	out      io.Writer
	lang     string // the users' language
	payload  string // the demo branch's invite payload
	scripted bool   // input is not a terminal: echo each line
	outDir   string // where sent files go; made on the first when empty
	group    *telegramtest.Group
	inGroup  bool                     // the current user types in the group
	presses  []*telegramtest.Callback // button presses whose answer is not shown yet
	files    int
	tally    func() (int, error) // pushes last month's tally now
	srv      *telegramtest.Server
	sender   interface{ Queued() int }
	users    map[string]*telegramtest.User
	names    []string
	current  *telegramtest.User
	mu       sync.Mutex
	seen     map[*telegramtest.Message]int // message → edits printed
	buttons  []telegramtest.Button         // of the current user's last message with buttons
	last     *telegramtest.Message
}

func (c *console) add(name string, u *telegramtest.User) *telegramtest.User {
	c.users[name] = u
	c.names = append(c.names, name)
	return u
}

func (c *console) loop(ctx context.Context, in io.Reader) {
	sc := bufio.NewScanner(in)
	for {
		fmt.Fprintf(c.out, "%s> ", c.current.FirstName)
		if !sc.Scan() || ctx.Err() != nil {
			fmt.Fprintln(c.out)
			return
		}
		line := strings.TrimSpace(sc.Text())
		if c.scripted {
			fmt.Fprintln(c.out, line)
		}
		if line == "" {
			continue
		}
		if !c.do(line) {
			return
		}
		c.settle()
	}
}

// do runs one line; false ends the console.
func (c *console) do(line string) bool {
	cmd, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	if n, err := strconv.Atoi(line); err == nil {
		if n < 1 || n > len(c.buttons) {
			fmt.Fprintf(c.out, "no button %d\n", n)
			return true
		}
		cb, err := c.current.PressE(c.last, c.buttons[n-1].Text)
		if err != nil {
			fmt.Fprintf(c.out, "cannot press: %v\n", err)
			return true
		}
		c.mu.Lock()
		c.presses = append(c.presses, cb)
		c.mu.Unlock()
		return true
	}
	if len(line) >= 2 && line[0] == '"' && line[len(line)-1] == '"' {
		c.send(line[1 : len(line)-1])
		return true
	}
	switch cmd {
	case ".say":
		if rest == "" {
			fmt.Fprintln(c.out, "usage: .say TEXT")
			break
		}
		c.send(rest)
	case ".codes":
		fmt.Fprintf(c.out, "  member invite of Chi đoàn Khoa Công nghệ thông tin: https://t.me/%s?start=%s  (type /start %s)\n",
			telegramtest.BotUsername, c.payload, c.payload)
	case ".group":
		if c.group == nil {
			c.group = c.srv.NewGroup(consoleGroupTitle)
			for _, n := range c.names {
				c.group.AddMember(c.users[n])
			}
			fmt.Fprintf(c.out, "new group %s with every user in it\n", c.group)
		}
		c.group.AddMember(c.current)
		c.group.SetAdmin(c.current, true)
		c.inGroup = true
		fmt.Fprintf(c.out, "%s types in the group %q now, as its admin; .private goes back\n", c.current.FirstName, consoleGroupTitle)
		c.findButtons()
		c.showButtons()
	case ".tally":
		n, err := c.tally()
		if err != nil {
			fmt.Fprintf(c.out, "cannot push the tally: %v\n", err)
			break
		}
		fmt.Fprintf(c.out, "last month's tally pushed now, as on the 1st: %d messages to the secretaries and linked groups who had not had it\n", n)
	case ".private":
		c.inGroup = false
		c.findButtons()
		c.showButtons()
	case ".quit", ".exit":
		return false
	case ".help":
		fmt.Fprint(c.out, consoleHelp)
	case ".users":
		for _, n := range c.names {
			fmt.Fprintf(c.out, "  %-8s %s\n", n, c.users[n])
		}
	case ".as":
		name := strings.ToLower(rest)
		if name == "" {
			fmt.Fprintln(c.out, "usage: .as NAME")
			break
		}
		u, ok := c.users[name]
		if !ok {
			u = c.add(name, c.srv.NewUser(rest, c.lang))
			fmt.Fprintf(c.out, "new user %s\n", u)
			if c.group != nil {
				c.group.AddMember(u)
			}
		}
		c.current, c.buttons, c.last, c.inGroup = u, nil, nil, false
		c.findButtons()
		c.showButtons()
	case ".contact":
		c.current.ShareContact()
	case ".contact-of":
		other, ok := c.users[strings.ToLower(rest)]
		if !ok {
			fmt.Fprintf(c.out, "no user %q\n", rest)
			break
		}
		c.current.ShareContactOf(other)
	case ".photo":
		c.current.SendPhoto(rest)
	case ".block":
		c.current.Block()
	case ".unblock":
		c.current.Unblock()
	default:
		if strings.HasPrefix(cmd, ".") {
			fmt.Fprintf(c.out, "unknown console command %s; .help lists them\n", cmd)
			break
		}
		c.send(line)
	}
	return true
}

// send sends text as the current user, in the group or the private chat.
func (c *console) send(text string) {
	if c.inGroup {
		c.current.SendIn(c.group, text)
		return
	}
	c.current.Send(text)
}

// settle waits until the bot has handled everything and delivered its
// answers, printing them as they come.
func (c *console) settle() {
	deadline := time.Now().Add(5 * time.Second)
	quiet := 0
	for time.Now().Before(deadline) {
		select {
		case <-c.srv.Changed():
			quiet = 0
		case <-time.After(50 * time.Millisecond):
			quiet++
		}
		c.print()
		if quiet >= 3 && c.srv.Pending() == 0 && (c.sender == nil || c.sender.Queued() == 0) {
			return
		}
	}
}
