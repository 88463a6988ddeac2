package storage

import (
	"path/filepath"
	"testing"
	"time"
)

func TestSentMessagesByNameAndChat(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "y.db"), Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	t0 := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	err = db.Update(func(tx *Tx) error {
		for _, p := range []struct {
			name     string
			chat, id int64
			at       time.Time
		}{
			{"act/42", 501, 7, t0}, {"act/42", 502, 9, t0}, {"act/43", 501, 8, t0},
			{"act/42", 501, 11, t0.Add(time.Minute)}, // a newer message replaces the first
			{"reg/700", 501, 12, t0}, {"dialog/", 700, 3, t0}, {"old/1", 503, 1, t0.Add(-8 * 24 * time.Hour)},
		} {
			if err := tx.PutSent(p.name, p.chat, p.id, p.at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		if m, ok := tx.Sent("act/42", 501); !ok || m.MessageID != 11 || m.Chat != 501 || !m.At.Equal(t0.Add(time.Minute)) {
			t.Errorf("Sent(act/42, 501) = %+v, %v; want message 11", m, ok)
		}
		got, err := tx.SentTo("act/42")
		if err != nil || len(got) != 2 || got[0].Chat != 501 || got[1].Chat != 502 || got[1].MessageID != 9 {
			t.Errorf("SentTo(act/42) = %+v, %v; want chats 501 (11) and 502 (9)", got, err)
		}
		if got, _ := tx.SentTo("act/4"); len(got) != 0 {
			t.Errorf("SentTo(act/4) = %+v: a prefix of another name matched", got)
		}
		return nil
	})
	// Pruning forgets what is older than the retention; erasing a person
	// forgets what was sent to them and what was named after them.
	err = db.Update(func(tx *Tx) error {
		if n, err := tx.PruneSent(t0.Add(-SentRetention), 100); err != nil || n != 1 {
			t.Errorf("PruneSent = %d, %v; want 1", n, err)
		}
		return tx.DropSent(700, "700")
	})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *Tx) error {
		for _, k := range []struct {
			name string
			chat int64
			want bool
		}{{"old/1", 503, false}, {"dialog/", 700, false}, {"reg/700", 501, false}, {"act/43", 501, true}, {"act/42", 502, true}} {
			if _, ok := tx.Sent(k.name, k.chat); ok != k.want {
				t.Errorf("Sent(%s, %d) kept = %v, want %v", k.name, k.chat, ok, k.want)
			}
		}
		if got, _ := tx.SentTo("reg/700"); len(got) != 0 {
			t.Errorf("SentTo(reg/700) after the erasure = %+v", got)
		}
		return nil
	})
}
