package bot_test

import (
	"testing"

	"go.uber.org/goleak"

	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
)

// menus are the command lists the bot publishes: scope and language.
var menus = []struct{ scope, lang string }{
	{"all_private_chats", "vi"}, {"all_private_chats", "en"}, {"all_private_chats", ""},
	{"all_group_chats", "vi"}, {"all_group_chats", "en"}, {"all_group_chats", ""},
}

// TestCommandMenusAreRetriedInTheBackground: setMyCommands failing at start
// (Telegram's 5xx, a gateway's answer, flood control) delays neither the
// bot's answers nor the other menus for good: every menu is set in the end.
func TestCommandMenusAreRetriedInTheBackground(t *testing.T) {
	// The subtest's cleanups stop the bot and the double before this runs.
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	t.Run("Run", testCommandMenusRetried)
}

func testCommandMenusRetried(t *testing.T) {
	srv := telegramtest.New(t)
	srv.FailNext("setMyCommands", 1, telegramtest.Fault{Code: 500})
	srv.FailRaw("setMyCommands", 1, telegramtest.RawAnswer{Status: 504, ContentType: "application/json", Body: telegramtest.GatewayJSON})
	srv.FailNext("setMyCommands", 1, telegramtest.Fault{RetryAfter: 1})
	b := bottest.Start(t, bottest.Options{Server: srv})
	u := b.Member("An", "VT-CDCD-CNTT")
	u.Send("/help")
	u.Next(t)
	srv.WaitUntil(t, "every command menu is set", func() bool {
		for _, m := range menus {
			if len(srv.Commands(m.scope, m.lang)) == 0 {
				return false
			}
		}
		return true
	})
}

// TestCommandMenusStopWithTheBot: a bot stopped while Telegram keeps
// refusing its menus leaves no goroutine behind.
func TestCommandMenusStopWithTheBot(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	t.Run("Run", testCommandMenusStop)
}

func testCommandMenusStop(t *testing.T) {
	srv := telegramtest.New(t)
	srv.FailNext("setMyCommands", 1000, telegramtest.Fault{Code: 502, Description: "Bad Gateway"})
	b := bottest.Start(t, bottest.Options{Server: srv})
	u := b.Member("An", "VT-CDCD-CNTT")
	u.Send("/help")
	u.Next(t) // updates are taken while the menus fail
}
