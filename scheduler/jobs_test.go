package scheduler_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"youthbot"
	"youthbot/demo"
	"youthbot/report"
	"youthbot/scheduler"
	"youthbot/storage"
	"youthbot/unitcsv"
)

var hcm = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		panic(err)
	}
	return loc
}()

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, hcm)
	if err != nil {
		panic(err)
	}
	return t
}

// collector is an Outbox keeping what jobs pushed.
type collector struct {
	mu   sync.Mutex
	msgs []*youthbot.Outgoing
}

func (c *collector) Push(msgs []*youthbot.Outgoing) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.msgs = append(c.msgs, msgs...)
}

func (c *collector) take() []*youthbot.Outgoing {
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.msgs
	c.msgs = nil
	return m
}

// fakeTally is a TallyBuilder naming the unit, month and language, with a
// chart and a workbook; it counts its builds.
type fakeTally struct {
	mu     sync.Mutex
	builds int
}

func (f *fakeTally) build(_ context.Context, _ *storage.DB, unit string, p youthbot.Period, lang string) (*scheduler.TallyContent, error) {
	f.mu.Lock()
	f.builds++
	f.mu.Unlock()
	return &scheduler.TallyContent{
		Texts:    []string{fmt.Sprintf("📊 Tally %s %s (%s)", unit, scheduler.MonthLabel(p), lang), "page 2"},
		Chart:    []byte("\x89PNG " + unit),
		Workbook: []byte("PK xlsx " + unit),
	}, nil
}

// jobWorld is a Scheduler on the demo units, its jobs run by hand.
type jobWorld struct {
	t     *testing.T
	db    *storage.DB
	out   *collector
	s     *scheduler.Scheduler
	tally *fakeTally
	next  int64
}

func newJobWorld(t *testing.T, cron string) *jobWorld {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "y.db"), storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rows, err := unitcsv.Parse(strings.NewReader(demo.UnitsCSV))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *storage.Tx) error { _, _, err := tx.ImportUnits(rows); return err }); err != nil {
		t.Fatal(err)
	}
	w := &jobWorld{t: t, db: db, out: &collector{}, tally: &fakeTally{}, next: 5000}
	w.s, err = scheduler.New(scheduler.Config{DB: db, Outbox: w.out, Location: hcm, TallyCron: cron, Admins: []int64{900},
		Tally: w.tally.build})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func (w *jobWorld) update(fn func(tx *storage.Tx) error) {
	w.t.Helper()
	if err := w.db.Update(fn); err != nil {
		w.t.Fatal(err)
	}
}

func (w *jobWorld) secretary(unit, lang string) int64 {
	w.next++
	id := w.next
	w.update(func(tx *storage.Tx) error {
		if err := tx.PutUser(youthbot.User{ID: id, Lang: lang}); err != nil {
			return err
		}
		return tx.AddSecretary(id, unit)
	})
	return id
}

func (w *jobWorld) member(unit string, status youthbot.MemberStatus, registered time.Time) int64 {
	w.next++
	id := w.next
	w.update(func(tx *storage.Tx) error {
		m := youthbot.Member{UserID: id, Unit: unit, FullName: "Nguyễn Văn A", Status: status, RegisteredAt: registered}
		if status == youthbot.StatusApproved {
			m.DecidedAt = registered
		}
		return tx.PutMember(m)
	})
	return id
}

func (w *jobWorld) group(unit string) int64 {
	w.next++
	id := -w.next
	w.update(func(tx *storage.Tx) error { return tx.LinkGroup(youthbot.GroupLink{Chat: id, Unit: unit}) })
	return id
}

func (w *jobWorld) run(job func(context.Context, time.Time) (int, error), now time.Time) int {
	w.t.Helper()
	n, err := job(context.Background(), now)
	if err != nil {
		w.t.Fatalf("run at %v: %v", now, err)
	}
	return n
}

