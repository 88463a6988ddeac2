// Package scheduler owns youthbot's time-driven work. The Scheduler runs
// the monthly tally, campaign reminders, project reminders and the
// secretaries' digest with robfig/cron, each job a function of the
// database and a time that queues into the persistent outbox (delivered by
// package outbox) with idempotency keys (scheduler.go); Tallies builds
// tallies with the report package and the files the outbox names instead
// of storing them (tallies.go).
package scheduler
