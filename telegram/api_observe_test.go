package telegram

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAPICountsCallsAndKeepsTheTokenOut(t *testing.T) {
	const token = "424242:AAH-very_secret_token"
	mux := http.NewServeMux()
	mux.HandleFunc("/bot"+token+"/getMe", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"B","username":"b_bot"}}`))
	})
	mux.HandleFunc("/bot"+token+"/sendMessage", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write([]byte(`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}`))
	})
	mux.HandleFunc("/bot"+token+"/getUpdates", func(w http.ResponseWriter, _ *http.Request) {
		// The connection drops: the library's error quotes the URL, token
		// included.
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	m := &countingMetrics{}
	api := NewAPI(token, srv.URL+"/bot%s/%s", context.Background(), context.Background())
	defer api.CloseIdleConnections()
	api.SetMetrics(m)

	if !api.LastSuccess().IsZero() {
		t.Fatal("a new API reports a success")
	}
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	_, err := api.Call("getUpdates", map[string]string{"timeout": "0"})
	if err == nil {
		t.Fatal("got no error from a dropped connection")
	}
	log.Warn("getUpdates failed", "err", err)
	if _, err := api.Call("sendMessage", map[string]string{"chat_id": "1", "text": "x"}); err == nil {
		t.Fatal("got no error from a 429")
	} else {
		log.Warn("send failed", "err", err)
	}
	if !api.LastSuccess().IsZero() {
		t.Error("failed calls count as a success")
	}
	if _, err := api.GetMe(); err != nil {
		t.Fatal(err)
	}
	if api.LastSuccess().IsZero() {
		t.Error("a successful call is not recorded")
	}
	if strings.Contains(logs.String(), token) || strings.Contains(logs.String(), "very_secret") {
		t.Errorf("the token reached the log:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "<token>") {
		t.Errorf("the transport error does not show where the token was redacted:\n%s", logs.String())
	}
	for key, want := range map[string]int{"api getUpdates 0": 1, "api sendMessage 429": 1, "api getMe 200": 1} {
		if got := m.get(key); got != want {
			t.Errorf("%s: got %d, want %d", key, got, want)
		}
	}
}
