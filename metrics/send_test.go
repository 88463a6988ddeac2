package metrics

import (
	"testing"
	"time"

	"youthbot/outbox"
)

var _ outbox.SendRecorder = (*Registry)(nil)

func TestRegistryCountsBotWideFloodWaits(t *testing.T) {
	r := New()
	if got := value(t, scrape(t, r.Handler()), "youthbot_send_flood_waits_total"); got != 0 {
		t.Errorf("got %g before any wait, want 0", got)
	}
	r.FloodWait(2 * time.Second)
	r.FloodWait(1500 * time.Millisecond)
	fams := scrape(t, r.Handler())
	if got := value(t, fams, "youthbot_send_flood_waits_total"); got != 2 {
		t.Errorf("waits %g, want 2", got)
	}
	if got := value(t, fams, "youthbot_send_flood_wait_seconds_total"); got != 3.5 {
		t.Errorf("seconds %g, want 3.5", got)
	}
}
