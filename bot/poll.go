package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot/storage"
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
		updates, next, err := b.getUpdates(offset)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			var ae *APIError
			if errors.As(err, &ae) && ae.Code == 401 {
				return fmt.Errorf("poll: token refused: %w", err)
			}
			wait = backoff(wait)
			if ae != nil && ae.RetryAfter > wait {
				wait = ae.RetryAfter
			}
			b.log.Warn("getUpdates failed", "err", err, "retry_in", wait)
			if sleepCtx(ctx, wait) != nil {
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
		wait = backoff(wait)
		b.log.Error("applying updates failed", "err", err, "retry_in", wait)
		if sleepCtx(ctx, wait) != nil {
			return nil
		}
	}
}

// getUpdates fetches the next batch and decodes each update on its own: one
// that does not decode is logged and skipped, never blocking the rest. next
// is the offset that confirms the whole batch.
func (b *Bot) getUpdates(offset int64) (updates []tgbotapi.Update, next int64, err error) {
	allowed, _ := json.Marshal(AllowedUpdates)
	params := map[string]string{
		"offset":          strconv.FormatInt(offset, 10),
		"limit":           "100",
		"timeout":         strconv.Itoa(int(pollTimeout / time.Second)),
		"allowed_updates": string(allowed),
	}
	raw, err := b.api.Call("getUpdates", params)
	if err != nil {
		return nil, 0, err
	}
	// The whole batch at once first; only a batch holding an update that
	// does not decode is taken apart one update at a time.
	if err := json.Unmarshal(raw, &updates); err == nil {
		for _, u := range updates {
			if u.UpdateID <= 0 {
				updates = nil
				break
			}
			next = max(next, int64(u.UpdateID)+1)
		}
		if updates != nil || string(raw) == "[]" {
			return updates, next, nil
		}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, 0, fmt.Errorf("decode getUpdates: %w", err)
	}
	updates, next = b.decode(items)
	return updates, next, nil
}

// DecodeUpdates decodes a batch of raw updates one by one. An update that
// does not decode is reported through warn (its id only: updates carry
// personal data) and left out. next is one past the highest update_id seen.
func DecodeUpdates(items []json.RawMessage, warn func(msg string, args ...any)) (updates []tgbotapi.Update, next int64) {
	for _, item := range items {
		var u tgbotapi.Update
		err := json.Unmarshal(item, &u)
		id, idErr := int64(u.UpdateID), error(nil)
		if err != nil {
			// Read the id alone, so that the update is confirmed anyway.
			var only struct {
				UpdateID int64 `json:"update_id"`
			}
			idErr = json.Unmarshal(item, &only)
			id = only.UpdateID
		}
		if idErr == nil && id >= next {
			next = id + 1
		}
		if err != nil || idErr != nil || u.UpdateID <= 0 {
			warn("skipping undecodable update", "update_id", id, "err", errors.Join(err, idErr))
			continue
		}
		updates = append(updates, u)
	}
	return updates, next
}
