package youthbot

// Metric names a figure a yearly target can be set on.
type Metric string

// Metrics of targets (chỉ tiêu).
const (
	MetricParticipations Metric = "participations"
	MetricHours          Metric = "hours"
	MetricWorks          Metric = "works"
	MetricTasks          Metric = "tasks"
	MetricValueVND       Metric = "value_vnd"
	MetricNewMembers     Metric = "new_members"
)

// Metrics lists the metrics in report order.
var Metrics = []Metric{MetricParticipations, MetricHours, MetricWorks, MetricTasks, MetricValueVND, MetricNewMembers}

// Valid reports whether m is a known metric.
func (m Metric) Valid() bool {
	for _, x := range Metrics {
		if m == x {
			return true
		}
	}
	return false
}

// Target is a unit's yearly target on one metric.
type Target struct {
	Unit   string `json:"unit"`
	Year   int    `json:"year"`
	Metric Metric `json:"metric"`
	Value  int64  `json:"value"` // > 0
}
