package metrics

import (
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"youthbot"
	"youthbot/storage"
)

var (
	outboxDesc = prometheus.NewDesc("youthbot_outbox_messages",
		"Messages waiting in the outbox for delivery.", nil, nil)
	outboxAgeDesc = prometheus.NewDesc("youthbot_outbox_oldest_age_seconds",
		"Age of the oldest message waiting in the outbox; 0 when it is empty.", nil, nil)
	membersDesc = prometheus.NewDesc("youthbot_members",
		"Members by status (pending, approved, rejected, forgotten).", []string{"status"}, nil)
	dbSizeDesc = prometheus.NewDesc("youthbot_database_size_bytes",
		"Size of the database file.", nil, nil)
)

var memberStatuses = []youthbot.MemberStatus{
	youthbot.StatusPending, youthbot.StatusApproved, youthbot.StatusRejected, youthbot.StatusForgotten,
}

// WatchDB registers the gauges read from db at each scrape, in one read
// transaction: outbox depth and age, members by status (a scan of the unit
// index: a few milliseconds for 100,000 members) and the file's size. now
// is the clock of the outbox age.
func (r *Registry) WatchDB(db *storage.DB, now func() time.Time) {
	r.reg.MustRegister(&dbCollector{db: db, now: now})
}

type dbCollector struct {
	db  *storage.DB
	now func() time.Time
}

// Describe implements prometheus.Collector.
func (c *dbCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- outboxDesc
	ch <- outboxAgeDesc
	ch <- membersDesc
	ch <- dbSizeDesc
}

// Collect implements prometheus.Collector.
func (c *dbCollector) Collect(ch chan<- prometheus.Metric) {
	var (
		queued  int
		oldest  time.Time
		members map[youthbot.MemberStatus]int
		size    int64
	)
	err := c.db.View(func(tx *storage.Tx) error {
		queued, oldest = tx.OutboxStats()
		members = tx.MemberCounts()
		size = tx.Size()
		return nil
	})
	if err != nil {
		for _, d := range []*prometheus.Desc{outboxDesc, outboxAgeDesc, membersDesc, dbSizeDesc} {
			ch <- prometheus.NewInvalidMetric(d, err)
		}
		return
	}
	var age float64
	if queued > 0 && !oldest.IsZero() {
		age = max(c.now().Sub(oldest).Seconds(), 0)
	}
	ch <- prometheus.MustNewConstMetric(outboxDesc, prometheus.GaugeValue, float64(queued))
	ch <- prometheus.MustNewConstMetric(outboxAgeDesc, prometheus.GaugeValue, age)
	statuses := slices.Clone(memberStatuses)
	for s := range members {
		if !slices.Contains(statuses, s) {
			statuses = append(statuses, s)
		}
	}
	for _, s := range statuses {
		ch <- prometheus.MustNewConstMetric(membersDesc, prometheus.GaugeValue, float64(members[s]), string(s))
	}
	ch <- prometheus.MustNewConstMetric(dbSizeDesc, prometheus.GaugeValue, float64(size))
}
