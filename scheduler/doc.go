// Package scheduler owns youthbot's time-driven work and the delivery of
// everything the bot sends. The Sender delivers the persistent outbox with
// the configured rates, retries and exactly-once bookkeeping (sender.go);
// the Scheduler runs the monthly tally, campaign reminders, project
// reminders and the secretaries' digest with robfig/cron, each job a
// function of the database and a time that queues into the same outbox
// with idempotency keys (scheduler.go); Tallies builds tallies with the
// report package and the files the outbox names instead of storing them
// (tallies.go).
package scheduler
