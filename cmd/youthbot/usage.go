package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	_ "time/tzdata" // Asia/Ho_Chi_Minh also in a distroless image
)

// commands describes the binary's commands for usage.
var commands = []struct{ name, args, help string }{
	{"run", "", "run the bot: long polling, or webhook when YOUTHBOT_WEBHOOK_URL is set (the default command)"},
	{"console", "", "chat with the real bot in this terminal, against a built-in Telegram stand-in with a demo unit tree; no token, no network"},
	{"units import", "FILE.csv", "create or update units from a CSV file with the header code,name,parent,kind"},
	{"import", "FILE.xlsx [--dry-run] [--lang vi|en]", "import a workbook of units, members, projects and activities, beneficiaries, targets, breakthrough tasks and models (docs/IMPORT.md); all or nothing"},
	{"units change", "FILE.xlsx [--lang vi|en]", "apply the changes of the unit tree of a workbook's sheet ThayDoiDonVi (found, rename, move, merge, dissolve) with their effective dates; all or nothing"},
	{"units history", "CODE", "print a unit's names, codes, parents and changes with their dates and decisions"},
	{"report", "(--month YYYY-MM | --year YYYY) [--unit CODE] [--tree period|current] [--format text|json|csv|xlsx] [-o FILE]", "print a month's tally or a year's report"},
	{"backup", "FILE", "write a consistent copy of the database, also while the bot runs"},
	{"restore", "FILE", "replace the database with a backup FILE (stop the bot first)"},
	{"seed", "--units N --members N --activities N", "add synthetic data for demos and benchmarks"},
	{"healthcheck", "", "ask the running bot whether it is alive; exit status 0 if it is"},
}

// usage prints help for cmd (all commands when cmd is "" or unknown): the
// commands, the flags of cmd that fs holds besides the common ones, and
// every common flag with its environment variable and default. getenv tells
// whether the secrets are set; their values are never printed.
func usage(w io.Writer, cmd string, fs *flag.FlagSet, getenv func(string) string) {
	cmd = strings.TrimSpace(cmd)
	known := false
	for _, c := range commands {
		if c.name == cmd || strings.HasPrefix(c.name, cmd+" ") {
			fmt.Fprintf(w, "Usage: youthbot %s [flags] %s\n\n%s.\n", c.name, c.args, capitalize(c.help))
			known = true
		}
	}
	if !known {
		fmt.Fprint(w, "Youth Union bot (Đoàn TNCS Hồ Chí Minh).\n\nUsage: youthbot [command] [flags] [arguments]\n\nCommands:\n")
		for _, c := range commands {
			fmt.Fprintf(w, "  %-14s %s\n", c.name, c.help)
			if c.args != "" {
				fmt.Fprintf(w, "  %-14s   %s %s\n", "", c.name, c.args)
			}
		}
	}

	if fs != nil {
		var own []*flag.Flag
		fs.VisitAll(func(f *flag.Flag) {
			for _, s := range settings {
				if s.flag == f.Name {
					return
				}
			}
			own = append(own, f)
		})
		if len(own) > 0 {
			fmt.Fprintf(w, "\nFlags of %s:\n", cmd)
			for _, f := range own {
				arg, help := flag.UnquoteUsage(f)
				line := dashes(f.Name) + f.Name
				if arg != "" {
					line += " " + arg
				}
				if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
					help += fmt.Sprintf(" (default %q)", f.DefValue)
				}
				fmt.Fprintf(w, "  %-26s %s\n", line, help)
			}
		}
	}

	if cmd == "console" {
		fmt.Fprint(w, "\nSettings the console uses (it sets the token, the Bot API, the admins and the ports itself);\neach is also an environment variable, and a flag beats its variable.\n")
	} else {
		fmt.Fprint(w, "\nFlags of every command; each is also an environment variable, and a flag beats its variable.\nFlags may come before or after the arguments; -- ends them.\n")
	}
	for _, s := range settings {
		if slices.Contains(s.notFor, cmd) {
			continue
		}
		fmt.Fprintf(w, "  %-26s %s\n", "--"+s.flag+" "+s.arg, s.env)
		def := "default " + strconv.Quote(s.def)
		switch {
		case s.secret && getenv != nil:
			def = "now " + setOrUnset(strings.TrimSpace(getenv(s.env)))
		case s.secret:
			def = ""
		case s.def == "":
			def = "default empty"
		}
		if d, ok := consoleDefaults[s.flag]; ok && cmd == "console" {
			def = d
		}
		if def != "" {
			def = " (" + def + ")"
		}
		fmt.Fprintf(w, "  %-26s   %s%s\n", "", s.help, def)
	}
}

// dashes returns the dashes usage writes before a flag name: one for a
// single letter (-o), two otherwise (--month).
func dashes(name string) string {
	if len(name) == 1 {
		return "-"
	}
	return "--"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
