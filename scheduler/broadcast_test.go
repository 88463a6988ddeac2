package scheduler_test

import (
	"context"
	"encoding/binary"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/scheduler"
	"youthbot/storage"
)

// bcAudience fills w with the audience of a broadcast to VT-P5: n approved
// members in two of its branches (the first speaks English, the second
// blocked the bot), and around them people it must not reach: a pending
// registration, a rejected one, a member of another subtree. It returns
// the ids that must get it.
func bcAudience(w *jobWorld, n int) []int64 {
	w.t.Helper()
	var want []int64
	t0 := at("2026-03-10 09:00:00")
	w.update(func(tx *storage.Tx) error {
		for i := range n {
			id := int64(100_000 + i)
			unit := []string{"VT-P5-KV1", "VT-P5-KV4"}[i%2]
			if err := tx.PutMember(youthbot.Member{UserID: id, Unit: unit, FullName: "Nguyễn Văn A", Status: youthbot.StatusApproved, RegisteredAt: t0, DecidedAt: t0}); err != nil {
				return err
			}
			switch i {
			case 0:
				if err := tx.PutUser(youthbot.User{ID: id, Lang: "en"}); err != nil {
					return err
				}
			case 1:
				if err := tx.PutUser(youthbot.User{ID: id, Unreachable: true}); err != nil {
					return err
				}
				continue
			}
			want = append(want, id)
		}
		for i, m := range []youthbot.Member{
			{Unit: "VT-P5-KV1", Status: youthbot.StatusPending},
			{Unit: "VT-P5-KV4", Status: youthbot.StatusRejected},
			{Unit: "PH-TB-TLA", Status: youthbot.StatusApproved},
		} {
			m.UserID, m.FullName, m.RegisteredAt = int64(900_000+i), "Ngoài", t0
			if err := tx.PutMember(m); err != nil {
				return err
			}
		}
		return nil
	})
	return want
}

