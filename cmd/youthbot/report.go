package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"youthbot"
	"youthbot/report"
	"youthbot/storage"
)

// reportFormats are the formats of youthbot report.
var reportFormats = []string{"text", "json", "csv", "xlsx"}

// cmdReport prints a month's tally or a year's report of a unit (the root
// unit by default) as text, JSON, CSV or XLSX, to standard output or -o
// FILE. It opens the database read-only, so it works on a backup or the
// database of a stopped bot; a running bot holds the database and makes it
// fail within seconds with a message saying so. Tree changes whose date
// has come but that the bot's daily run has not applied yet are applied to
// a private copy first (withDueChanges), never to the database.
func (e *cli) cmdReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	month := fs.String("month", "", "the month to report on, YYYY-MM")
	year := fs.String("year", "", "the year to report on, YYYY (the year-end report)")
	unitFlag := fs.String("unit", "", "code of the unit (default: the root unit)")
	format := fs.String("format", "text", "output format: text, json, csv (UTF-8 with BOM, for Excel) or xlsx")
	treeFlag := fs.String("tree", "period", "the unit tree the figures roll up: period (as it stood at the period's end, or a dissolved unit's last day) or current (today's)")
	output := fs.String("o", "", "write to `FILE` instead of standard output (xlsx: required when standard output is a terminal)")
	cfg, _, err := e.parse("report", fs, args, 0)
	if err != nil {
		return err
	}
	p, err := reportPeriod(*month, *year)
	if err != nil {
		return err
	}
	tree := youthbot.TreeMode(strings.ToLower(strings.TrimSpace(*treeFlag)))
	if tree != youthbot.TreePeriod && tree != youthbot.TreeCurrent {
		return &ConfigError{Msg: fmt.Sprintf("report: --tree %q: use period or current", *treeFlag)}
	}
	*format = strings.ToLower(strings.TrimSpace(*format))
	if !slices.Contains(reportFormats, *format) {
		return &ConfigError{Msg: fmt.Sprintf("report: --format %q: use one of %s", *format, strings.Join(reportFormats, ", "))}
	}
	if *format == "xlsx" && *output == "" && isTerminal(e.stdout) {
		return &ConfigError{Msg: "report: an xlsx workbook is binary: give -o FILE, or redirect standard output to a file"}
	}
	if fi, err := os.Stat(cfg.DB); err != nil || fi.IsDir() {
		return fmt.Errorf("report: database %s does not exist (set --db or YOUTHBOT_DB)", cfg.DB)
	}
	db, err := openDB(cfg.DB, true)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	db, done, err := withDueChanges(db, time.Now(), cfg.TZ)
	defer done()
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}

	parts := report.PartTree // json, csv and xlsx show every unit of the subtree
	switch *format {
	case "text":
		parts = report.PartText
	case "xlsx":
		parts |= report.PartWorkbook
	}
	var t *report.Tally
	err = db.View(func(tx *storage.Tx) error {
		unit, err := reportUnit(tx, *unitFlag)
		if err != nil {
			return err
		}
		tx.UseTree(tree)
		t, err = report.Load(tx, unit, p, cfg.TZ, parts)
		return err
	})
	if err != nil {
		return err
	}

	var out bytes.Buffer
	switch *format {
	case "text":
		out.WriteString(t.Text(cfg.Lang))
	case "json":
		data, err := t.JSON()
		if err != nil {
			return err
		}
		out.Write(data)
	case "csv":
		if err := t.CSV(&out); err != nil {
			return err
		}
	case "xlsx":
		data, err := t.Workbook(cfg.Lang)
		if err != nil {
			return err
		}
		out.Write(data)
	}
	if *output == "" {
		_, err := e.stdout.Write(out.Bytes())
		return err
	}
	if err := writeFileAtomic(*output, out.Bytes()); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	fmt.Fprintf(e.stderr, "report: %s written (%d bytes)\n", *output, out.Len())
	return nil
}

// withDueChanges returns db, or when changes of the unit tree wait for a
// day that has come (the bot's daily run has not applied them yet) a
// private copy with them applied: the report reads today's tree the
// scheduler would, and the database it was given is never written. The
// copy lives in a private temporary directory that done removes; done
// closes the database returned.
func withDueChanges(db *storage.DB, now time.Time, loc *time.Location) (_ *storage.DB, done func(), _ error) {
	closeDB := func() { db.Close() }
	today := youthbot.DateOf(now, loc)
	due := 0
	if err := db.View(func(tx *storage.Tx) error { due = tx.DueChanges(today); return nil }); err != nil || due == 0 {
		return db, closeDB, err
	}
	dir, err := os.MkdirTemp("", "youthbot-report-*")
	if err != nil {
		return db, closeDB, err
	}
	path := filepath.Join(dir, "copy.db")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err == nil {
		_, err = db.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	var cp *storage.DB
	if err == nil {
		cp, err = storage.Open(path, storage.Options{})
	}
	if err == nil {
		err = cp.Update(func(tx *storage.Tx) error {
			_, err := tx.ApplyDueChanges(today, loc)
			return err
		})
	}
	if err != nil {
		if cp != nil {
			cp.Close()
		}
		os.RemoveAll(dir)
		return db, closeDB, fmt.Errorf("apply the tree changes due by %s: %w", today, err)
	}
	db.Close()
	return cp, func() { cp.Close(); os.RemoveAll(dir) }, nil
}

// reportPeriod reads --month YYYY-MM or --year YYYY: exactly one.
func reportPeriod(month, year string) (youthbot.Period, error) {
	month, year = strings.TrimSpace(month), strings.TrimSpace(year)
	switch {
	case month != "" && year != "":
		return youthbot.Period{}, &ConfigError{Msg: "report: give --month or --year, not both"}
	case month != "":
		p, err := youthbot.ParsePeriod(month)
		if err != nil || !p.IsMonth() || p.Year < 2000 {
			return youthbot.Period{}, &ConfigError{Msg: fmt.Sprintf("report: --month %q is not a month like 2024-03 (YYYY-MM)", month)}
		}
		return p, nil
	case year != "":
		p, err := youthbot.ParsePeriod(year)
		if err != nil || !p.IsYear() {
			return youthbot.Period{}, &ConfigError{Msg: fmt.Sprintf("report: --year %q is not a year like 2024 (YYYY, 2000-2200)", year)}
		}
		return p, nil
	}
	return youthbot.Period{}, &ConfigError{Msg: "report: give --month YYYY-MM or --year YYYY; see youthbot report --help"}
}

// reportUnit resolves --unit: a unit code, or without it the root unit.
func reportUnit(tx *storage.Tx, code string) (string, error) {
	if code = youthbot.NormalizeUnitCode(code); code != "" {
		id, err := tx.ResolveUnit(code) // a code the unit has or had (F8)
		if err != nil {
			if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
				return "", &ConfigError{Msg: fmt.Sprintf("report: --unit %s: no such unit in the database", code)}
			}
			return "", err
		}
		return id, nil
	}
	roots := tx.ChildCodes("")
	switch len(roots) {
	case 0:
		return "", errors.New("report: the database has no units; import them with youthbot units import FILE.csv")
	case 1:
		return roots[0], nil
	}
	return "", &ConfigError{Msg: fmt.Sprintf("report: the database has %d root units (%s): choose one with --unit", len(roots), strings.Join(roots, ", "))}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeFileAtomic writes data to path through a temporary file in the
// same directory, so that path is never left half-written.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".youthbot-report-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
