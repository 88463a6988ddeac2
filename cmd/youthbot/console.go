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
	"youthbot/storage"
	"youthbot/unitcsv"
)

const consoleHelp = `Type a message as the current user (commands too: /start, /help, /pending...).
  1, 2, ...        press button N of the last message with buttons
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
	cfg, _, err := e.parse("console", fs, args, 0)
	if err != nil {
		return err
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

	con := &console{out: e.stdout, srv: srv, users: map[string]*telegramtest.User{}, seen: map[*telegramtest.Message]int{}}
	admin := con.add("admin", srv.NewUser("Quản trị", "vi"))
	hoa := con.add("hoa", srv.NewUser("Hoa", "vi"))
	con.current = con.add("an", srv.NewUser("An", "vi"))
	payload, err := seedConsole(cfg.DB, hoa.ID)
	if err != nil {
		return err
	}
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

	fmt.Fprintf(e.stdout, "youthbot console: the real bot, a stand-in Telegram, a demo province (Tỉnh đoàn Hậu Giang).\n"+
		"Hoa is secretary of Chi đoàn Khoa Công nghệ thông tin; its invite link is https://t.me/%s?start=%s\n"+
		"You are An. Try: /start %s\n\n%s\n", telegramtest.BotUsername, payload, payload, consoleHelp)
	con.settle()
	con.loop(ctx, e.stdin)
	return a.Close()
}

// seedConsole imports the demo units, makes hoa secretary of a branch and
// returns that branch's member invite payload.
func seedConsole(path string, hoa int64) (string, error) {
	db, err := openDB(path, false)
	if err != nil {
		return "", err
	}
	defer db.Close()
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		return "", err
	}
	const branch = "VT-CDCD-CNTT"
	var payload string
	err = db.Update(func(tx *storage.Tx) error {
		if _, _, err := tx.ImportUnits(rows); err != nil {
			return err
		}
		if err := tx.AddSecretary(hoa, branch); err != nil {
			return err
		}
		inv, found, err := tx.MemberInvite(branch)
		if err != nil {
			return err
		}
		if !found {
			inv = youthbot.Invite{Code: youthbot.NewCode(10), Kind: youthbot.InviteMember, Unit: branch, CreatedBy: hoa, CreatedAt: time.Now()}
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
	out     io.Writer
	srv     *telegramtest.Server
	sender  interface{ Queued() int }
	users   map[string]*telegramtest.User
	names   []string
	current *telegramtest.User
	mu      sync.Mutex
	seen    map[*telegramtest.Message]int // message → edits printed
	buttons []telegramtest.Button         // of the current user's last message with buttons
	last    *telegramtest.Message
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
		if _, err := c.current.PressE(c.last, c.buttons[n-1].Text); err != nil {
			fmt.Fprintf(c.out, "cannot press: %v\n", err)
		}
		return true
	}
	switch cmd {
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
			u = c.add(name, c.srv.NewUser(rest, "vi"))
			fmt.Fprintf(c.out, "new user %s\n", u)
		}
		c.current, c.buttons, c.last = u, nil, nil
		c.findButtons()
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
		c.current.Send(line)
	}
	return true
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

// print shows every bot message (or edit) not shown yet.
func (c *console) print() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, name := range c.names {
		u := c.users[name]
		for _, m := range u.Messages() {
			s := m.Snapshot()
			edits, shown := c.seen[m]
			if shown && edits == s.Edited {
				continue
			}
			c.seen[m] = s.Edited
			label := "→ " + u.FirstName
			if shown {
				label += " (edited)"
			}
			fmt.Fprintf(c.out, "\n── %s ──\n%s\n", label, s.Text)
			n := 0
			for _, row := range s.Buttons {
				var parts []string
				for _, b := range row {
					if u == c.current {
						n++
						parts = append(parts, fmt.Sprintf("[%d] %s", n, b.Text))
					} else {
						parts = append(parts, "["+b.Text+"]")
					}
				}
				fmt.Fprintln(c.out, "  "+strings.Join(parts, "  "))
			}
			for _, row := range s.ReplyKeyboard {
				var parts []string
				for _, b := range row {
					hint := ""
					if b.RequestContact {
						hint = " (.contact)"
					}
					parts = append(parts, "⌨ "+b.Text+hint)
				}
				fmt.Fprintln(c.out, "  "+strings.Join(parts, "  "))
			}
		}
	}
	c.findButtons()
}

// findButtons remembers the current user's last message with buttons.
func (c *console) findButtons() {
	msgs := c.current.Messages()
	for i := len(msgs) - 1; i >= 0; i-- {
		s := msgs[i].Snapshot()
		if len(s.Buttons) > 0 {
			c.last, c.buttons = msgs[i], nil
			for _, row := range s.Buttons {
				c.buttons = append(c.buttons, row...)
			}
			return
		}
	}
	c.last, c.buttons = nil, nil
}
