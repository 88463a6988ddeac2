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
// preparer: before the transaction, Apply runs the work of every update
// that a preparer claims, concurrently, and the handler reads the result
// from c.pre. The result is what Telegram said then; the handler still
// checks everything that lives in the database inside the transaction.
//
// A preparer's work must be read-only and safe to repeat: an update that
// was applied before is prepared again (then skipped), and a batch whose
// transaction fails is prepared again when Telegram delivers it again.

// preparer looks at an update and returns the work to do before the
// transaction, or nil when the update needs none. At most one preparer
// claims an update.
type preparer func(u *tgbotapi.Update) func(ctx context.Context) any

// prepareTimeout bounds the pre-phase of a batch.
const prepareTimeout = 10 * time.Second

// preparers lists each feature's preparer.
func (b *Bot) preparers() []preparer {
	return []preparer{b.prepareGroupAdmin, b.prepareTally, b.prepareMembers, b.prepareBroadcast}
}

// preparedKey keys the pre-phase's results in the context Apply passes to
// its handlers: update_id → result.
type preparedKey struct{}

// prepare runs the pre-phase of a batch and returns ctx carrying the
// results (prepared reads them).
func (b *Bot) prepare(ctx context.Context, updates []tgbotapi.Update) context.Context {
	works := map[int]func(ctx context.Context) any{}
	for i := range updates {
		for _, p := range b.preparers() {
			if work := p(&updates[i]); work != nil {
				works[updates[i].UpdateID] = work
				break
			}
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
