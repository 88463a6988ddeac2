package bot_test

import (
	"strings"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot"
	"youthbot/bot/internal/harness"
)

// echoRoom is a feature room for the tests of the registration API: /echo
// (secretaries only) and its button ec:<text>.
type echoRoom struct {
	cbPrefix string
	dialog   string
}

func (r echoRoom) Commands() []bot.Command {
	return []bot.Command{{Name: "echo", Private: true, Who: bot.ForSecretaries, Need: bot.RoleSecretary,
		Handle: func(c *bot.Ctx, args string) error {
			c.Reply("echo "+args, bot.Keyboard(bot.Row(bot.Button("again", bot.Data(r.cbPrefix, "x")))))
			return nil
		}}}
}

func (r echoRoom) Callbacks() map[string]bot.Callback {
	return map[string]bot.Callback{r.cbPrefix: {Handle: func(c *bot.Ctx, args []string) error {
		c.Answer("pressed "+bot.Arg(args, 0), false)
		return nil
	}}}
}

func (r echoRoom) Dialogs() map[string]bot.DialogHandler {
	if r.dialog == "" {
		return nil
	}
	return map[string]bot.DialogHandler{r.dialog: func(c *bot.Ctx, _ *youthbot.Dialog, _ *tgbotapi.Message) error { return nil }}
}

// TestFeatureRoomsAreRoutedAfterTheCore: a room's command comes after the
// core's in the menus, is refused to whom its Need excludes, and its
// command and button reach its handlers.
func TestFeatureRoomsAreRoutedAfterTheCore(t *testing.T) {
	h := harness.New(t)
	h.Bot = bot.New(bot.Config{DB: h.DB, Outbox: h.Out, Admins: []int64{harness.AdminID}, Lang: "vi",
		Now: func() time.Time { return h.Now }, Features: append(append([]bot.NewFeature(nil), harness.Rooms...), func(*bot.Bot) bot.Feature { return echoRoom{cbPrefix: "ec"} })})
	if cmds := h.Bot.Commands(); cmds[len(cmds)-1].Name != "echo" {
		t.Fatalf("last command %q, want the room's echo after the core's", cmds[len(cmds)-1].Name)
	}
	if got := h.Say(harness.User(801, "vi"), "/echo hi"); len(got) != 1 || strings.Contains(got[0], "echo hi") {
		t.Fatalf("a stranger's /echo answered %q, want one refusal", got)
	}
	h.MakeSecretary(810, "VT-P5")
	if got := h.Say(harness.User(810, "vi"), "/echo hi"); len(got) != 1 || got[0] != "echo hi" {
		t.Fatalf("a secretary's /echo answered %q", got)
	}
	msgs := h.Apply(harness.CbUpdate(harness.User(810, "vi"), "ec:x"))
	if len(msgs) != 1 || msgs[0].Params["text"] != "pressed x" {
		t.Fatalf("the room's button answered %v", harness.Describe(msgs))
	}
}

// TestFeatureRoomsCannotClaimTheCoresNames: a room claiming a prefix or a
// dialog the core has is a programming error, caught by New.
func TestFeatureRoomsCannotClaimTheCoresNames(t *testing.T) {
	tests := []struct {
		name string
		room echoRoom
		want string
	}{
		{"Prefix", echoRoom{cbPrefix: cbTree}, "callback prefix claimed twice: " + cbTree},
		{"Dialog", echoRoom{cbPrefix: "ec", dialog: dlgRegister}, "dialog name claimed twice: " + dlgRegister},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != tt.want {
					t.Errorf("New panicked with %v, want %q", p, tt.want)
				}
			}()
			bot.New(bot.Config{Features: append(append([]bot.NewFeature(nil), harness.Rooms...), func(*bot.Bot) bot.Feature { return tt.room })})
		})
	}
}
