package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/storage"
	"youthbot/telegram"
)

// AllowedUpdates are the update types the bot handles; they are always sent
// explicitly, since Telegram otherwise keeps the previous setting.
var AllowedUpdates = []string{"message", "callback_query", "my_chat_member"}

// Poll receives updates by long polling until ctx ends. Each batch is
// applied and committed before the next getUpdates confirms it to Telegram,
// so a crash at any point loses nothing: unconfirmed updates come again and
// updates applied before are recognised and skipped. When ctx ends, the
// batch in hand is finished first.
func (b *Bot) Poll(ctx context.Context) error {
	if _, err := b.api.Call("deleteWebhook", map[string]string{"drop_pending_updates": "false"}); err != nil {
		b.log.Warn("deleteWebhook", "err", err)
	}
	var offset int64
	if err := b.db.View(func(tx *storage.Tx) error { offset = tx.Offset(); return nil }); err != nil {
		return fmt.Errorf("read offset: %w", err)
	}
	if offset > 0 {
		offset++
	}
	var wait time.Duration
	for ctx.Err() == nil {
		// The long poll ends with the API's poll context (NewAPI), not
		// with ctx: the batch in hand is finished first.
		updates, next, err := b.api.GetUpdates(context.Background(), offset, AllowedUpdates, b.decode)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			var ae *telegram.APIError
			if errors.As(err, &ae) && ae.Code == 401 {
				return fmt.Errorf("poll: token refused: %w", err)
			}
			wait = telegram.Backoff(wait)
			if ae != nil && ae.RetryAfter > wait {
				wait = ae.RetryAfter
			}
			b.log.Warn("getUpdates failed", "err", err, "retry_in", wait)
			if telegram.Sleep(ctx, wait) != nil {
				break
			}
			continue
		}
		wait = 0
		if err := b.applyRetrying(ctx, updates); err != nil {
			return err
		}
		if next > offset {
			offset = next
		}
	}
	return nil
}

// applyRetrying applies a batch, retrying while the database refuses (a full
// disk, say). It gives up only when ctx ends; the batch is then not
// confirmed and comes again after a restart.
func (b *Bot) applyRetrying(ctx context.Context, updates []tgbotapi.Update) error {
	var wait time.Duration
	for {
		err := b.Apply(context.WithoutCancel(ctx), updates)
		if err == nil {
			return nil
		}
		wait = telegram.Backoff(wait)
		b.log.Error("applying updates failed", "err", err, "retry_in", wait)
		if telegram.Sleep(ctx, wait) != nil {
			return nil
		}
	}
}
