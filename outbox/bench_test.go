package outbox_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/i18n"
	"youthbot/outbox"
	"youthbot/storage"
)

// BenchmarkBroadcast2000 broadcasts to 2,000 members through the real bot
// (/broadcast, Send) with YOUTHBOT_SEND_RATE=200 and the double enforcing
// 200 messages/s (and 1/s per chat, bursts of 3). It reports the rate
// achieved over the members' messages, as the double recorded them, its
// ratio to 200/s, and the 429 answers (the target: ≥ 0.95, zero 429).
func BenchmarkBroadcast2000(b *testing.B) {
	const members, rate = 2000, 200
	bot, sec, _ := bottest.StartWard(b, members, rate)
	var achieved, ratio float64
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Thông báo số %d", i)
		sec.Send("/broadcast " + text)
		preview := sec.Expect(b, "Số người nhận: "+i18n.Number("vi", int64(members)))
		sec.Press(preview, "📤 Gửi")
		settle(b, bot)
		sends := bot.BroadcastSends(sec, text)
		if len(sends) != members {
			b.Fatalf("%d members got the broadcast, want %d", len(sends), members)
		}
		span := sends[len(sends)-1].Time.Sub(sends[0].Time)
		achieved = float64(len(sends)-1) / span.Seconds()
		ratio = achieved / rate
	}
	b.StopTimer()
	b.ReportMetric(achieved, "msgs/s")
	b.ReportMetric(ratio, "ratio")
	b.ReportMetric(float64(bot.Server.Count429()), "429s")
	if ratio < 0.95 || bot.Server.Count429() != 0 {
		b.Errorf("achieved %.1f msgs/s (%.3f of %d) with %d answers 429; want ≥ 0.95 and none", achieved, ratio, rate, bot.Server.Count429())
	}
}

// BenchmarkReplyLatencyDuringBroadcast is BenchmarkBroadcast2000 with a
// member sending /help and waiting for the answer, over and over, while
// the broadcast goes: how long a reply takes from the update to the
// double (median and slowest).
func BenchmarkReplyLatencyDuringBroadcast(b *testing.B) {
	const members, rate = 2000, 200
	bot, sec, users := bottest.StartWard(b, members, rate)
	probe := users[0]
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		text := fmt.Sprintf("Thông báo số %d", i)
		sec.Send("/broadcast " + text)
		preview := sec.Expect(b, "Số người nhận: "+i18n.Number("vi", int64(members)))
		start := time.Now()
		cb := sec.Press(preview, "📤 Gửi")
		bot.Server.WaitUntil(b, "the answer to the press", func() bool {
			c, ok := bottest.FirstCall(bot.Server, start, func(c telegramtest.Call) bool { return c.Params["callback_query_id"] == cb.ID })
			if ok {
				lat = append(lat, c.Time.Sub(start))
			}
			return ok
		})
		for len(bot.BroadcastSends(sec, text)) < members*9/10 {
			start := time.Now()
			probe.Send("/help")
			bot.Server.WaitUntil(b, "the answer to /help", func() bool {
				c, ok := bottest.FirstCall(bot.Server, start, func(c telegramtest.Call) bool {
					return c.Chat == probe.ID && c.Method == "sendMessage" && !strings.Contains(c.Params["text"], text)
				})
				if ok {
					lat = append(lat, c.Time.Sub(start))
				}
				return ok
			})
			time.Sleep(time.Second) // the probe's chat: 1 message a second
		}
		settle(b, bot)
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "ms-max")
	b.ReportMetric(float64(len(lat)), "replies")
	if lat[len(lat)-1] > time.Second {
		b.Errorf("slowest reply %v during the broadcast, want within 1s", lat[len(lat)-1])
	}
}

// BenchmarkReplyBurst sends 10 one-line /log from each of 300 members at
// once with YOUTHBOT_SEND_RATE=1000, and from 100 members with 100 (the
// double sets no limit, so that what is measured is the bot's own pace),
// and reports the rate at which the replies left, as the double recorded
// them, and its ratio to the setting (the target: at most 1, with the
// limiter's 50 ms burst).
func BenchmarkReplyBurst(b *testing.B) {
	for _, tc := range []struct{ members, rate int }{{300, 1000}, {100, 100}} {
		b.Run(fmt.Sprintf("rate=%d", tc.rate), func(b *testing.B) { benchReplyBurst(b, tc.members, 10, float64(tc.rate)) })
	}
}

func benchReplyBurst(b *testing.B, members, each int, rate float64) {
	bot := bottest.Start(b, bottest.Options{Rate: rate})
	bot.Server.SetWaitTimeout(2 * time.Minute)
	bot.Secretary("Hoa", "VT-P5-KV1")
	us := make([]*telegramtest.User, members)
	for i := range us {
		us[i] = bot.Member(fmt.Sprintf("Đoàn viên %d", i), "VT-P5-KV1")
	}
	isMember := map[int64]bool{}
	for _, u := range us {
		isMember[u.ID] = true
	}
	var achieved float64
	b.ResetTimer()
	for n := range b.N {
		start := time.Now()
		for j := range each {
			for _, u := range us {
				u.Send(fmt.Sprintf("/log 3h Dọn kênh xáng lượt %d-%d", n, j))
			}
		}
		var replies []telegramtest.Call
		bot.Server.WaitUntil(b, "every reply", func() bool {
			replies = replies[:0]
			for _, c := range bot.Server.Calls() {
				if c.Method == "sendMessage" && c.Status == 200 && isMember[c.Chat] && !c.Time.Before(start) {
					replies = append(replies, c)
				}
			}
			return len(replies) >= members*each
		})
		span := replies[len(replies)-1].Time.Sub(replies[0].Time)
		achieved = float64(len(replies)-1) / span.Seconds()
	}
	b.StopTimer()
	b.ReportMetric(achieved, "replies/s")
	b.ReportMetric(achieved/rate, "ratio")
	if achieved > rate*1.1 {
		b.Errorf("replies left at %.0f/s with YOUTHBOT_SEND_RATE=%g", achieved, rate)
	}
}

