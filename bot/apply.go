package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/storage"
)

// updateRetention is how long applied update ids are remembered. Telegram
// keeps an update at most 24 hours, so none older can come again.
const updateRetention = 48 * time.Hour

// handlerError is a handler's refusal or failure inside a batch transaction:
// the batch is rolled back and applied again one update at a time.
type handlerError struct {
	index int
	err   error
}

func (e *handlerError) Error() string { return fmt.Sprintf("update %d: %v", e.index, e.err) }
func (e *handlerError) Unwrap() error { return e.err }

// Apply applies updates in order, each at most once, in one transaction
// (one fsync) that also records them as applied and queues their answers in
// the outbox. When a handler refuses or fails, the batch is rolled back and
// applied again update by update, so that the failing one changes nothing
// but its answer. After the commit the answers go to the outbox for
// delivery. An error means the database failed (a full disk, say) and the
// updates from the first not committed on were not applied: the caller
// retries the batch (those committed are then skipped) and must not confirm
// it to Telegram meanwhile.
func (b *Bot) Apply(ctx context.Context, updates []tgbotapi.Update) error {
	if len(updates) == 0 {
		return nil
	}
	now := b.now()
	ctx = b.Prepare(ctx, updates) // API calls some handlers need, before the transaction (prepare.go)
	var out []*youthbot.Outgoing
	var logs []updateLog
	err := b.db.Update(func(tx *storage.Tx) error {
		out, logs = out[:0], logs[:0]
		for i := range updates {
			msgs, l, err := b.applyOne(ctx, tx, &updates[i], now)
			if err != nil {
				return &handlerError{index: i, err: err}
			}
			out, logs = append(out, msgs...), append(logs, l)
		}
		return nil
	})
	if err != nil {
		out, logs = nil, nil
	}
	if errors.As(err, new(*handlerError)) {
		out, logs, err = b.applyEach(ctx, updates, now)
	}
	b.committed(out, logs) // all, or those before the failure
	if err != nil {
		b.notCommitted(updates[len(logs):])
		b.writes.failed(err, now)
		return fmt.Errorf("apply %d updates: %w", len(updates)-len(logs), err)
	}
	b.writes.ok()
	b.maybePrune(now)
	return nil
}

// committed logs and counts the updates committed and hands their answers
// to the outbox.
func (b *Bot) committed(out []*youthbot.Outgoing, logs []updateLog) {
	for _, l := range logs {
		b.done(l)
	}
	if b.outbox != nil && len(out) > 0 {
		b.outbox.Push(out)
	}
}

// applyEach is Apply's slow path: a transaction per update. An update
// whose handler refuses or fails (a *youthbot.Error, a bug, a panic) is
// rolled back, then recorded as applied with the refusal's answer: it
// would fail the same way every time. A failure of the database (a commit
// that does not go through, storage.IsFailure) is no answer of the handler:
// applyEach stops there and returns what was committed before it with the
// error, and the update comes again.
func (b *Bot) applyEach(ctx context.Context, updates []tgbotapi.Update, now time.Time) ([]*youthbot.Outgoing, []updateLog, error) {
	var out []*youthbot.Outgoing
	var logs []updateLog
	for i := range updates {
		u := &updates[i]
		var msgs []*youthbot.Outgoing
		var l updateLog
		err := b.db.Update(func(tx *storage.Tx) error {
			var err error
			msgs, l, err = b.applyOne(ctx, tx, u, now)
			if err != nil {
				return &handlerError{index: i, err: err}
			}
			return nil
		})
		var herr *handlerError
		if err != nil && (!errors.As(err, &herr) || storage.IsFailure(herr.err)) {
			return out, logs, fmt.Errorf("update %d: %w", u.UpdateID, err)
		}
		if err != nil {
			command := l.command
			err = b.db.Update(func(tx *storage.Tx) error {
				msgs, l = nil, updateLog{}
				if tx.UpdateSeen(u.UpdateID) {
					return nil
				}
				c, err := b.newCtx(tx, u, now)
				if err != nil {
					return err
				}
				c.command = command // what the refused attempt was
				c.fail(herr.err)
				l = c.logEntry(herr.err)
				if err := tx.MarkUpdate(u.UpdateID, now); err != nil {
					return err
				}
				msgs, err = c.commit()
				return err
			})
			if err != nil {
				return out, logs, fmt.Errorf("update %d: %w", u.UpdateID, err)
			}
		}
		out, logs = append(out, msgs...), append(logs, l)
	}
	return out, logs, nil
}

// writeState is whether updates are being committed: the database failure
// of the last Apply, until an Apply commits again (Bot.WriteFailure).
type writeState struct {
	mu    sync.Mutex
	err   error
	since time.Time
}

func (w *writeState) failed(err error, now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err == nil {
		w.since = now
	}
	w.err = err
}

func (w *writeState) ok() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.err = nil
}

// WriteFailure returns why updates are not being committed (the database's
// error of the last Apply or ApplyOne, a full disk say), or nil once the
// last one committed: /healthz reports it.
func (b *Bot) WriteFailure() error {
	b.writes.mu.Lock()
	defer b.writes.mu.Unlock()
	if b.writes.err == nil {
		return nil
	}
	return fmt.Errorf("updates not committed since %s: %w", b.writes.since.UTC().Format(time.RFC3339), b.writes.err)
}

// applyOne applies one update in tx unless it was applied before: routes
// it to its handler, records it as applied and queues its answers, with
// panics recovered (a damaged page in the writes too).
func (b *Bot) applyOne(ctx context.Context, tx *storage.Tx, u *tgbotapi.Update, now time.Time) ([]*youthbot.Outgoing, updateLog, error) {
	if tx.UpdateSeen(u.UpdateID) {
		return nil, updateLog{id: u.UpdateID, kind: updateKind(u), outcome: "duplicate"}, nil
	}
	c, err := b.newCtx(tx, u, now)
	if err != nil {
		return nil, updateLog{}, err
	}
	c.pre = prepared(ctx, u) // the pre-phase's result (prepare.go)
	var msgs []*youthbot.Outgoing
	err = b.recoverPanics(func(c *Ctx) error {
		if err := b.dispatch(c); err != nil {
			return err
		}
		if err := tx.MarkUpdate(u.UpdateID, now); err != nil {
			return err
		}
		var err error
		msgs, err = c.commit()
		return err
	})(c)
	if err != nil {
		return nil, c.logEntry(err), err
	}
	return msgs, c.logEntry(nil), nil
}

// updateLog is the one log line of an applied update, written after commit.
type updateLog struct {
	id       int
	chat     int64
	kind     string
	command  string
	outcome  string
	duration time.Duration
}

func (l updateLog) log(lg *slog.Logger) {
	if l.id == 0 {
		return
	}
	lg.Info("update", "update_id", l.id, "chat", l.chat, "kind", l.kind, "command", l.command,
		"outcome", l.outcome, "duration", l.duration)
}

func (b *Bot) maybePrune(now time.Time) {
	b.pruneMu.Lock()
	due := now.Sub(b.lastPrune) > time.Hour
	if due {
		b.lastPrune = now
	}
	b.pruneMu.Unlock()
	if !due {
		return
	}
	var n int
	err := b.db.Update(func(tx *storage.Tx) error {
		var err error
		n, err = tx.PruneUpdates(now.Add(-updateRetention))
		return err
	})
	if err != nil {
		b.log.Warn("prune update log", "err", err)
	} else if n > 0 {
		b.log.Debug("pruned update log", "records", n)
	}
}