// broadcastRows reads, for broadcast id, the outbox's messages per chat
// and the idempotency keys recorded.
func broadcastRows(t *testing.T, db *storage.DB, id string) (perChat map[int64]int, keys int, pending bool) {
	t.Helper()
	perChat = map[int64]int{}
	err := db.View(func(tx *storage.Tx) error {
		msgs, err := tx.Outbox()
		if err != nil {
			return err
		}
		for _, m := range msgs {
			if strings.HasPrefix(m.Key, "bc/"+id+"/") {
				perChat[m.Chat]++
			}
		}
		prefix := []byte("bc/" + id + "/")
		c := tx.Bolt().Bucket([]byte("outbox_keys")).Cursor()
		for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
			keys++
		}
		_, pending, err = tx.Broadcast(id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return perChat, keys, pending
}

// checkExactlyOnce fails unless every member of want has exactly one
// message of broadcast id in the outbox and one key, and nobody else.
func checkExactlyOnce(t *testing.T, db *storage.DB, id string, want []int64) {
	t.Helper()
	perChat, keys, pending := broadcastRows(t, db, id)
	for _, m := range want {
		if perChat[m] != 1 {
			t.Errorf("member %d has %d messages of the broadcast, want 1", m, perChat[m])
		}
	}
	if len(perChat) != len(want) || keys != len(want) {
		t.Errorf("%d chats have the broadcast with %d keys, want %d and %d", len(perChat), keys, len(want), len(want))
	}
	if pending {
		t.Error("the broadcast is still recorded after its fan-out")
	}
}

func putBroadcast(w *jobWorld, id string) {
	w.update(func(tx *storage.Tx) error {
		return tx.PutBroadcast(storage.Broadcast{ID: id, Author: 777, Units: []string{"VT-P5"}, From: "Đoàn phường V", Text: "Họp <b>tối nay</b>", Counted: 1})
	})
}

// cancelAfter is an Outbox that cancels a run's context after n pushes:
// the run stops between two chunks, as at a shutdown.
type cancelAfter struct {
	collector
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Push(msgs []*youthbot.Outgoing) {
	c.collector.Push(msgs)
	if c.n--; c.n == 0 {
		c.cancel()
	}
}

func TestBroadcastFanOutReachesEachMemberOnceInTheirLanguage(t *testing.T) {
	w := newJobWorld(t, "")
	want := bcAudience(w, 30)
	putBroadcast(w, "B1")
	if n := w.run(w.s.RunBroadcasts, at("2026-03-10 09:00:00")); n != len(want) {
		t.Errorf("queued %d, want %d", n, len(want))
	}
	checkExactlyOnce(t, w.db, "B1", want)
	var pushed, reports []*youthbot.Outgoing
	for _, m := range w.out.take() {
		if m.Key == scheduler.BroadcastReportKey("B1") {
			reports = append(reports, m)
		} else {
			pushed = append(pushed, m)
		}
	}
	if len(pushed) != len(want) {
		t.Fatalf("pushed %d messages, want %d", len(pushed), len(want))
	}
	// The author is told, once the fan-out is complete, what was queued
	// and whom the bot cannot reach (member 100001 blocked it).
	if len(reports) != 1 || reports[0].Chat != 777 {
		t.Fatalf("reports to the author: %+v", reports)
	}
	if text := reports[0].Params["text"]; !strings.Contains(text, "29/30 đoàn viên của Đoàn phường V") || !strings.Contains(text, "1 đoàn viên đã chặn bot") {
		t.Errorf("report %q", text)
	}
	for _, m := range pushed {
		text, wantHead := m.Params["text"], "Thông báo của Đoàn phường V"
		if m.Chat == want[0] {
			wantHead = "Announcement from Đoàn phường V"
		}
		if !strings.Contains(text, wantHead) || !strings.Contains(text, "Họp &lt;b&gt;tối nay&lt;/b&gt;") {
			t.Errorf("message to %d: %q, want %q and the escaped text", m.Chat, text, wantHead)
		}
		if m.Key != scheduler.BroadcastKey("B1", m.Chat) || m.Lane != youthbot.LaneNotify {
			t.Errorf("message to %d: key %q lane %v", m.Chat, m.Key, m.Lane)
		}
	}
	// Run again: nothing more.
	if n := w.run(w.s.RunBroadcasts, at("2026-03-10 09:01:00")); n != 0 {
		t.Errorf("a second run queued %d", n)
	}
}

// TestBroadcastFanOutResumesAfterAStopAndAFailedChunk: a fan-out of 2,500
// members stopped after its first chunk (a shutdown), then failing in a
// chunk (a user record that does not decode: the chunk's transaction rolls
// back, messages and cursor together), then taken up by a new process on
// the same file, queues each member's message exactly once.
func TestBroadcastFanOutResumesAfterAStopAndAFailedChunk(t *testing.T) {
	w := newJobWorld(t, "")
	want := bcAudience(w, 2500)
	putBroadcast(w, "B2")

	ctx, cancel := context.WithCancel(context.Background())
	stopper := &cancelAfter{n: 1, cancel: cancel}
	s, err := scheduler.New(scheduler.Config{DB: w.db, Outbox: stopper, Location: hcm})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.RunBroadcasts(ctx, at("2026-03-10 09:00:00"))
	if err == nil || n == 0 || n > 1000 {
		t.Fatalf("stopped run queued %d (err %v), want one transaction's chunk (≤ 1,000 members) and the context's error", n, err)
	}
	perChat, keys, pending := broadcastRows(t, w.db, "B2")
	if len(perChat) != n || keys != n || !pending {
		t.Fatalf("after the stop: %d chats, %d keys, recorded %v; want %d, %d, true", len(perChat), keys, pending, n, n)
	}

	// A user record further on that does not decode: that chunk fails whole.
	bad := want[len(want)-5]
	userKey := func(id int64) []byte {
		k := make([]byte, 8)
		binary.BigEndian.PutUint64(k, uint64(id)^(1<<63))
		return k
	}
	w.update(func(tx *storage.Tx) error {
		return tx.Bolt().Bucket([]byte("users")).Put(userKey(bad), []byte("{broken"))
	})
	m, err := w.s.RunBroadcasts(context.Background(), at("2026-03-10 09:00:01"))
	if err == nil {
		t.Fatal("a chunk with an undecodable user record did not fail")
	}
	perChat, keys, _ = broadcastRows(t, w.db, "B2")
	if len(perChat) != n+m || keys != n+m || n+m >= len(want) {
		t.Fatalf("after the failed chunk: %d chats, %d keys; want the %d queued by whole chunks", len(perChat), keys, n+m)
	}
	w.update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: bad}) })

	// A new process on the same file takes it up.
	path := w.db.Path()
	w.db.Close()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	out := &collector{}
	s, err = scheduler.New(scheduler.Config{DB: db, Outbox: out, Location: hcm})
	if err != nil {
		t.Fatal(err)
	}
	rest, err := s.RunBroadcasts(context.Background(), at("2026-03-10 09:02:00"))
	if err != nil {
		t.Fatal(err)
	}
	if n+m+rest != len(want) {
		t.Errorf("queued %d + %d + %d, want %d in all", n, m, rest, len(want))
	}
	checkExactlyOnce(t, db, "B2", want)
}

