package scheduler

import "time"

// Recorder is told how the scheduler's jobs run, for monitoring;
// *metrics.Registry implements it. Jobs report through Track.
type Recorder interface {
	// RunDone records one run of job (a stable name such as "tally" or
	// "campaign_reminders"): outcome is OutcomeOK, OutcomeError,
	// OutcomeSkipped or OutcomePanic; d is how long it ran.
	RunDone(job, outcome string, d time.Duration)
}

// Outcomes of a job run.
const (
	OutcomeOK      = "ok"
	OutcomeError   = "error"
	OutcomeSkipped = "skipped" // the previous run was still going (cron.SkipIfStillRunning)
	OutcomePanic   = "panic"
)

// Track runs fn as one run of job and reports its outcome and duration to
// r (nil: to nobody). A panic is reported and raised again, for
// cron.Recover to log.
func Track(r Recorder, job string, fn func() error) (err error) {
	start := time.Now()
	defer func() {
		if r == nil {
			return
		}
		if p := recover(); p != nil {
			r.RunDone(job, OutcomePanic, time.Since(start))
			panic(p)
		}
		outcome := OutcomeOK
		if err != nil {
			outcome = OutcomeError
		}
		r.RunDone(job, outcome, time.Since(start))
	}()
	return fn()
}
