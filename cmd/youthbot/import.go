package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"youthbot"
	"youthbot/importer"
	"youthbot/storage"
	"youthbot/workbook"
)

// errDryRun rolls back the transaction of a dry run.
var errDryRun = errors.New("dry run")

// refusedError is a workbook refused, its problems already in the user's
// language: Main prints it as is.
type refusedError struct{ msg string }

func (e *refusedError) Error() string { return e.msg }

// cmdImport imports a workbook (F7, docs/IMPORT.md): the whole of it is
// checked against the database first, and on any problem nothing is
// written and every problem is listed as "Sheet!Row: column: what" in
// --lang; otherwise the plan is applied in one transaction. --dry-run
// checks and prints what would change. A summary of created, updated and
// unchanged rows per sheet ends the output.
func (e *cli) cmdImport(args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dry := fs.Bool("dry-run", false, "check the workbook and print what would change, without writing anything")
	cfg, rest, err := e.parse("import", fs, args, 1)
	if err != nil {
		return err
	}
	name, lang := rest[0], cfg.Lang
	now := time.Now()
	book, err := importer.ReadFile(name, youthbot.DateOf(now, cfg.TZ))
	if err != nil {
		return refused(lang, name, err)
	}
	dbPath := cfg.DB
	if _, err := os.Stat(dbPath); *dry && errors.Is(err, os.ErrNotExist) {
		// A dry run against a database that does not exist yet: plan
		// against an empty one, and leave no file behind.
		dir, err := os.MkdirTemp("", "youthbot-import-")
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "empty.db")
	}
	db, err := openDB(dbPath, false)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer db.Close()
	var plan *importer.Plan
	err = db.Update(func(tx *storage.Tx) error {
		due, err := tx.ApplyDueChanges(youthbot.DateOf(now, cfg.TZ), cfg.TZ)
		if err != nil {
			return err // changes of the unit tree (F8) come due since the last command
		}
		e.warnRefusedDue(lang, due)
		if plan, err = importer.Build(tx, book, now, cfg.TZ); err != nil {
			return err
		}
		if err := plan.Apply(tx); err != nil || !*dry {
			return err
		}
		return errDryRun // a dry run applies the plan to count what it does, then rolls it back
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return refused(lang, name, err)
	}
	for _, line := range plan.Summary(lang) {
		fmt.Fprintln(e.stdout, line)
	}
	switch base := filepath.Base(name); {
	case *dry:
		fmt.Fprintln(e.stdout, importer.Text(lang, "imp.dry_run"))
	case plan.Changes() == 0:
		fmt.Fprintln(e.stdout, importer.Text(lang, "imp.unchanged", base))
	default:
		fmt.Fprintln(e.stdout, importer.Text(lang, "imp.done", base, plan.Changes()))
	}
	return nil
}

// refused words the error of an import that wrote nothing: a workbook's
// problems in lang, one per line, after a line naming the file.
func refused(lang, name string, err error) error {
	var we *workbook.Error
	if !errors.As(err, &we) {
		return fmt.Errorf("import %s: nothing imported: %w", name, err)
	}
	var b strings.Builder
	b.WriteString(importer.Text(lang, "imp.refused", filepath.Base(name)))
	b.WriteString("\n" + we.Text(lang) + "\n")
	b.WriteString(importer.Text(lang, "err.workbook", we.Total))
	return &refusedError{msg: b.String()}
}