// chats returns the chats of msgs, sorted, each once.
func chats(msgs []*youthbot.Outgoing) []int64 {
	var out []int64
	for _, m := range msgs {
		out = append(out, m.Chat)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestTallyPeriodIsTheMonthBeforeTheLastFiring(t *testing.T) {
	cases := []struct {
		cron, now, want string
	}{
		{"0 8 1 * *", "2026-03-01 07:59:59", "2026-01"},
		{"0 8 1 * *", "2026-03-01 08:00:00", "2026-02"},
		{"0 8 1 * *", "2026-03-31 23:00:00", "2026-02"},
		{"0 8 1 * *", "2026-01-01 08:00:00", "2025-12"},
		{"@every 10s", "2026-03-15 10:00:00", "2026-02"},
		{"30 6 * * *", "2026-04-01 06:29:00", "2026-02"}, // fired last on 31/03
	}
	for _, tc := range cases {
		w := newJobWorld(t, tc.cron)
		p, ok := w.s.TallyPeriod(at(tc.now))
		if !ok || p.String() != tc.want {
			t.Errorf("%q at %s: got %s %v, want %s", tc.cron, tc.now, p, ok, tc.want)
		}
	}
}

func TestTallyGoesOnceToEachRecipientWhateverTheRuns(t *testing.T) {
	w := newJobWorld(t, "@every 10s")
	secVT := w.secretary("VT", "vi")
	secEN := w.secretary("VT", "en")
	secBranch := w.secretary("VT-CDCD-CNTT", "vi")
	gone := w.secretary("PH", "vi")
	w.update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: gone, Unreachable: true}) })
	grp := w.group("VT")
	now := at("2026-03-01 08:00:00")

	// Several firings, some at once.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := w.s.RunTally(context.Background(), now); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range 5 {
		w.run(w.s.RunTally, now.Add(time.Duration(i)*10*time.Second))
	}
	msgs := w.out.take()
	if got, want := chats(msgs), []int64{grp, secVT, secEN, secBranch}; !slices.Equal(got, slices.Sorted(slices.Values(want))) {
		t.Fatalf("recipients %v, want %v", got, want)
	}
	if len(msgs) != 4*4 {
		t.Fatalf("%d messages, want 16 (2 texts, chart, workbook to each of 4)", len(msgs))
	}
	for _, m := range msgs {
		switch m.Method {
		case "sendMessage":
			if m.Params["text"] != "page 2" && !strings.Contains(m.Params["text"], "02/2026") {
				t.Errorf("text %q does not name 02/2026", m.Params["text"])
			}
			if m.Chat == secEN && strings.HasPrefix(m.Params["text"], "📊") && !strings.Contains(m.Params["text"], "(en)") {
				t.Errorf("English secretary got %q", m.Params["text"])
			}
		case "sendPhoto", "sendDocument":
			if m.Render == nil || m.File != nil || m.Render.Period != "2026-02" {
				t.Errorf("%s to %d: render %+v, file %v: want a render instruction and no stored file", m.Method, m.Chat, m.Render, m.File != nil)
			}
		default:
			t.Errorf("unexpected %s", m.Method)
		}
	}
	if w.tally.builds > 4 {
		t.Errorf("%d builds for 2 units × 2 languages", w.tally.builds)
	}

	// A secretary and a group added after the month ended get it too, at
	// the next firing; nobody else gets it again.
	late := w.secretary("VT-CDCD-CNTT", "vi")
	lateGroup := w.group("VT-CDCD-CNTT")
	w.run(w.s.RunTally, now.Add(time.Hour))
	if got := chats(w.out.take()); !slices.Equal(got, []int64{lateGroup, late}) {
		t.Errorf("late recipients: got %v, want %v", got, []int64{lateGroup, late})
	}
	w.run(w.s.RunTally, now.Add(2*time.Hour))
	if n := len(w.out.take()); n != 0 {
		t.Errorf("%d messages on a repeated firing", n)
	}
	// The files the outbox names are built at delivery.
	f, err := w.s.Tallies().Render(context.Background(), &youthbot.Render{Kind: youthbot.RenderTallyWorkbook, Unit: "VT", Period: "2026-02", Lang: "vi"})
	if err != nil || f.Name != "tally-VT-2026-02.xlsx" || f.Field != "document" || string(f.Data) != "PK xlsx VT" {
		t.Errorf("render: %+v, %v", f, err)
	}
	var st storage.JobState
	w.db.View(func(tx *storage.Tx) error { st, _, _ = tx.Job(scheduler.JobTally); return nil })
	if st.Period != "2026-02" || st.LastRun.IsZero() {
		t.Errorf("job state %+v", st)
	}
}

