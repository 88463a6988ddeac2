package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"youthbot/control"
	"youthbot/i18n"
	"youthbot/storage"
	"youthbot/unitcsv"
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
	rows, err := unitcsv.Parse(f)
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
	return db.Backup(w)
}

// cmdRestore replaces the database with a backup, refusing while another
// process uses the database. The erasure log of the database it replaces
// joins the backup's, and everyone in it is erased again from the restored
// copy (those who asked to be forgotten after the backup was made); the
// result is compacted, so that no freed page of the backup keeps what was
// erased.
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
	// half-way; read its erasure log. A damaged database cannot be opened
	// to take its lock: it is replaced all the same (no bot serves it, the
	// control socket said so).
	erasures := map[string]uint64{}
	if _, err := os.Stat(cfg.DB); err == nil {
		db, err := openDB(cfg.DB, false)
		if err != nil && !errors.Is(err, storage.ErrDamaged) {
			return fmt.Errorf("restore: %w", err)
		}
		if err == nil {
			defer db.Close()
			db.View(func(tx *storage.Tx) error { erasures = tx.ErasureLog(); return nil })
		}
	}
	data, err := os.ReadFile(rest[0])
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	tmp, compacted := cfg.DB+".restore", cfg.DB+".restore-compact"
	defer os.Remove(tmp)
	defer os.Remove(compacted)
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	n, err := reapplyErasures(tmp, compacted, erasures, i18n.T(cfg.Lang, "members.anonymous"))
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := storage.Verify(compacted); err != nil {
		return fmt.Errorf("restore: the restored copy does not check out: %w", err)
	}
	if err := os.Rename(compacted, cfg.DB); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	fmt.Fprintf(e.stdout, "restore: %s restored from %s; %d erased again from the erasure log\n", cfg.DB, rest[0], n)
	return nil
}

// reapplyErasures opens the copy at path (migrating an older backup), adds
// erasures to its erasure log, erases again everyone the log names and
// writes the result, compacted, to out. It returns how many it erased.
func reapplyErasures(path, out string, erasures map[string]uint64, placeholder string) (int, error) {
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.Update(func(tx *storage.Tx) error {
		if err := tx.MergeErasureLog(erasures); err != nil {
			return err
		}
		n, err = tx.ReapplyErasures(time.Now(), placeholder)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, db.CompactTo(out)
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

// healthzURL is the /healthz URL of a bot listening on addr, reached from
// the same host.
func healthzURL(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + pathHealthz
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return "http://" + net.JoinHostPort(host, port) + pathHealthz
}

// checkHealthz asks the bot listening on addr for /healthz.
func checkHealthz(ctx context.Context, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, healthzURL(addr), nil)
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("no answer from %s: %w", req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %d: %s", req.URL, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	return nil
}
