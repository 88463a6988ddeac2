package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

// Fixed schedules of the jobs besides the tally (bot time zone).
const (
	campaignTick        = "* * * * *"  // campaign reminders: each campaign's own cron, checked every minute
	projectReminderCron = "0 18 * * *" // the evening before a project starts
	digestCron          = "0 9 * * *"  // secretaries' daily digest
)

// Job names: in the jobs bucket, logs and metrics (Recorder).
const (
	JobTally            = "tally"
	JobCampaigns        = "campaign_reminders"
	JobProjectReminders = "project_reminders"
	JobDigest           = "digest"
)

// DefaultJobTimeout bounds one run of a job.
const DefaultJobTimeout = 10 * time.Minute

// Outbox takes messages committed to the outbox for delivery; *outbox.Sender
// is one.
type Outbox interface {
	Push(msgs []*youthbot.Outgoing)
}

// Config is what a Scheduler needs.
type Config struct {
	DB *storage.DB
	// Outbox delivers what the jobs queue. The files the tallies name are
	// built at delivery by Tallies().Render: the wiring gives it to the
	// sender (outbox.Sender.SetRender).
	Outbox    Outbox
	Location  *time.Location   // YOUTHBOT_TZ
	TallyCron string           // YOUTHBOT_TALLY_CRON; DefaultTallyCron when empty
	Lang      string           // default language
	Admins    []int64          // get the digest of units without secretaries
	Now       func() time.Time // the clock; jobs are run with its time
	// Tally builds tally contents; nil: ReportTally (the report package).
	Tally      TallyBuilder
	Log        *slog.Logger
	Recorder   Recorder      // optional: job runs for monitoring
	JobTimeout time.Duration // 0: DefaultJobTimeout
}

// DefaultTallyCron is YOUTHBOT_TALLY_CRON's default: 08:00 on the 1st.
const DefaultTallyCron = "0 8 1 * *"

// Scheduler runs the time-driven jobs: the monthly tally, campaign
// reminders, project reminders and the secretaries' digest.
//
// Each job is a function of the clock's time and the database
// (RunTally(ctx, now), ...): it works out from persistent state what is
// due at that time and queues it in the outbox with idempotency keys, so
// running it again, concurrently, or after a restart queues nothing twice.
// The cron runner only triggers them; Start also runs each once (the
// catch-up of what came due while the bot was down), and tests call them
// with any time.
type Scheduler struct {
	cfg     Config
	db      *storage.DB
	loc     *time.Location
	now     func() time.Time
	log     *slog.Logger
	tally   cron.Schedule
	tallies *Tallies

	locks map[string]*sync.Mutex
	kick  chan struct{} // KickBroadcasts → ServeBroadcasts

	mu     sync.Mutex
	cron   *cron.Cron
	cancel context.CancelFunc
	wg     sync.WaitGroup
	ready  chan struct{} // closed when Start's catch-up run is over
}

// New returns a Scheduler; nothing runs before Start.
func New(cfg Config) (*Scheduler, error) {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.TallyCron == "" {
		cfg.TallyCron = DefaultTallyCron
	}
	if cfg.Lang == "" {
		cfg.Lang = youthbot.LangVI
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = DefaultJobTimeout
	}
	if cfg.Tally == nil {
		cfg.Tally = ReportTally(cfg.Location)
	}
	sched, err := cron.ParseStandard(cfg.TallyCron)
	if err != nil {
		return nil, fmt.Errorf("tally schedule %q: %w", cfg.TallyCron, err)
	}
	s := &Scheduler{
		cfg: cfg, db: cfg.DB, loc: cfg.Location, now: cfg.Now, log: cfg.Log, tally: sched,
		tallies: NewTallies(cfg.DB, cfg.Tally),
		locks:   map[string]*sync.Mutex{},
		ready:   make(chan struct{}),
		kick:    make(chan struct{}, 1),
	}
	for _, name := range []string{JobTally, JobCampaigns, JobProjectReminders, JobDigest, JobBroadcasts, JobPrune} {
		s.locks[name] = &sync.Mutex{}
	}
	return s, nil
}