func TestCampaignRemindersOnlyInsideTheCampaign(t *testing.T) {
	w := newJobWorld(t, "")
	in := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
	in2 := w.member("VT-CDCD-CNTT", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
	w.member("VT-P5-KV1", youthbot.StatusPending, at("2026-01-05 10:00:00"))
	w.member("PH-TB-TLA", youthbot.StatusApproved, at("2026-01-05 10:00:00")) // outside the subtree
	blocked := w.member("VT-P5-KV4", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
	w.update(func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: blocked, Unreachable: true}) })
	grp := w.group("VT-P5")
	w.group("PH") // outside
	c := youthbot.Campaign{Name: "Tháng Thanh niên", Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 10},
		End: youthbot.Date{Year: 2026, Month: 3, Day: 12}, Cron: "0 7 * * *", Reminder: "Nhớ ghi nhận hoạt động <b>nhé</b>",
		CreatedAt: at("2026-03-01 09:00:00")}
	w.update(func(tx *storage.Tx) error { return tx.NewCampaign(&c) })
	want := slices.Sorted(slices.Values([]int64{in, in2, grp}))

	steps := []struct {
		now  string
		want []int64
	}{
		{"2026-03-09 07:00:10", nil},  // before its dates
		{"2026-03-10 06:59:59", nil},  // not fired yet
		{"2026-03-10 07:00:00", want}, // first day
		{"2026-03-10 07:00:30", nil},  // same firing again
		{"2026-03-10 12:00:00", nil},
		{"2026-03-11 07:00:00", want},
		{"2026-03-12 12:59:00", want}, // down from 06:00 to 12:59: made up (within the grace)
		{"2026-03-13 07:00:00", nil},  // after its dates
	}
	for _, st := range steps {
		w.run(w.s.RunCampaigns, at(st.now))
		msgs := w.out.take()
		if got := chats(msgs); !slices.Equal(got, st.want) {
			t.Errorf("at %s: reminded %v, want %v", st.now, got, st.want)
		}
		for _, m := range msgs {
			if !strings.Contains(m.Params["text"], "Tháng Thanh niên") || !strings.Contains(m.Params["text"], "&lt;b&gt;nhé") {
				t.Errorf("reminder text %q", m.Params["text"])
			}
		}
	}

	// Downtime longer than the grace: the stale firing is skipped.
	c2 := youthbot.Campaign{Name: "Mùa hè xanh", Unit: "VT", Start: youthbot.Date{Year: 2026, Month: 3, Day: 1},
		End: youthbot.Date{Year: 2026, Month: 3, Day: 31}, Cron: "0 7 * * *", Reminder: "x", CreatedAt: at("2026-03-01 00:00:00")}
	w.update(func(tx *storage.Tx) error { return tx.NewCampaign(&c2) })
	w.run(w.s.RunCampaigns, at("2026-03-14 07:00:00"))
	w.out.take()
	w.run(w.s.RunCampaigns, at("2026-03-15 14:00:00")) // the 07:00 firing is 7 h old
	if n := len(w.out.take()); n != 0 {
		t.Errorf("%d reminders for a firing older than the grace", n)
	}
	// Ended early: nothing more.
	w.update(func(tx *storage.Tx) error {
		cur, err := tx.Campaign(c2.ID)
		if err != nil {
			return err
		}
		cur.EndedAt = at("2026-03-15 20:00:00")
		return tx.PutCampaign(&cur)
	})
	w.run(w.s.RunCampaigns, at("2026-03-16 07:00:00"))
	if n := len(w.out.take()); n != 0 {
		t.Errorf("%d reminders after /endcampaign", n)
	}
}

