package app

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestReadyzFollowsTheLastSuccessfulCall(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		last time.Time
		now  time.Time
		want int
	}{
		{"NeverAnswered", time.Time{}, t0, http.StatusServiceUnavailable},
		{"AnsweredJustNow", t0, t0.Add(time.Second), http.StatusOK},
		{"AnsweredAMinuteAgo", t0, t0.Add(119 * time.Second), http.StatusOK},
		{"SilentForTwoMinutes", t0, t0.Add(2 * time.Minute), http.StatusServiceUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := readyz(func() time.Time { return tt.last }, func() time.Time { return tt.now })
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, PathReadyz, nil))
			if rec.Code != tt.want {
				t.Errorf("got %d %s, want %d", rec.Code, rec.Body, tt.want)
			}
		})
	}
}
