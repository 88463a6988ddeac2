package scheduler_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"youthbot"
	"youthbot/scheduler"
	"youthbot/seed"
	"youthbot/storage"
)

func TestMain(m *testing.M) {
	code := m.Run()
	seed.RemoveShared()
	os.Exit(code)
}

// seededCopy returns a copy, in a temporary directory, of the database of
// README's performance table (seed.SharedFile: 100,000 members).
func seededCopy(b *testing.B) string {
	b.Helper()
	path, err := seed.SharedCopy(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// counting is an Outbox that only counts what it is given.
type counting struct{ n atomic.Int64 }

func (c *counting) Push(msgs []*youthbot.Outgoing) { c.n.Add(int64(len(msgs))) }

// procStatus reads the resident set sizes of this process, in bytes:
// total, anonymous (the heap, stacks) and file-backed (the binary, and the
// database's memory map as far as it was read).
func procStatus() (rss, anon, file int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		switch name {
		case "VmRSS":
			rss = kb << 10
		case "RssAnon":
			anon = kb << 10
		case "RssFile":
			file = kb << 10
		}
	}
	return rss, anon, file
}

func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// BenchmarkBroadcastFanOutProvince fans out a broadcast to the whole
// seeded province (100,000 members, 94,017 approved and reachable) into the
// outbox, as the broadcast job does after the Send press, while another
// writer commits a small transaction (an update's) in a loop: it reports
// the fan-out's time, how long that other writer waited at most and at the
// 99th percentile, and the process's peak RSS meanwhile (total, anonymous,
// file-backed: the database's map) and Go heap. The outbox here only
// counts the messages (the Sender's memory is not measured).
//
//	YOUTHBOT_BENCH_DB=/tmp/seed.db go test -run '^$' -bench BroadcastFanOutProvince -benchtime=1x ./scheduler/
func BenchmarkBroadcastFanOutProvince(b *testing.B) {
	db, err := storage.Open(seededCopy(b), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	opts := seed.Benchmark()
	out := &counting{}
	s, err := scheduler.New(scheduler.Config{DB: db, Outbox: out, Location: opts.Loc})
	if err != nil {
		b.Fatal(err)
	}
	var fanOut time.Duration
	var waits []time.Duration
	var peakRSS, peakAnon, peakFile, peakHeap int64
	_, baseAnon, _ := procStatus()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		id := fmt.Sprintf("BENCH%d", i)
		err := db.Update(func(tx *storage.Tx) error {
			return tx.PutBroadcast(storage.Broadcast{ID: id, Author: 1, Units: []string{seed.RootCode}, From: "Tỉnh đoàn Sông Hậu",
				Text: "Thông báo: sinh hoạt chi đoàn tối thứ Sáu", At: opts.Now})
		})
		if err != nil {
			b.Fatal(err)
		}
		before := out.n.Load()
		done := make(chan struct{})
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { // another update's transaction, again and again
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				start := time.Now()
				if err := db.Update(func(tx *storage.Tx) error { return tx.Touch(opts.Now) }); err != nil {
					b.Error(err)
					return
				}
				waits = append(waits, time.Since(start))
			}
		}()
		go func() { // memory, every 10 ms
			defer wg.Done()
			t := time.NewTicker(10 * time.Millisecond)
			defer t.Stop()
			for {
				rss, anon, file := procStatus()
				peakRSS, peakAnon, peakFile, peakHeap = max(peakRSS, rss), max(peakAnon, anon), max(peakFile, file), max(peakHeap, heapBytes())
				select {
				case <-done:
					return
				case <-t.C:
				}
			}
		}()
		b.StartTimer()
		start := time.Now()
		n, err := s.RunBroadcasts(context.Background(), opts.Now)
		fanOut += time.Since(start)
		b.StopTimer()
		close(done)
		wg.Wait()
		if err != nil {
			b.Fatal(err)
		}
		// Pushed: every recipient's message and the report to the author.
		if n < 90_000 || out.n.Load()-before != int64(n)+1 {
			b.Fatalf("queued %d, pushed %d; want the province's ~94,000 and the author's report", n, out.n.Load()-before)
		}
		b.StartTimer()
	}
	slices.Sort(waits)
	if len(waits) == 0 {
		b.Fatal("the other writer never committed")
	}
	mb := func(v int64) float64 { return float64(v) / (1 << 20) }
	b.ReportMetric(fanOut.Seconds()/float64(b.N), "fanout_s")
	b.ReportMetric(float64(waits[len(waits)-1].Microseconds())/1000, "other_update_max_wait_ms")
	b.ReportMetric(float64(waits[len(waits)*99/100].Microseconds())/1000, "other_update_p99_ms")
	b.ReportMetric(float64(waits[len(waits)/2].Microseconds())/1000, "other_update_p50_ms")
	b.ReportMetric(float64(len(waits)), "other_updates")
	b.ReportMetric(mb(peakRSS), "peak_rss_MB")
	b.ReportMetric(mb(peakAnon), "peak_rss_anon_MB")
	b.ReportMetric(mb(baseAnon), "rss_anon_before_MB")
	b.ReportMetric(mb(peakFile), "peak_rss_file_MB")
	b.ReportMetric(mb(peakHeap), "peak_heap_MB")
}