func TestProjectReminderTheEveningBefore(t *testing.T) {
	w := newJobWorld(t, "")
	joined := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
	waiting := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-05 10:00:00"))
	p := youthbot.Project{Kind: youthbot.ProjectWork, Title: "Đường hoa", Unit: "VT-P5", Start: youthbot.Date{Year: 2026, Month: 3, Day: 11},
		End: youthbot.Date{Year: 2026, Month: 3, Day: 20}, Capacity: 1}
	w.update(func(tx *storage.Tx) error {
		if err := tx.NewProject(&p); err != nil {
			return err
		}
		if err := tx.PutSeat(p.Code, youthbot.Participant{Member: joined, State: youthbot.SeatJoined, JoinedAt: at("2026-03-01 10:00:00")}); err != nil {
			return err
		}
		return tx.PutSeat(p.Code, youthbot.Participant{Member: waiting, State: youthbot.SeatWaiting, JoinedAt: at("2026-03-01 11:00:00")})
	})
	for _, st := range []struct {
		now  string
		want []int64
	}{
		{"2026-03-10 17:59:59", nil},
		{"2026-03-10 18:00:00", []int64{joined}},
		{"2026-03-10 21:00:00", nil},
		{"2026-03-11 18:00:00", nil},
	} {
		w.run(w.s.RunProjectReminders, at(st.now))
		msgs := w.out.take()
		if got := chats(msgs); !slices.Equal(got, st.want) {
			t.Errorf("at %s: reminded %v, want %v", st.now, got, st.want)
		}
		for _, m := range msgs {
			if !strings.Contains(m.Params["text"], "Đường hoa") || !strings.Contains(m.Params["text"], "11/03/2026") {
				t.Errorf("text %q", m.Params["text"])
			}
		}
	}
}

func TestDigestListsWhatWaitsMoreThanADay(t *testing.T) {
	w := newJobWorld(t, "")
	sec := w.secretary("VT-P5-KV1", "vi")
	w.member("VT-P5-KV1", youthbot.StatusPending, at("2026-03-08 10:00:00"))
	w.member("VT-P5-KV1", youthbot.StatusPending, at("2026-03-10 08:00:00")) // 1 h: not yet
	w.member("PH-TB-TLA", youthbot.StatusPending, at("2026-03-01 10:00:00")) // no secretary: admins
	m := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-01 10:00:00"))
	w.update(func(tx *storage.Tx) error {
		return tx.AddActivity(&youthbot.Activity{Member: m, Unit: "VT-P5-KV1", Date: youthbot.Date{Year: 2026, Month: 3, Day: 7},
			Description: "Dọn kênh", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: at("2026-03-07 20:00:00")})
	})
	w.run(w.s.RunDigest, at("2026-03-10 08:59:00"))
	if n := len(w.out.take()); n != 0 {
		t.Errorf("%d digests before 09:00", n)
	}
	w.run(w.s.RunDigest, at("2026-03-10 09:00:00"))
	msgs := w.out.take()
	if got := chats(msgs); !slices.Equal(got, []int64{900, sec}) {
		t.Fatalf("digest to %v, want the admin and the secretary", got)
	}
	for _, m := range msgs {
		if m.Chat == sec && !strings.Contains(m.Params["text"], "Chi đoàn Khu vực 1: 1 đăng ký, 1 hoạt động") {
			t.Errorf("digest %q", m.Params["text"])
		}
	}
	w.run(w.s.RunDigest, at("2026-03-10 15:00:00"))
	if n := len(w.out.take()); n != 0 {
		t.Errorf("%d digests on a second run the same day", n)
	}
}

// TestDigestFitsInOneMessage: a secretary over many units with long names
// waiting gets a digest Telegram accepts (at most 4096 characters), the
// units that do not fit summed up in its last line.
func TestDigestFitsInOneMessage(t *testing.T) {
	w := newJobWorld(t, "")
	sec := w.secretary("HG", "vi")
	for i := range 39 {
		code := fmt.Sprintf("HG-LONG%02d", i)
		w.update(func(tx *storage.Tx) error {
			long := []rune(fmt.Sprintf("%02d ", i) + strings.Repeat("Chi đoàn Khoa Công nghệ thông tin ", 4))
			name := strings.TrimSpace(string(long[:youthbot.MaxUnitNameLen]))
			return tx.PutUnit(youthbot.Unit{Code: code, Name: name, Parent: "HG", Kind: youthbot.KindBranch})
		})
		w.member(code, youthbot.StatusPending, at("2026-03-08 10:00:00"))
	}
	w.run(w.s.RunDigest, at("2026-03-10 09:00:00"))
	for _, m := range w.out.take() {
		if m.Chat != sec {
			continue
		}
		text := m.Params["text"]
		if n := utf8.RuneCountInString(report.Plain(text)); n > report.MaxMessage {
			t.Errorf("digest of %d characters, Telegram takes at most %d", n, report.MaxMessage)
		}
		if !strings.Contains(text, "đơn vị khác") || !strings.Contains(text, "/pending") {
			t.Errorf("digest without its summary line or hint:\n%s", text)
		}
		return
	}
	t.Fatal("no digest to the secretary")
}
