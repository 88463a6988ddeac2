package telegram

import (
	"fmt"
	"sync"
)

// countingMetrics is a Metrics that counts the calls it is told of, by
// "api method status".
type countingMetrics struct {
	mu sync.Mutex
	n  map[string]int
}

func (m *countingMetrics) APICall(method string, code int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.n == nil {
		m.n = map[string]int{}
	}
	m.n[fmt.Sprintf("api %s %d", method, code)]++
}

func (m *countingMetrics) get(key string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.n[key]
}