// Tallies returns the scheduler's tally builder and cache.
func (s *Scheduler) Tallies() *Tallies { return s.tallies }

// jobs lists the jobs with their cron schedules.
func (s *Scheduler) jobs() []struct {
	name, spec string
	run        func(context.Context, time.Time) (int, error)
} {
	return []struct {
		name, spec string
		run        func(context.Context, time.Time) (int, error)
	}{
		{JobTally, s.cfg.TallyCron, s.RunTally},
		{JobCampaigns, campaignTick, s.RunCampaigns},
		{JobProjectReminders, projectReminderCron, s.RunProjectReminders},
		{JobDigest, digestCron, s.RunDigest},
		{JobBroadcasts, broadcastTick, s.RunBroadcasts},
		{JobPrune, pruneCron, s.RunPrune}, // prune.go
	}
}

// Start starts the cron runner and, in the background, runs every job once
// for what came due while the bot was down. Stop ends both.
func (s *Scheduler) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron != nil {
		return errors.New("scheduler already started")
	}
	base, cancel := context.WithCancel(context.Background())
	logger := cronLogger{s.log}
	c := cron.New(cron.WithLocation(s.loc), cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	for _, j := range s.jobs() {
		if _, err := c.AddFunc(j.spec, func() { s.runJob(base, j.name, j.run) }); err != nil {
			cancel()
			return fmt.Errorf("schedule %s %q: %w", j.name, j.spec, err)
		}
	}
	s.cron, s.cancel = c, cancel
	c.Start()
	s.wg.Add(2)
	go func() { defer s.wg.Done(); s.ServeBroadcasts(base) }()
	go func() {
		defer s.wg.Done()
		defer close(s.ready)
		for _, j := range s.jobs() {
			if base.Err() != nil {
				return
			}
			s.catchUp(base, j.name, j.run)
		}
	}()
	s.log.Info("scheduler started", "tally_cron", s.cfg.TallyCron, "tz", s.loc.String())
	return nil
}

// Ready is closed once the catch-up run Start began is over (or stopped).
func (s *Scheduler) Ready() <-chan struct{} { return s.ready }

// Stop stops the cron runner and waits for the jobs running, whose context
// is cancelled: what they queued is in the outbox, what they had not
// queued yet the next run queues.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	c, cancel := s.cron, s.cancel
	s.mu.Unlock()
	if c == nil {
		return
	}
	cancel()
	<-c.Stop().Done()
	s.wg.Wait()
}

// catchUp runs a job at start, logging a panic instead of crashing.
func (s *Scheduler) catchUp(base context.Context, name string, run func(context.Context, time.Time) (int, error)) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("job panic", "job", name, "panic", p, "stack", string(debug.Stack()))
		}
	}()
	s.runJob(base, name, run)
}

// runJob runs one job with its own timeout, unless a run of it (the
// catch-up or a cron firing) is still going, and reports it.
func (s *Scheduler) runJob(base context.Context, name string, run func(context.Context, time.Time) (int, error)) {
	s.run(base, name, run, false)
}

// run runs one job with its own timeout and reports it; a run of it still
// going is waited for if wait, else this one is skipped.
func (s *Scheduler) run(base context.Context, name string, run func(context.Context, time.Time) (int, error), wait bool) {
	mu := s.locks[name]
	if wait {
		mu.Lock()
	} else if !mu.TryLock() {
		s.log.Info("job still running, firing skipped", "job", name)
		if s.cfg.Recorder != nil {
			s.cfg.Recorder.RunDone(name, OutcomeSkipped, 0)
		}
		return
	}
	defer mu.Unlock()
	if base.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(base, s.cfg.JobTimeout)
	defer cancel()
	now := s.now()
	Track(s.cfg.Recorder, name, func() error {
		start := time.Now()
		n, err := run(ctx, now)
		if err != nil && base.Err() != nil && errors.Is(err, base.Err()) {
			// Stopped by the shutdown: what it queued is committed, the rest
			// is made up by the next start's catch-up. No failure.
			s.log.Info("job stopped by shutdown", "job", name, "at", now, "queued", n)
			return nil
		}
		if err != nil {
			s.log.Error("job failed", "job", name, "at", now, "queued", n, "err", err)
			return err
		}
		s.log.Info("job done", "job", name, "at", now, "queued", n, "duration", time.Since(start))
		return nil
	})
}

