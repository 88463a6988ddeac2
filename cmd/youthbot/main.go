// Command youthbot runs the Youth Union bot and its operator commands:
// run, console, units import, backup, restore, healthcheck.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"youthbot/storage"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Main runs the command in args and returns the exit status: 0 on success,
// 2 for configuration and usage errors, 1 for any other failure.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	cmd, rest := "run", args
	if len(args) > 0 && !isFlag(args[0]) {
		cmd, rest = args[0], args[1:]
		if cmd == "units" {
			if len(rest) == 0 || rest[0] != "import" && rest[0] != "change" && rest[0] != "history" {
				fmt.Fprintln(stderr, errNoSubcommand)
				return 2
			}
			cmd, rest = "units "+rest[0], rest[1:]
		}
	}
	c := &cli{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	var err error
	switch cmd {
	case "run":
		err = c.cmdRun(rest)
	case "console":
		err = c.cmdConsole(rest)
	case "units import":
		err = c.cmdUnitsImport(rest)
	case "import":
		err = c.cmdImport(rest)
	case "units change":
		err = c.cmdUnitsChange(rest)
	case "units history":
		err = c.cmdUnitsHistory(rest)
	case "backup":
		err = c.cmdBackup(rest)
	case "restore":
		err = c.cmdRestore(rest)
	case "report":
		err = c.cmdReport(rest)
	case "seed":
		err = c.cmdSeed(rest)
	case "healthcheck":
		err = c.cmdHealthcheck(rest)
	case "help", "-h", "--help":
		usage(stdout, "", nil, getenv)
		return 0
	default:
		fmt.Fprintf(stderr, "youthbot: unknown command %q; see youthbot --help\n", cmd)
		return 2
	}
	var ce *ConfigError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ce):
		fmt.Fprintf(stderr, "youthbot: %v\n", err)
		return 2
	case errors.Is(err, storage.ErrDamaged):
		fmt.Fprintf(stderr, "youthbot: %s; put the latest good backup back with youthbot restore FILE (with the bot stopped)\n",
			strings.Join(strings.Fields(err.Error()), " "))
		return 1
	default:
		fmt.Fprintf(stderr, "youthbot: %v\n", err)
		return 1
	}
}

func isFlag(s string) bool { return len(s) > 1 && s[0] == '-' && s != "--help" && s != "-h" }

// cli is what a command runs with.
type cli struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// parse parses a command's flags (registered on fs by the caller) and the
// common settings, validates them for cmd, and prints usage for --help.
func (e *cli) parse(cmd string, fs *flag.FlagSet, args []string, positional int) (Config, []string, error) {
	if fs == nil {
		fs = flag.NewFlagSet(cmd, flag.ContinueOnError)
	}
	cfg, rest, err := parseArgs(fs, args, e.getenv)
	if errors.Is(err, flag.ErrHelp) {
		usage(e.stdout, cmd, fs, e.getenv)
		return cfg, nil, err
	}
	if err != nil {
		return cfg, nil, err
	}
	if positional >= 0 && len(rest) != positional {
		return cfg, nil, &ConfigError{Msg: fmt.Sprintf("%s takes %d argument(s), got %d; see youthbot %s --help", cmd, positional, len(rest), cmd)}
	}
	return cfg, rest, cfg.validate(cmd)
}
