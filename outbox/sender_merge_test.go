package outbox_test

import (
	"strings"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// notice is a mergeable notification (a reminder, a tally's text) to chat.
func notice(chat int64, key, s string, queued time.Time) *youthbot.Outgoing {
	m := text(chat, key, s)
	m.Merge, m.Queued, m.Params["parse_mode"] = youthbot.MergeNotice, queued, "HTML"
	return m
}

func TestSenderMergesNoticesQueuedForOneChatWithinAMinute(t *testing.T) {
	long := strings.Repeat("x", youthbot.MaxText-10)
	now := time.Now()
	tests := []struct {
		name string
		msgs func(chat int64) []*youthbot.Outgoing
		want []string // the texts the chat receives, in order
	}{
		{"two reminders and a tally arrive as one", func(c int64) []*youthbot.Outgoing {
			return []*youthbot.Outgoing{notice(c, "r1", "nhắc 1", now), notice(c, "r2", "nhắc 2", now.Add(10*time.Second)),
				notice(c, "t1", "tổng kết", now.Add(50*time.Second))}
		}, []string{"nhắc 1\n\nnhắc 2\n\ntổng kết"}},
		{"a minute apart go alone", func(c int64) []*youthbot.Outgoing {
			return []*youthbot.Outgoing{notice(c, "r1", "a", now), notice(c, "r2", "b", now.Add(time.Minute))}
		}, []string{"a", "b"}},
		{"a message with buttons is not merged and nothing overtakes it", func(c int64) []*youthbot.Outgoing {
			b := notice(c, "r2", "b", now)
			b.Params["reply_markup"] = `{"inline_keyboard":[[{"text":"ok","callback_data":"x"}]]}`
			return []*youthbot.Outgoing{notice(c, "r1", "a", now), b, notice(c, "r3", "c", now)}
		}, []string{"a", "b", "c"}},
		{"a plain message without Merge stays alone", func(c int64) []*youthbot.Outgoing {
			return []*youthbot.Outgoing{notice(c, "r1", "a", now), text(c, "r2", "b"), notice(c, "r3", "c", now)}
		}, []string{"a", "b", "c"}},
		{"over Telegram's limit starts a new message", func(c int64) []*youthbot.Outgoing {
			return []*youthbot.Outgoing{notice(c, "r1", long, now), notice(c, "r2", "0123456789", now), notice(c, "r3", "z", now)}
		}, []string{long, "0123456789\n\nz"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t, worldOptions{})
			g := w.srv.NewGroup("Chi đoàn ấp 1").ID()
			w.queue(tt.msgs(g)...)
			w.idle(20 * time.Second)
			got := w.textsTo(g)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("group received %q, want %q", got, tt.want)
			}
		})
	}
}

// A kill while the merged message cannot be delivered and a restart on the
// same database deliver it once, every text in it; the items' keys still
// hold afterwards.
func TestSenderMergedNoticesSurviveARestartOnceEach(t *testing.T) {
	srv := telegramtest.New(t)
	db, err := storage.Open(t.TempDir()+"/y.db", storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	g := srv.NewGroup("Chi đoàn ấp 1").ID()
	now := time.Now()
	batch := func() []*youthbot.Outgoing {
		return []*youthbot.Outgoing{notice(g, "rem/1", "nhắc 1", now), notice(g, "rem/2", "nhắc 2", now),
			notice(g, "tally/1", "tổng kết", now)}
	}
	srv.FailChat(g, 1, telegramtest.Fault{Code: 500}) // the retry waits at least half a second
	first := newWorld(t, worldOptions{db: db, srv: srv})
	first.queue(batch()...)
	srv.WaitUntil(t, "a failed attempt", func() bool { return len(srv.Calls()) > 0 })
	first.stop() // killed with the three still queued
	if n := len(first.sends()); n != 0 {
		t.Fatalf("%d messages delivered before the kill, want none", n)
	}
	second := newWorld(t, worldOptions{db: db, srv: srv})
	second.idle(30 * time.Second)
	if got := second.textsTo(g); len(got) != 1 || got[0] != "nhắc 1\n\nnhắc 2\n\ntổng kết" {
		t.Fatalf("after the restart the group received %q, want one message with the three texts", got)
	}
	second.queue(batch()...) // the same items again: their keys were kept
	second.idle(10 * time.Second)
	if got := second.textsTo(g); len(got) != 1 {
		t.Fatalf("the items were sent again despite their keys: %q", got)
	}
}

// A notice with nothing after it waits MergeHold for others of its chat,
// queued apart (as the jobs of one minute are); a reply to that chat does
// not wait with it.
func TestSenderHoldsALoneNoticeForOthersButNotTheChatsReplies(t *testing.T) {
	w := newWorld(t, worldOptions{})
	g := w.srv.NewGroup("Chi đoàn ấp 1").ID()
	start := time.Now()
	w.queue(notice(g, "r1", "nhắc 1", start))
	time.Sleep(300 * time.Millisecond) // a second job, a moment later (real time: the sender's hold is)
	w.queue(reply(g, "trả lời"))
	w.srv.WaitUntil(t, "the reply", func() bool { return len(w.textsTo(g)) > 0 })
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("the reply waited %v with the held notice", d)
	}
	w.queue(notice(g, "t1", "tổng kết", time.Now()))
	w.idle(20 * time.Second)
	if got := w.textsTo(g); strings.Join(got, "|") != "trả lời|nhắc 1\n\ntổng kết" {
		t.Fatalf("group received %q, want the reply, then the two notices as one", got)
	}
}
