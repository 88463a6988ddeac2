package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"youthbot/storage/internal/boltfile"
	"youthbot/storage/internal/broadcast"
	"youthbot/storage/internal/erasure"
	"youthbot/storage/internal/figures"
	"youthbot/storage/internal/msglog"
	"youthbot/storage/internal/plan"
	unittree "youthbot/storage/internal/tree"
)

// ErrLocked is returned by Open when another process holds the database.
var ErrLocked = errors.New("database is in use by another process")

// ErrDamaged marks a database file whose pages do not make sense: it must
// be replaced by a backup (youthbot restore).
var ErrDamaged = boltfile.ErrDamaged

// DamagePanic returns an error wrapping ErrDamaged when p, just recovered
// by the caller's deferred function, was raised inside bbolt (an assertion
// on a page, an index out of range, a fault reading the map), and nil for
// any other panic. Call it directly from the deferred function, while the
// panicking frames are still on the stack.
func DamagePanic(p any) error { return boltfile.DamagePanic(p) }

// Options tune Open.
type Options struct {
	// Timeout is how long Open waits for another process's lock; 0 means 1s.
	Timeout time.Duration
	// ReadOnly opens the file with a shared lock, for backups and reports.
	ReadOnly bool
	// NoSync skips fsync (benchmark data generation only).
	NoSync bool
	// MaxSize bounds the file's size in bytes (0: no bound): a commit that
	// would grow it further fails with ErrWrite, as on a full disk. For
	// tests of what a full disk does.
	MaxSize int
	// InitialMmapSize is bbolt's initial map size (0: its default). A map
	// larger than MaxSize keeps a write at the limit from remapping, which
	// waits for every read transaction to end.
	InitialMmapSize int
}

// ErrWrite marks a transaction that did not commit because the database
// failed (the disk is full, an I/O error, the database is closed), not
// because the transaction's function returned an error. Nothing of it is
// on disk; trying again later may succeed.
var ErrWrite = errors.New("database write failed")

// IsFailure reports whether err is a failure of the database itself (see
// ErrWrite; bbolt's and the operating system's errors, a damaged file) as
// opposed to a refusal or an error of the code using it: a failure is
// worth retrying and says nothing about the data that was being written.
func IsFailure(err error) bool {
	if err == nil {
		return false
	}
	for _, target := range []error{ErrWrite, ErrDamaged, berrors.ErrMaxSizeReached, berrors.ErrTxClosed,
		berrors.ErrDatabaseNotOpen, berrors.ErrTxNotWritable, berrors.ErrDatabaseReadOnly} {
		if errors.Is(err, target) {
			return true
		}
	}
	var pe *fs.PathError
	var errno syscall.Errno
	return errors.As(err, &pe) || errors.As(err, &errno)
}

// DB is youthbot's database.
type DB struct {
	bolt *bolt.DB
	path string

	damageMu  sync.Mutex
	damageErr error
	damaged   chan struct{} // closed when damageErr is set
}

