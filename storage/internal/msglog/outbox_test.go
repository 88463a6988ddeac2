package msglog

import (
	"testing"

	"youthbot"
)

func TestOutboxHeadReadsAnyLayout(t *testing.T) {
	tests := []struct {
		raw  string
		chat int64
		lane youthbot.Lane
		bad  bool
	}{
		{`{"chat":5,"lane":1,"method":"sendMessage"}`, 5, 1, false},
		{`{"chat":-100123,"lane":0}`, -100123, 0, false},
		{`{"lane":1,"chat":7}`, 7, 1, false},    // another order
		{`{"chat":8,"lane":12}`, 8, 12, false},  // two digits: the slow path
		{`{"chat": 9, "lane": 1}`, 9, 1, false}, // spaces
		{`{"chat":"x"}`, 0, 0, true},
	}
	for _, tt := range tests {
		chat, lane, err := outboxHead([]byte(tt.raw))
		if tt.bad {
			if err == nil {
				t.Errorf("%s: no error", tt.raw)
			}
			continue
		}
		if err != nil || chat != tt.chat || lane != tt.lane {
			t.Errorf("%s: got %d %d %v, want %d %d", tt.raw, chat, lane, err, tt.chat, tt.lane)
		}
	}
}
