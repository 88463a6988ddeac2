// Package scheduler owns youthbot's time-driven work and the delivery of
// everything the bot sends: the outbox Sender delivers queued messages with
// the configured rates, retries and exactly-once bookkeeping; cron jobs
// queue tallies and reminders into the same outbox.
package scheduler