// Open opens (creating if needed) the database at path, creates buckets and
// runs pending migrations. A file locked by another process gives ErrLocked
// after opts.Timeout.
func Open(path string, opts Options) (*DB, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	var b *bolt.DB
	err := boltfile.Guard(func() (err error) {
		b, err = bolt.Open(path, 0o600, &bolt.Options{
			Timeout:         opts.Timeout,
			ReadOnly:        opts.ReadOnly,
			NoSync:          opts.NoSync,
			MaxSize:         opts.MaxSize,
			InitialMmapSize: opts.InitialMmapSize,
			FreelistType:    bolt.FreelistMapType,
		})
		return err
	})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
	}
	if errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrChecksum) || errors.Is(err, berrors.ErrVersionMismatch) {
		return nil, fmt.Errorf("open %s: %w: %w", path, ErrDamaged, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Batch callers are the outbox sender's chats and webhook requests:
	// each waits for its commit, so a short delay keeps them responsive.
	b.MaxBatchDelay = 2 * time.Millisecond
	db := &DB{bolt: b, path: path, damaged: make(chan struct{})}
	if err := boltfile.Guard(func() error { return b.View(func(tx *bolt.Tx) error { return boltfile.CheckPages(path, tx) }) }); err != nil {
		b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !opts.ReadOnly {
		if err := boltfile.Guard(func() error { return b.Update(migrate) }); err != nil {
			b.Close()
			return nil, fmt.Errorf("migrate %s: %w", path, err)
		}
	} else if err := boltfile.Guard(func() error { return b.View(checkVersion) }); err != nil {
		b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// Damaged is closed once a transaction found the file damaged (an error
// wrapping ErrDamaged): the process should stop and the operator restore a
// backup. DamageErr says what was found.
func (db *DB) Damaged() <-chan struct{} { return db.damaged }

// DamageErr is the first damage found, nil while none was.
func (db *DB) DamageErr() error {
	db.damageMu.Lock()
	defer db.damageMu.Unlock()
	return db.damageErr
}

// noteDamage records err if it says the file is damaged, and returns it.
func (db *DB) noteDamage(err error) error {
	if errors.Is(err, ErrDamaged) {
		db.damageMu.Lock()
		if db.damageErr == nil {
			db.damageErr = err
			close(db.damaged)
		}
		db.damageMu.Unlock()
	}
	return err
}

// Close closes the database.
func (db *DB) Close() error { return db.bolt.Close() }

// Path returns the file the database lives in.
func (db *DB) Path() string { return db.path }

// Bolt returns the underlying bbolt handle, for benchmarks and checks.
func (db *DB) Bolt() *bolt.DB { return db.bolt }

// View runs fn in a read-only transaction.
// A damaged page gives an error wrapping ErrDamaged (so do Update, Batch
// and WriteTo), never a panic.
func (db *DB) View(fn func(*Tx) error) error {
	return db.noteDamage(boltfile.Guard(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error { return fn(newTx(tx)) })
	}))
}

// Update runs fn in a read-write transaction and commits (one fsync) if fn
// returns nil. It returns fn's error as it is; a transaction that could not
// begin or commit gives an error wrapping ErrWrite.
func (db *DB) Update(fn func(*Tx) error) error {
	fnFailed := false
	err := boltfile.Guard(func() error {
		return db.bolt.Update(func(tx *bolt.Tx) error {
			err := fn(newTx(tx))
			fnFailed = err != nil
			return err
		})
	})
	if err != nil && !fnFailed && !errors.Is(err, ErrDamaged) {
		return fmt.Errorf("%w: %w", ErrWrite, err)
	}
	return db.noteDamage(err)
}

// Batch runs fn in a read-write transaction shared with concurrent Batch
// callers (group commit). fn may run more than once: it must have no effects
// outside the transaction. Errors are as Update's: fn's own, or one
// wrapping ErrWrite when the shared transaction did not commit.
func (db *DB) Batch(fn func(*Tx) error) error {
	fnFailed := false // set by fn's last run; Batch returning orders it before the read
	err := boltfile.Guard(func() error {
		return db.bolt.Batch(func(tx *bolt.Tx) error {
			err := fn(newTx(tx))
			fnFailed = err != nil
			return err
		})
	})
	if err != nil && !fnFailed && !errors.Is(err, ErrDamaged) {
		return fmt.Errorf("%w: %w", ErrWrite, err)
	}
	return db.noteDamage(err)
}

// WriteTo writes a consistent copy of the database to w, without blocking
// writers for longer than a read transaction does.
func (db *DB) WriteTo(w io.Writer) (int64, error) {
	var n int64
	err := db.noteDamage(boltfile.Guard(func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			var err error
			n, err = tx.WriteTo(w)
			return err
		})
	}))
	if err != nil {
		return n, fmt.Errorf("backup: %w", err)
	}
	return n, nil
}

// Tx is a transaction with youthbot's typed operations. It must not be used
// after the function it was given to returns.
type Tx struct {
	msglog.Log
	plan.Plan
	erasure.Erasure
	unittree.Tree
	broadcast.Fanout
	*figures.Store

	tx *bolt.Tx
}

func newTx(tx *bolt.Tx) *Tx {
	t := &Tx{Log: msglog.New(tx), tx: tx}
	t.Plan = plan.New(tx, func() { figures.PlanChanged(t.Store) })
	t.Erasure = erasure.New(tx, t.Log, t)
	t.Tree = unittree.New(tx, t, func() { figures.UnitsChanged(t.Store) })
	t.Store = figures.New(tx, &t.Plan, unittree.NewViews(&t.Tree))
	t.Fanout = broadcast.New(tx, &t.Tree)
	return t
}

// OnCommit runs fn after the transaction commits (not if it rolls back):
// to start work that must see what the transaction wrote.
func (t *Tx) OnCommit(fn func()) { t.tx.OnCommit(fn) }

// Bolt returns the underlying bbolt transaction.
func (t *Tx) Bolt() *bolt.Tx { return t.tx }

// Verify opens the database file at path read-only and checks its
// consistency (size, pages, freelist) and schema version. A damaged file
// (a copy cut short, say) is an error, never a crash: bbolt asserts on
// pages it cannot make sense of, and faults on pages past the end of the
// file, so the size is checked before any page is read.
func Verify(path string) (err error) {
	b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("open %s: %w", path, ErrLocked)
	}
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer b.Close()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("check %s: %w: %s", path, ErrDamaged, boltfile.OneLine(fmt.Sprint(p)))
		}
	}()
	return b.View(func(tx *bolt.Tx) error {
		st, err := os.Stat(path)
		if err != nil {
			return fmt.Errorf("check %s: %w", path, err)
		}
		if st.Size() < tx.Size() {
			return fmt.Errorf("check %s: the file is cut short: %d bytes of %d", path, st.Size(), tx.Size())
		}
		if err := checkVersion(tx); err != nil {
			return fmt.Errorf("open %s: %w", path, err)
		}
		for err := range tx.Check() {
			return fmt.Errorf("check %s: %w: %s", path, ErrDamaged, boltfile.OneLine(err.Error()))
		}
		return nil
	})
}
