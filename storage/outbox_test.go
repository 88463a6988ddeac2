package storage

import (
	"fmt"
	"testing"
	"time"

	"youthbot"
)

func TestOutboxHeadsPagesWithoutDecodingAndOutgoingReadsOne(t *testing.T) {
	db := open(t)
	msgs := []*youthbot.Outgoing{
		{Chat: 1001, Lane: youthbot.LaneNotify, Method: "sendMessage", Params: map[string]string{"text": `a,"lane":0`}},
		{Chat: -100200300, Lane: youthbot.LaneReply, Method: "sendMessage"},
		{Chat: 1002, Lane: youthbot.LaneNotify, Method: "sendPhoto", Key: "k/1"},
	}
	update(t, db, func(tx *Tx) error {
		for _, m := range msgs {
			m.Queued = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
			if _, err := tx.Enqueue(m); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, db, func(tx *Tx) error {
		var got []string
		if err := tx.OutboxHeads(msgs[1].Seq, func(seq uint64, chat int64, lane youthbot.Lane) bool {
			got = append(got, fmt.Sprint(seq, chat, lane))
			return true
		}); err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprint([]string{fmt.Sprint(msgs[1].Seq, int64(-100200300), youthbot.LaneReply), fmt.Sprint(msgs[2].Seq, int64(1002), youthbot.LaneNotify)})
		if fmt.Sprint(got) != want {
			t.Errorf("heads %v, want %v", got, want)
		}
		var n int
		tx.OutboxHeads(0, func(uint64, int64, youthbot.Lane) bool { n++; return false })
		if n != 1 {
			t.Errorf("fn returning false: %d calls, want 1", n)
		}
		m, found, err := tx.Outgoing(msgs[2].Seq)
		if err != nil || !found || m.Seq != msgs[2].Seq || m.Key != "k/1" || m.Method != "sendPhoto" {
			t.Errorf("Outgoing = %+v, %v, %v", m, found, err)
		}
		if _, found, err := tx.Outgoing(999); found || err != nil {
			t.Errorf("Outgoing(999) found %v, %v", found, err)
		}
		return nil
	})
}
