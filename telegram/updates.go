package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// GetUpdates long-polls for the updates after offset, of the types in
// allowed (always sent: Telegram otherwise keeps the previous setting). The
// whole batch is decoded at once first; only a batch holding an update that
// does not decode is taken apart, one update at a time, by decode (nil:
// DecodeUpdates, warning nobody). next is the offset that confirms the whole
// batch.
func (a *API) GetUpdates(ctx context.Context, offset int64, allowed []string,
	decode func(items []json.RawMessage) ([]tgbotapi.Update, int64)) (updates []tgbotapi.Update, next int64, err error) {
	allowedJSON, _ := json.Marshal(allowed)
	params := map[string]string{
		"offset":          strconv.FormatInt(offset, 10),
		"limit":           "100",
		"timeout":         strconv.Itoa(int(pollTimeout / time.Second)),
		"allowed_updates": string(allowedJSON),
	}
	raw, err := a.CallContext(ctx, "getUpdates", params)
	if err != nil {
		return nil, 0, err
	}
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
	if decode == nil {
		decode = func(items []json.RawMessage) ([]tgbotapi.Update, int64) {
			return DecodeUpdates(items, func(string, ...any) {})
		}
	}
	updates, next = decode(items)
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
