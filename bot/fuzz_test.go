package bot_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"youthbot/bot"
	"youthbot/bot/internal/harness"
	"youthbot/telegram"
)

// FuzzDecodeData: callback data is untrusted; decoding never panics and
// what it accepts is within Telegram's 64 bytes.
func FuzzDecodeData(f *testing.F) {
	for _, s := range []string{"ma:123:1700000000", "pd:A:0:abcdef012345", "tw::0", "", ":", "rg:yes", strings.Repeat("x:", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prefix, args := bot.DecodeData(s)
		if prefix == "" {
			return
		}
		if len(s) > bot.MaxCallbackData || len(args) > bot.MaxArgs {
			t.Fatalf("accepted %q: %d bytes, %d args", s, len(s), len(args))
		}
		if got := strings.Join(append([]string{prefix}, args...), ":"); got != s {
			t.Fatalf("decode(%q) does not round-trip: %q", s, got)
		}
	})
}

// FuzzApplyUpdate feeds arbitrary update JSON through decoding and the
// handlers: no panic, and every private message gets an answer.
func FuzzApplyUpdate(f *testing.F) {
	for _, s := range []string{
		`{"update_id":1,"message":{"message_id":1,"date":1,"from":{"id":5,"is_bot":false,"first_name":"A"},"chat":{"id":5,"type":"private"},"text":"/start j_abcdefgh","entities":[{"type":"bot_command","offset":0,"length":6}]}}`,
		`{"update_id":2,"callback_query":{"id":"q","from":{"id":5,"first_name":"A"},"data":"ma:5:1","message":{"message_id":3,"date":1,"chat":{"id":5,"type":"private"}}}}`,
		`{"update_id":3,"message":{"message_id":2,"date":1,"from":{"id":6,"first_name":"B"},"chat":{"id":6,"type":"private"},"contact":{"phone_number":"+84901","first_name":"B","user_id":7}}}`,
		`{"update_id":4,"message":{"message_id":2,"date":1,"from":{"id":6,"first_name":"B"},"chat":{"id":-100,"type":"group","title":"G"},"text":"/help@youthbot_test_bot","entities":[{"type":"bot_command","offset":0,"length":23}]}}`,
		`{"update_id":5,"my_chat_member":{"chat":{"id":6,"type":"private"},"from":{"id":6,"first_name":"B"},"date":1,"old_chat_member":{"user":{"id":100,"is_bot":true,"first_name":"Y"},"status":"member"},"new_chat_member":{"user":{"id":100,"is_bot":true,"first_name":"Y"},"status":"kicked"}}}`,
		`{"update_id":6,"message":{"message_id":4,"date":1,"from":{"id":8,"first_name":"C"},"chat":{"id":8,"type":"private"},"photo":[{"file_id":"x","file_unique_id":"y","width":1,"height":1}],"caption":"/log 3h test"}}`,
		`{"update_id":7,"message":{"message_id":"not a number"}}`,
		`{"update_id":8,"message":{"message_id":5,"date":1,"from":{"id":9,"first_name":"D"},"chat":{"id":9,"type":"private"},"text":"/invite HG secretary","entities":[{"type":"bot_command","offset":0,"length":99}]}}`,
	} {
		f.Add(s)
	}
	h := harness.New(f)
	h.MakeSecretary(9, "HG")
	f.Fuzz(func(t *testing.T, s string) {
		updates, _ := telegram.DecodeUpdates([]json.RawMessage{json.RawMessage(s)}, func(string, ...any) {})
		if len(updates) == 0 {
			return
		}
		h.NextID++
		updates[0].UpdateID = h.NextID
		u := updates[0]
		if err := h.Bot.Apply(context.Background(), updates[:1:1]); err != nil {
			t.Fatalf("apply: %v", err)
		}
		msgs := h.Out.Take()
		if strings.Contains(h.Logs.String(), "handler panic") {
			t.Fatalf("handler panicked on %s:\n%s", s, h.Logs.String())
		}
		for _, m := range msgs {
			if text := m.Params["text"]; !utf8.ValidString(text) || utf8.RuneCountInString(text) > 4096 {
				t.Fatalf("bad outgoing text (%d runes)", utf8.RuneCountInString(text))
			}
		}
		if m := u.Message; m != nil && m.Chat != nil && m.Chat.IsPrivate() && m.From != nil && !m.From.IsBot && m.From.ID == m.Chat.ID && m.Chat.ID != 0 {
			if len(harness.Texts(msgs, m.Chat.ID)) == 0 {
				logs := h.Logs.String()
				t.Fatalf("private message got no answer: %s\nqueued: %v\nlog: %s", s, harness.Describe(msgs), logs[max(0, len(logs)-600):])
			}
		}
	})
}