// acceptAll is a Bot API that takes every call at once.
type acceptAll struct{ calls atomic.Int64 }

func (a *acceptAll) Call(string, map[string]string) (json.RawMessage, error) {
	a.calls.Add(1)
	return json.RawMessage(`{"message_id":1}`), nil
}

func (a *acceptAll) Upload(string, map[string]string, string, string, []byte) (json.RawMessage, error) {
	a.calls.Add(1)
	return json.RawMessage(`{"message_id":1}`), nil
}

// BenchmarkSenderDrain100k drains 100,000 queued notifications (a
// broadcast's, 500 characters each, to 100,000 chats) at
// YOUTHBOT_SEND_RATE=1000 into a Bot API that takes every call at once (no
// double, whose own memory would count), from a start: Load, then Run. It
// reports Load's time, the peak heap (in use, and live after a GC) and the
// peak RSS of the process (anonymous memory and file pages, the bbolt map
// and the binary, apart) sampled while the queue drains, the same at the
// start (after the 100,000 were written, before Load: the test process's
// own), and the rate.
func BenchmarkSenderDrain100k(b *testing.B) {
	n, rate := 100000, 1000.0
	if s := os.Getenv("YOUTHBOT_DRAIN_RATE"); s != "" { // a quicker look
		rate, _ = strconv.ParseFloat(s, 64)
	}
	for range b.N {
		b.StopTimer()
		db, err := storage.Open(filepath.Join(b.TempDir(), "y.db"), storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		body := strings.Repeat("Đoàn viên tham gia dọn kênh xáng. ", 15)[:500]
		for start := 0; start < n; start += 10000 {
			err := db.Update(func(tx *storage.Tx) error {
				for i := start; i < start+10000; i++ {
					chat := int64(1000000 + i)
					m := &youthbot.Outgoing{Chat: chat, Lane: youthbot.LaneNotify, Method: "sendMessage", Notice: "broadcast",
						Key: fmt.Sprintf("bc/BENCH/%d", chat), Queued: time.Now(),
						Params: map[string]string{"chat_id": strconv.FormatInt(chat, 10), "text": body, "parse_mode": "HTML"}}
					if _, err := tx.Enqueue(m); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		before := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(before)
		start := readMemStatus()
		b.StartTimer()
		api := &acceptAll{}
		s := outbox.NewSender(outbox.SenderConfig{DB: db, API: api, Rate: rate})
		t0 := time.Now()
		if err := s.Load(); err != nil {
			b.Fatal(err)
		}
		load := time.Since(t0)
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); s.Run(ctx) }()
		var peakHeap, peakLive uint64
		profiled := false
		var peak memStatus
		done := make(chan struct{})
		go func() {
			defer close(done)
			wctx, wcancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer wcancel()
			s.WaitIdle(wctx)
		}()
		tick := time.NewTicker(250 * time.Millisecond)
	sample:
		for {
			select {
			case <-tick.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peakHeap = max(peakHeap, ms.HeapInuse)
				live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
				metrics.Read(live)
				peakLive = max(peakLive, live[0].Value.Uint64())
				if os.Getenv("YOUTHBOT_DRAIN_PROFILE") != "" && api.calls.Load() > int64(n/2) && !profiled {
					profiled = true
					f, _ := os.Create(os.Getenv("YOUTHBOT_DRAIN_PROFILE"))
					pprof.WriteHeapProfile(f)
					f.Close()
				}
				st := readMemStatus()
				peak.rss, peak.anon, peak.file = max(peak.rss, st.rss), max(peak.anon, st.anon), max(peak.file, st.file)
			case <-done:
				break sample
			}
		}
		tick.Stop()
		elapsed := time.Since(t0)
		cancel()
		wg.Wait()
		db.Close()
		if got := api.calls.Load(); got != int64(n) {
			b.Fatalf("%d calls, want %d", got, n)
		}
		const mb = 1 << 20
		b.ReportMetric(float64(load.Microseconds())/1000, "ms-load")
		b.ReportMetric(float64(peakHeap)/mb, "MB-heap-inuse-peak")
		b.ReportMetric(float64(peakLive)/mb, "MB-heap-live-peak")
		b.ReportMetric(float64(before[0].Value.Uint64())/mb, "MB-heap-live-start")
		b.ReportMetric(float64(start.anon)/mb, "MB-rss-anon-start")
		b.ReportMetric(float64(peak.rss)/mb, "MB-rss-peak")
		b.ReportMetric(float64(peak.anon)/mb, "MB-rss-anon-peak")
		b.ReportMetric(float64(peak.file)/mb, "MB-rss-file-peak")
		b.ReportMetric(float64(n)/elapsed.Seconds(), "msgs/s")
	}
}

// memStatus is the process's resident memory from /proc/self/status
// (bytes; zero where it cannot be read).
type memStatus struct{ rss, anon, file uint64 }

func readMemStatus() memStatus {
	var st memStatus
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return st
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		kb, _ := strconv.ParseUint(fields[1], 10, 64)
		switch fields[0] {
		case "VmRSS:":
			st.rss = kb << 10
		case "RssAnon:":
			st.anon = kb << 10
		case "RssFile:":
			st.file = kb << 10
		}
	}
	return st
}
