package telegramtest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// hookRecorder is a webhook endpoint that records what it gets and answers
// with the next status of its script (200 when the script is done).
type hookRecorder struct {
	mu      sync.Mutex
	ids     []int64
	secrets []string
	script  []int
}

func (h *hookRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var u struct {
		UpdateID int64 `json:"update_id"`
	}
	json.Unmarshal(body, &u)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ids = append(h.ids, u.UpdateID)
	h.secrets = append(h.secrets, r.Header.Get("X-Telegram-Bot-Api-Secret-Token"))
	status := http.StatusOK
	if len(h.script) > 0 {
		status, h.script = h.script[0], h.script[1:]
	}
	w.WriteHeader(status)
}

func TestDeliverWebhook(t *testing.T) {
	s := New(t)
	hook := &hookRecorder{script: []int{200, 503}}
	hs := httptest.NewServer(hook)
	defer hs.Close()
	ctx := context.Background()

	if _, err := s.DeliverWebhook(ctx); err == nil {
		t.Fatal("got no error delivering without a webhook")
	}
	post(t, s, "setWebhook", map[string]string{"url": hs.URL + "/hook", "secret_token": "s3cret"})
	anna := s.NewUser("Anna", "vi")
	first := anna.Send("one").UpdateID
	second := anna.Send("two").UpdateID
	anna.Send("three")

	t.Run("StopsAtAFailureAndKeepsTheUpdate", func(t *testing.T) {
		n, err := s.DeliverWebhook(ctx)
		var se *WebhookStatusError
		if n != 1 || !errors.As(err, &se) || se.Status != 503 || se.UpdateID != second {
			t.Fatalf("got %d delivered, %v; want 1, a 503 for update %d", n, err, second)
		}
		if s.Pending() != 2 {
			t.Errorf("got %d pending, want 2", s.Pending())
		}
	})
	t.Run("DeliversTheRestInOrderWithTheSecret", func(t *testing.T) {
		n, err := s.DeliverWebhook(ctx)
		if n != 2 || err != nil {
			t.Fatalf("got %d delivered, %v; want 2, nil", n, err)
		}
		if s.Pending() != 0 {
			t.Errorf("got %d pending, want 0", s.Pending())
		}
		hook.mu.Lock()
		defer hook.mu.Unlock()
		want := []int64{first, second, second, second + 1}
		if len(hook.ids) != len(want) {
			t.Fatalf("got updates %v, want %v", hook.ids, want)
		}
		for i := range want {
			if hook.ids[i] != want[i] || hook.secrets[i] != "s3cret" {
				t.Errorf("request %d: got update %d with secret %q, want %d with s3cret", i, hook.ids[i], hook.secrets[i], want[i])
			}
		}
	})
}