func TestBroadcastFanOutsRunningConcurrentlyQueueEachMessageOnce(t *testing.T) {
	w := newJobWorld(t, "")
	want := bcAudience(w, 2500)
	putBroadcast(w, "B3")
	putBroadcast(w, "B4")
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := w.s.RunBroadcasts(context.Background(), at("2026-03-10 09:00:00"))
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 2*len(want) {
		t.Errorf("the runs queued %d in all, want %d", total, 2*len(want))
	}
	checkExactlyOnce(t, w.db, "B3", want)
	checkExactlyOnce(t, w.db, "B4", want)
}

// TestBroadcastConfirmedBeforeACrashGoesOutAfterTheRestart: the Send
// press committed (the broadcast recorded) and the process died before the
// fan-out; the next start delivers it, once.
func TestBroadcastConfirmedBeforeACrashGoesOutAfterTheRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "y.db")
	b := bottest.Start(t, bottest.Options{DBPath: path})
	an := b.Member("An", "VT-P5-KV1")
	binh := b.Member("Bình", "VT-P5-KV4")
	b.Stop()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *storage.Tx) error {
		return tx.PutBroadcast(storage.Broadcast{ID: "B5", Author: an.ID, Units: []string{"VT-P5"}, From: "Đoàn phường V", Text: "Mai họp lúc 8 giờ", Counted: 2})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b = b.Restart(bottest.Options{})
	b.Server.WaitUntil(t, "both members to get the broadcast", func() bool {
		return len(an.Messages()) == 2 && len(binh.Messages()) == 1
	})
	b.Settle()
	got, reports := 0, 0
	for _, m := range append(an.Messages(), binh.Messages()...) {
		switch {
		case strings.Contains(m.Text, "Mai họp lúc 8 giờ"):
			got++
		case strings.Contains(m.Text, "2/2 đoàn viên"): // An wrote it: the report
			reports++
		default:
			t.Errorf("got %q", m.Text)
		}
	}
	if got != 2 || reports != 1 {
		t.Errorf("%d broadcasts and %d reports, want 2 and 1", got, reports)
	}
	perChat, keys, pending := broadcastRows(t, b.DB, "B5")
	if len(perChat) != 0 || keys != 2 || pending {
		t.Errorf("after delivery: %v left in the outbox, %d keys, recorded %v; want none, 2, false", perChat, keys, pending)
	}
}

// TestBroadcastReportWritesCountsAsPeopleDo: the author reads "1.002/1.003",
// not "1002/1003", in Vietnamese, and "1,002/1,003" in English.
func TestBroadcastReportWritesCountsAsPeopleDo(t *testing.T) {
	for lang, want := range map[string]string{"vi": "1.002/1.003 đoàn viên", "en": "1,002/1,003 members"} {
		t.Run(lang, func(t *testing.T) {
			w := newJobWorld(t, "")
			bcAudience(w, 1003)
			w.update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: 777, Lang: lang}) })
			putBroadcast(w, "B1")
			w.run(w.s.RunBroadcasts, at("2026-03-10 09:00:00"))
			for _, m := range w.out.take() {
				if m.Key == scheduler.BroadcastReportKey("B1") {
					if text := m.Params["text"]; !strings.Contains(text, want) {
						t.Errorf("report %q, want %q", text, want)
					}
					return
				}
			}
			t.Fatal("no report to the author")
		})
	}
}
