package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"youthbot"
	"youthbot/control"
	"youthbot/storage"
)

// cmdUnitsImport imports units from a CSV file, all or nothing.
func (e *cli) cmdUnitsImport(args []string) error {
	cfg, rest, err := e.parse("units import", nil, args, 1)
	if err != nil {
		return err
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return fmt.Errorf("units import: %w", err)
	}
	defer f.Close()
	rows, err := youthbot.ParseUnitsCSV(f)
	if err != nil {
		return fmt.Errorf("units import %s: nothing imported:\n%w", rest[0], err)
	}
	db, err := openDB(cfg.DB, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var created, updated int
	err = db.Update(func(tx *storage.Tx) error {
		created, updated, err = tx.ImportUnits(rows)
		return err
	})
	if err != nil {
		return fmt.Errorf("units import %s: nothing imported:\n%w", rest[0], err)
	}
	fmt.Fprintf(e.stdout, "units import: %d created, %d updated, %d unchanged\n", created, updated, len(rows)-created-updated)
	return nil
}

// cmdBackup writes a consistent copy of the database to FILE: from the
// running bot through its control socket, or from the file when no bot
// runs. The copy is checked before it replaces FILE.
func (e *cli) cmdBackup(args []string) error {
	cfg, rest, err := e.parse("backup", nil, args, 1)
	if err != nil {
		return err
	}
	out := rest[0]
	tmp, err := os.CreateTemp(filepath.Dir(out), ".youthbot-backup-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	defer os.Remove(tmp.Name())
	n, err := backupTo(cfg.DB, tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := storage.Verify(tmp.Name()); err != nil {
		return fmt.Errorf("backup: the copy does not check out: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(e.stdout, "backup: %d bytes written to %s\n", n, out)
	return nil
}

func backupTo(dbPath string, w io.Writer) (int64, error) {
	n, err := control.Backup(control.SocketPath(dbPath), w)
	if !errors.Is(err, control.ErrNotRunning) {
		return n, err
	}
	if _, err := os.Stat(dbPath); err != nil {
		return 0, fmt.Errorf("database %s: %w", dbPath, err)
	}
	db, err := openDB(dbPath, true)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return db.WriteTo(w)
}

// cmdRestore replaces the database with a backup, refusing while another
// process uses the database.
func (e *cli) cmdRestore(args []string) error {
	cfg, rest, err := e.parse("restore", nil, args, 1)
	if err != nil {
		return err
	}
	if err := control.Health(control.SocketPath(cfg.DB)); !errors.Is(err, control.ErrNotRunning) {
		return fmt.Errorf("restore: a running youthbot uses %s; stop it first", cfg.DB)
	}
	if err := storage.Verify(rest[0]); err != nil {
		return fmt.Errorf("restore: %s is not a usable backup: %w", rest[0], err)
	}
	// Hold the database's lock while replacing it, so no bot starts on it
	// half-way.
	// A damaged database cannot be opened to take its lock: it is replaced
	// all the same (no bot serves it, the control socket said so).
	if _, err := os.Stat(cfg.DB); err == nil {
		db, err := openDB(cfg.DB, false)
		if err != nil && !errors.Is(err, storage.ErrDamaged) {
			return fmt.Errorf("restore: %w", err)
		}
		if err == nil {
			defer db.Close()
		}
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	tmp := cfg.DB + ".restore"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := os.Rename(tmp, cfg.DB); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("restore: %w", err)
	}
	fmt.Fprintf(e.stdout, "restore: %s restored from %s\n", cfg.DB, rest[0])
	return nil
}

// cmdHealthcheck exits 0 when the bot serving the database is healthy.
func (e *cli) cmdHealthcheck(args []string) error {
	cfg, _, err := e.parse("healthcheck", nil, args, 0)
	if err != nil {
		return err
	}
	// Through /healthz when the bot serves HTTP, else through the control
	// socket: a distroless image has no curl.
	if cfg.HTTP != "" {
		err = checkHealthz(e.ctx, cfg.HTTP)
	} else {
		err = control.Health(control.SocketPath(cfg.DB))
	}
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	fmt.Fprintln(e.stdout, "healthy")
	return nil
}
