package telegramtest

import (
	"testing"
	"time"
)

func TestRetryAfterWindowsAreEnforcedAndRecorded(t *testing.T) {
	type send struct {
		after   time.Duration // clock advance before it
		chat    string
		status  int
		breach  bool // recorded as a breach
		botWide bool
	}
	tests := []struct {
		name  string
		setup func(s *Server)
		sends []send
	}{
		{"ChatFault", func(s *Server) { s.FailChat(1001, 1, Fault{RetryAfter: 2}) }, []send{
			{0, "1001", 429, false, false},
			{time.Second, "1001", 429, true, false}, // inside the chat's window
			{0, "1002", 200, false, false},          // another chat is free
			{time.Second, "1001", 200, false, false},
		}},
		{"FloodBot", func(s *Server) { s.FloodBot(2) }, []send{
			{0, "1001", 429, false, false},
			{time.Second, "1002", 429, true, true}, // every chat waits
			{999 * time.Millisecond, "1001", 429, true, true},
			{time.Millisecond, "1002", 200, false, false},
		}},
		{"GlobalLimit", func(s *Server) { s.SetLimits(Limits{Global: 1}) }, []send{
			{0, "1001", 200, false, false},
			{0, "1002", 429, false, false}, // opens a bot-wide window of 1 s
			{500 * time.Millisecond, "1001", 429, true, true},
			{500 * time.Millisecond, "1002", 200, false, false},
		}},
		{"PerChatLimit", func(s *Server) { s.SetLimits(Limits{PerChat: 0.5}) }, []send{
			{0, "1001", 200, false, false},
			{0, "1001", 429, false, false}, // retry after 2: the chat's
			{0, "1002", 200, false, false},
			{1500 * time.Millisecond, "1001", 429, true, false}, // its bucket is not the point: the window is
			{500 * time.Millisecond, "1001", 200, false, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
			s := NewServer(Options{Now: clk.Now})
			t.Cleanup(s.Close)
			s.NewUser("Anna", "vi")
			s.NewUser("Binh", "vi")
			tt.setup(s)
			var want int
			for i, sd := range tt.sends {
				clk.Advance(sd.after)
				if a := post(t, s, "sendMessage", hello(sd.chat)); a.Status != sd.status {
					t.Fatalf("send %d to %s = %d, want %d", i, sd.chat, a.Status, sd.status)
				}
				b := s.Breaches()
				if sd.breach {
					want++
				}
				if len(b) != want {
					t.Fatalf("after send %d: %d breaches, want %d: %+v", i, len(b), want, b)
				}
				if sd.breach && (b[want-1].BotWide != sd.botWide || b[want-1].Time != clk.Now() || b[want-1].Method != "sendMessage") {
					t.Errorf("send %d: breach %+v, want bot-wide %v at %v", i, b[want-1], sd.botWide, clk.Now())
				}
			}
		})
	}
}

func TestEditsAreNotHeldByAFloodWait(t *testing.T) {
	clk := &clock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := NewServer(Options{Now: clk.Now})
	t.Cleanup(s.Close)
	s.NewUser("Anna", "vi")
	mustOK[testMessage](t, post(t, s, "sendMessage", hello("1001")))
	s.FloodBot(5)
	if a := post(t, s, "sendMessage", hello("1001")); a.Status != 429 || a.Parameters.RetryAfter != 5 {
		t.Fatalf("got %d retry_after %d, want 429 and 5", a.Status, a.Parameters.RetryAfter)
	}
	mustOK[testMessage](t, post(t, s, "editMessageText", map[string]string{"chat_id": "1001", "message_id": "1", "text": "edited"}))
	if n := len(s.Breaches()); n != 0 {
		t.Errorf("%d breaches, want 0", n)
	}
}
