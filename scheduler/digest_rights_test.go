package scheduler_test

import (
	"slices"
	"strings"
	"testing"

	"youthbot"
	"youthbot/storage"
)

// TestDigestGoesToWhoeverDecides: a secretary's own registration and
// hours are decided above them (storage.Deciders), so the digest reminds
// the unit above of them, not the secretary.
func TestDigestGoesToWhoeverDecides(t *testing.T) {
	w := newJobWorld(t, "")
	sec := w.secretary("VT-P5-KV1", "vi")
	up := w.secretary("VT-P5", "vi")
	w.update(func(tx *storage.Tx) error {
		return tx.PutMember(youthbot.Member{UserID: sec, Unit: "VT-P5-KV1", FullName: "Bí Thư", Status: youthbot.StatusPending,
			RegisteredAt: at("2026-03-08 10:00:00")})
	})
	m := w.member("VT-P5-KV1", youthbot.StatusApproved, at("2026-01-01 10:00:00"))
	w.update(func(tx *storage.Tx) error {
		return tx.AddActivity(&youthbot.Activity{Member: m, Unit: "VT-P5-KV1", Date: youthbot.Date{Year: 2026, Month: 3, Day: 7},
			Description: "Dọn kênh", Status: youthbot.ActivityPending, Source: youthbot.SourceLog, CreatedAt: at("2026-03-07 20:00:00")})
	})
	w.run(w.s.RunDigest, at("2026-03-10 09:00:00"))
	msgs := w.out.take()
	if got := chats(msgs); !slices.Equal(got, []int64{sec, up}) {
		t.Fatalf("digest to %v, want the branch's secretary and the unit above", got)
	}
	for _, tt := range []struct {
		chat int64
		want string
	}{
		{sec, "Chi đoàn Khu vực 1: 0 đăng ký, 1 hoạt động"}, // not their own registration
		{up, "Chi đoàn Khu vực 1: 1 đăng ký, 0 hoạt động"},  // the secretary's registration
	} {
		for _, m := range msgs {
			if m.Chat == tt.chat && !strings.Contains(m.Params["text"], tt.want) {
				t.Errorf("digest to %d: %q, want %q", tt.chat, m.Params["text"], tt.want)
			}
		}
	}
}
