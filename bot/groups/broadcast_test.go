package groups

import (
	"context"
	"strings"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/internal/harness"
	"youthbot/storage"
)

// bcWork is what one update's write transaction did: the cursors it opened
// (every read and write of a key opens one) and the rows it added to the
// outbox and to the outbox's idempotency keys.
type bcWork struct {
	cursors, outbox, keys int
}

// applyMeasured applies u as Apply does (its pre-phase first, then one
// write transaction), measuring the transaction's work, and returns what it
// queued.
func applyMeasured(h *harness.H, u tgbotapi.Update) ([]*youthbot.Outgoing, bcWork) {
	h.T.Helper()
	h.NextID++
	u.UpdateID = h.NextID
	ctx := h.Bot.Prepare(context.Background(), []tgbotapi.Update{u})
	var w bcWork
	var msgs []*youthbot.Outgoing
	rows := func(tx *storage.Tx) (outbox, keys int) {
		count := func(name string) (n int) {
			tx.Bolt().Bucket([]byte(name)).ForEach(func(_, _ []byte) error { n++; return nil })
			return n
		}
		return count("outbox"), count("outbox_keys")
	}
	err := h.DB.Update(func(tx *storage.Tx) error {
		ob, ks := rows(tx)
		st := tx.Bolt().Stats()
		before := st.GetCursorCount()
		var err error
		if msgs, err = h.Bot.ApplyInTx(ctx, tx, &u, h.Now); err != nil {
			return err
		}
		st = tx.Bolt().Stats()
		w.cursors = int(st.GetCursorCount() - before)
		ob2, ks2 := rows(tx)
		w.outbox, w.keys = ob2-ob, ks2-ks
		return nil
	})
	if err != nil {
		h.T.Fatal(err)
	}
	return msgs, w
}

// TestBroadcastUpdatesDoWorkIndependentOfTheAudience: the preview and the
// Send press read and write as much in their update's transaction for
// 5,000 members as for 10 (the recipients are counted before it, by the
// pre-phase, and fanned out after it, by the broadcast job), so that no
// other update waits behind a big broadcast; the Send press queues only its
// two answers.
func TestBroadcastUpdatesDoWorkIndependentOfTheAudience(t *testing.T) {
	measure := func(members int) (preview, sent bcWork, texts []string) {
		h := harness.New(t, New)
		h.MakeSecretary(800, "VT-P5")
		h.DB.Update(func(tx *storage.Tx) error {
			for i := range members {
				id := int64(10_000 + i)
				unit := []string{"VT-P5-KV1", "VT-P5-KV4"}[i%2]
				if err := tx.PutMember(youthbot.Member{UserID: id, Unit: unit, FullName: "Nguyễn Văn A", Status: youthbot.StatusApproved, RegisteredAt: h.Now, DecidedAt: h.Now}); err != nil {
					return err
				}
			}
			return nil
		})
		msgs, preview := applyMeasured(h, harness.MsgUpdate(harness.User(800, "vi"), "/broadcast Họp chi đoàn"))
		var send string
		for _, d := range harness.Buttons(msgs) {
			if strings.HasPrefix(d, cbBroadcastSend+":") {
				send = d
			}
		}
		if send == "" {
			t.Fatalf("no Send button in %v", harness.Buttons(msgs))
		}
		texts = append(texts, msgs[0].Params["text"])
		msgs, sent = applyMeasured(h, harness.CbUpdate(harness.User(800, "vi"), send))
		for _, m := range msgs {
			if m.Chat == 800 {
				texts = append(texts, m.Params["text"])
			}
		}
		return preview, sent, texts
	}
	smallPreview, smallSend, smallTexts := measure(10)
	bigPreview, bigSend, bigTexts := measure(5000)
	if !strings.Contains(smallTexts[0], "<b>10</b>") || !strings.Contains(bigTexts[0], "<b>5.000</b>") {
		t.Errorf("previews %q and %q lack the counts 10 and 5.000", smallTexts[0], bigTexts[0])
	}
	if len(bigTexts) != 3 || !strings.Contains(bigTexts[2], "5.000") {
		t.Errorf("the Send press answered %q, want the edited preview and the count 5.000", bigTexts[1:])
	}
	if bigPreview != smallPreview {
		t.Errorf("preview transaction: %+v for 5000 members, %+v for 10; want the same", bigPreview, smallPreview)
	}
	if bigSend != smallSend {
		t.Errorf("Send transaction: %+v for 5000 members, %+v for 10; want the same", bigSend, smallSend)
	}
	if bigSend.outbox != 2 || bigSend.keys != 0 {
		t.Errorf("Send transaction added %d outbox rows and %d keys, want 2 (the edit and the answer) and 0", bigSend.outbox, bigSend.keys)
	}
}