// cronLogger logs robfig/cron's messages with slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }
func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}

// lastFiring returns the latest time at or before now at which sched
// fires, looking back at most a year.
func lastFiring(sched cron.Schedule, now time.Time) (time.Time, bool) {
	if _, ok := sched.(cron.ConstantDelaySchedule); ok {
		return now, true // "@every": it is always due
	}
	for _, back := range []time.Duration{time.Hour, 24 * time.Hour, 32 * 24 * time.Hour, 366 * 24 * time.Hour} {
		if f, ok := firingIn(sched, now.Add(-back), now); ok {
			return f, true
		}
	}
	return time.Time{}, false
}

// firingIn returns the latest firing of sched in (from, to].
func firingIn(sched cron.Schedule, from, to time.Time) (time.Time, bool) {
	var last time.Time
	found := false
	for t, i := sched.Next(from), 0; !t.IsZero() && !t.After(to) && i < 600_000; t, i = sched.Next(t), i+1 {
		last, found = t, true
	}
	return last, found
}

// recipient is a chat a job sends to, in its language.
type recipient struct {
	chat  int64
	lang  string
	group bool
}

// userRecipient returns a user as a recipient, in their language; ok is
// false for a user who blocked the bot.
func (s *Scheduler) userRecipient(tx *storage.Tx, id int64) (recipient, bool, error) {
	lang, ok, err := service.Recipient(tx, id, s.cfg.Lang)
	if err != nil || !ok {
		return recipient{}, false, err
	}
	return recipient{chat: id, lang: lang}, true, nil
}

// groupRecipients returns the groups linked to units, in the default
// language.
func (s *Scheduler) groupRecipients(tx *storage.Tx, units ...string) ([]recipient, error) {
	var out []recipient
	for _, u := range units {
		links, err := tx.UnitGroups(u)
		if err != nil {
			return nil, err
		}
		for _, l := range links {
			out = append(out, recipient{chat: l.Chat, lang: s.cfg.Lang, group: true})
		}
	}
	return out, nil
}

// message is a sendMessage notification to r.
// Reminders, tallies' texts and digests merge with the chat's other such
// notices queued within a minute (Outgoing.Merge: one message, not
// several); a broadcast, someone's own words, goes alone.
func message(r recipient, key, notice, text string, now time.Time) *youthbot.Outgoing {
	merge := youthbot.MergeNotice
	if notice == "broadcast" {
		merge = ""
	}
	return &youthbot.Outgoing{Merge: merge,
		Chat: r.chat, Lane: youthbot.LaneNotify, Method: "sendMessage", Key: key, Queued: now, Group: r.group, Notice: notice,
		Params: map[string]string{
			"chat_id":              fmt.Sprint(r.chat),
			"text":                 text,
			"parse_mode":           "HTML",
			"link_preview_options": `{"is_disabled":true}`,
		},
	}
}

// enqueue queues msgs in one transaction, all or none of each key group:
// a message whose key was queued before is skipped. It returns the
// messages added, to push after the commit.
func enqueue(tx *storage.Tx, msgs []*youthbot.Outgoing) ([]*youthbot.Outgoing, error) {
	var added []*youthbot.Outgoing
	for _, m := range msgs {
		ok, err := tx.Enqueue(m)
		if err != nil {
			return nil, err
		}
		if ok {
			added = append(added, m)
		}
	}
	return added, nil
}

// putJob records a run in the jobs bucket.
func putJob(tx *storage.Tx, name string, now time.Time, update func(*storage.JobState)) error {
	st, _, err := tx.Job(name)
	if err != nil {
		return err
	}
	st.LastRun = now
	if update != nil {
		update(&st)
	}
	return tx.PutJob(name, st)
}
