package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"youthbot"
	"youthbot/importer"
	"youthbot/storage"
	"youthbot/workbook"
)

// cmdUnitsChange applies the ThayDoiDonVi sheet of a workbook (F8): the
// changes of the unit tree, in the order of their dates, all or nothing,
// each refusal at its row; the workbook's other sheets are not read.
// Changes dated after today are kept and take effect on their date; those
// that came due since the last command are applied first.
func (e *cli) cmdUnitsChange(args []string) error {
	cfg, rest, err := e.parse("units change", nil, args, 1)
	if err != nil {
		return err
	}
	name, lang := rest[0], cfg.Lang
	now := time.Now()
	today := youthbot.DateOf(now, cfg.TZ)
	book, err := importer.ReadFile(name, today)
	if err != nil {
		return refused(lang, name, err)
	}
	only := &workbook.Book{Changes: book.Changes}
	db, err := openDB(cfg.DB, false)
	if err != nil {
		return fmt.Errorf("units change: %w", err)
	}
	defer db.Close()
	var plan *importer.Plan
	err = db.Update(func(tx *storage.Tx) error {
		due, err := tx.ApplyDueChanges(today, cfg.TZ)
		if err != nil {
			return err
		}
		e.warnRefusedDue(lang, due)
		if plan, err = importer.Build(tx, only, now, cfg.TZ); err != nil {
			return err
		}
		return plan.Apply(tx)
	})
	if err != nil {
		return refused(lang, name, err)
	}
	for _, line := range plan.Summary(lang) {
		fmt.Fprintln(e.stdout, line)
	}
	if plan.Changes() == 0 {
		fmt.Fprintln(e.stdout, importer.Text(lang, "imp.unchanged", filepath.Base(name)))
	} else {
		fmt.Fprintln(e.stdout, importer.Text(lang, "imp.done", filepath.Base(name), plan.Changes()))
	}
	return nil
}

// cmdUnitsHistory prints a unit's versions (names, codes, parents, kinds
// with their dates) and the changes that made them, with their decisions,
// then the changes naming it that wait for their date and those refused
// on it, with the reason. CODE may be any code the unit ever had, or the
// code of a founding that waits or was refused. Like report, it reads
// changes whose date has come but that the bot has not applied yet as
// applied (or refused) on a private copy, never writing the database.
func (e *cli) cmdUnitsHistory(args []string) error {
	cfg, rest, err := e.parse("units history", nil, args, 1)
	if err != nil {
		return err
	}
	lang := cfg.Lang
	db, err := openDB(cfg.DB, true)
	if err != nil {
		return fmt.Errorf("units history: %w", err)
	}
	db, done, err := withDueChanges(db, time.Now(), cfg.TZ)
	defer done()
	if err != nil {
		return fmt.Errorf("units history: %w", err)
	}
	return db.View(func(tx *storage.Tx) error {
		h, err := tx.UnitHistory(rest[0])
		if youthbot.ErrorCode(err) == youthbot.ENOTFOUND {
			return &ConfigError{Msg: fmt.Sprintf("units history: %s: no unit has or had this code", rest[0])}
		}
		if err != nil {
			return fmt.Errorf("units history: %w", err)
		}
		for _, line := range historyLines(lang, h) {
			fmt.Fprintln(e.stdout, line)
		}
		return nil
	})
}

// historyLines words a unit's history in lang.
func historyLines(lang string, h storage.History) []string {
	t := func(key string, args ...any) string { return importer.Text(lang, key, args...) }
	lines := []string{t("tree.history_head", h.ID)}
	for _, v := range h.Versions {
		from, to := t("tree.history_start"), t("tree.history_now")
		if !v.From.IsZero() {
			from = v.From.String()
		}
		if !v.To.IsZero() {
			to = v.To.AddDays(-1).String()
		}
		parent := t("tree.history_root")
		if v.Parent != "" {
			parent = v.Parent
		}
		lines = append(lines, "  "+t("tree.history_version", from, to, v.Name, v.Code, t("report.level."+string(v.Kind)), parent))
	}
	if len(h.Changes) == 0 {
		lines = append(lines, t("tree.history_none", h.ID))
	}
	for _, c := range h.Changes {
		lines = append(lines, "  "+t("tree.history_change", changeWords(lang, c)...))
	}
	if len(h.Waiting) > 0 {
		lines = append(lines, t("tree.history_waiting"))
	}
	for _, c := range h.Waiting {
		lines = append(lines, "  "+t("tree.history_change", changeWords(lang, c)...))
	}
	if len(h.Refused) > 0 {
		lines = append(lines, t("tree.history_refused"))
	}
	for _, r := range h.Refused {
		words := changeWords(lang, r.Change)
		if r.Err == nil {
			lines = append(lines, "  "+t("tree.history_change", words...))
			continue
		}
		lines = append(lines, "  "+t("tree.history_refusal", append(words, t(r.Err.Key, r.Err.Args...))...))
	}
	return lines
}

// changeWords are the arguments of tree.history_change for c in lang: its
// date, what it does and its decision.
func changeWords(lang string, c youthbot.UnitChange) []any {
	t := func(key string, args ...any) string { return importer.Text(lang, key, args...) }
	var what string
	switch c.Kind {
	case youthbot.ChangeFound, youthbot.ChangeMove, youthbot.ChangeMerge:
		what = t("tree.change."+string(c.Kind), c.Unit, c.Target)
	case youthbot.ChangeRename:
		name := c.NewName
		if c.Target != "" {
			name += " (" + c.Target + ")"
		}
		what = t("tree.change.doi_ten", c.Unit, name)
	default:
		what = t("tree.change.giai_the", c.Unit, "")
	}
	decision := ""
	if c.Decision != "" {
		decision = t("tree.history_decision", c.Decision)
	}
	return []any{c.Date.String(), what, decision}
}

var errNoSubcommand = errors.New("youthbot: usage: youthbot units import FILE.csv | units change FILE.xlsx | units history CODE")

// warnRefusedDue tells on stderr the waiting changes refused on their
// date (ApplyDueChanges checks them again against today's tree).
func (e *cli) warnRefusedDue(lang string, n storage.DueCounts) {
	for _, r := range n.Refused {
		c := r.Change
		fmt.Fprintln(e.stderr, importer.Text(lang, "tree.due_refused", c.Date.String(), string(c.Kind), c.Unit, c.Decision,
			importer.Text(lang, r.Err.Key, r.Err.Args...)))
	}
}
