package service_test

import (
	"testing"

	"youthbot"
	"youthbot/service"
	"youthbot/storage"
)

func TestLang(t *testing.T) {
	for _, tc := range []struct {
		name  string
		u     youthbot.User
		found bool
		want  string
	}{
		{"UnknownUserGetsTheDefault", youthbot.User{Lang: "en"}, false, "vi"},
		{"ChoiceComesFirst", youthbot.User{Lang: "en", AppLang: "vi"}, true, "en"},
		{"ThenTheAppsLanguage", youthbot.User{AppLang: "en-US"}, true, "en"},
		{"AnAppLanguageTheBotDoesNotSpeakGetsTheDefault", youthbot.User{AppLang: "fr"}, true, "vi"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := service.Lang(tc.u, tc.found, "vi"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestBlockedUserIsNoRecipientUntilBack: the rule the bot's notices, the
// scheduler's jobs and the sender's 403 share.
func TestBlockedUserIsNoRecipientUntilBack(t *testing.T) {
	db := openTree(t)
	recipient := func(id int64) (string, bool) {
		t.Helper()
		var lang string
		var ok bool
		update(t, db, func(tx *storage.Tx) (err error) {
			lang, ok, err = service.Recipient(tx, id, "vi")
			return err
		})
		return lang, ok
	}
	update(t, db, func(tx *storage.Tx) error { return tx.PutUser(youthbot.User{ID: 5, AppLang: "en", FirstSeen: now}) })
	if lang, ok := recipient(5); !ok || lang != "en" {
		t.Fatalf("before blocking: got %q %v, want en true", lang, ok)
	}
	for _, id := range []int64{5, 6} { // 6: never seen, blocked on the first message
		update(t, db, func(tx *storage.Tx) error { return service.SetBlocked(tx, id, true) })
		if _, ok := recipient(id); ok {
			t.Errorf("user %d blocked: still a recipient", id)
		}
	}
	update(t, db, func(tx *storage.Tx) error { return service.SetBlocked(tx, 5, false) })
	if lang, ok := recipient(5); !ok || lang != "en" {
		t.Errorf("back: got %q %v, want en true", lang, ok)
	}
	update(t, db, func(tx *storage.Tx) error {
		u, _, err := tx.User(5)
		if !u.FirstSeen.Equal(now) || u.AppLang != "en" {
			t.Errorf("user 5 lost what it had: %+v", u)
		}
		return err
	})
	if lang, ok := recipient(9); !ok || lang != "vi" {
		t.Errorf("unknown user: got %q %v, want vi true", lang, ok)
	}
}
