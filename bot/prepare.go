package bot

import (
	"context"
	"sync"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// The pre-phase of Apply.
//
// Apply applies a batch of updates in one bbolt write transaction, in which
// no Bot API call may happen: it would hold the only writer for a network
// round trip. A handler that needs Telegram's answer at the moment of the
// update (is the sender an administrator of this group?) declares a
// preparer in its table entry (command.prepare, callback.prepare): before
// the transaction, Apply routes each update as the router does and runs,
// concurrently, the work its route's preparer returns; the handler reads
// the result from c.pre. The result is what Telegram said then; the handler still
// checks everything that lives in the database inside the transaction.
//
// A preparer's work must be read-only and safe to repeat: an update that
// was applied before is prepared again (then skipped), and a batch whose
// transaction fails is prepared again when Telegram delivers it again.

// Preparer looks at an update routed to its table entry, with what routing
// read from it (in.args of a command, in.data of a button), and returns the
// work to do before the transaction, or nil when the update needs none.
type Preparer func(u *tgbotapi.Update, in input) func(ctx context.Context) any

// prepareTimeout bounds the pre-phase of a batch.
const prepareTimeout = 10 * time.Second

// PreparerOf returns the pre-phase's work for u: what the preparer of the
// command or button u is routed to returns (router.go), or nil.
func (b *Bot) PreparerOf(u *tgbotapi.Update) func(ctx context.Context) any {
	switch {
	case u.Message != nil && u.Message.Chat != nil && u.Message.From != nil && !u.Message.From.IsBot:
		if m := u.Message; m.MigrateToChatID != 0 || m.MigrateFromChatID != 0 {
			return nil // no command: the group moved (onGroupMessage)
		}
		if pc, cmd, _ := b.commandOf(u.Message); cmd != nil && cmd.Prepare != nil {
			return cmd.Prepare(u, input{args: pc.args, msg: u.Message})
		}
	case u.CallbackQuery != nil && u.CallbackQuery.From != nil && !u.CallbackQuery.From.IsBot:
		prefix, args := DecodeData(u.CallbackQuery.Data)
		if cb, ok := b.cbTable[prefix]; ok && cb.Prepare != nil {
			return cb.Prepare(u, input{data: args})
		}
	}
	return nil
}

// preparedKey keys the pre-phase's results in the context Apply passes to
// its handlers: update_id → result.
type preparedKey struct{}

// Prepare runs the pre-phase of a batch, the first half of Apply, and
// returns ctx carrying the results (prepared reads them, ApplyInTx gets
// them).
func (b *Bot) Prepare(ctx context.Context, updates []tgbotapi.Update) context.Context {
	works := map[int]func(ctx context.Context) any{}
	for i := range updates {
		if work := b.PreparerOf(&updates[i]); work != nil {
			works[updates[i].UpdateID] = work
		}
	}
	if len(works) == 0 {
		return ctx
	}
	wctx, cancel := context.WithTimeout(ctx, prepareTimeout)
	defer cancel()
	results := make(map[int]any, len(works))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for id, work := range works {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := work(wctx)
			mu.Lock()
			results[id] = r
			mu.Unlock()
		}()
	}
	wg.Wait()
	return context.WithValue(ctx, preparedKey{}, results)
}

// prepared returns what the pre-phase fetched for u, or nil.
func prepared(ctx context.Context, u *tgbotapi.Update) any {
	m, _ := ctx.Value(preparedKey{}).(map[int]any)
	return m[u.UpdateID]
}
