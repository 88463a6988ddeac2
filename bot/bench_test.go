package bot_test

import (
	"fmt"
	"runtime/metrics"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"youthbot"
	"youthbot/bot/bottest"
	"youthbot/bot/telegramtest"
	"youthbot/storage"
)

// Pipeline benchmark sizes: 1,000 users sending 10 updates each.
const (
	benchUsers       = 1000
	benchPerUser     = 10
	benchBranch      = "VT-CDCD-CNTT"
	benchWaitTimeout = 5 * time.Minute
)

// benchScript is what each user sends, in order: commands and text that
// read and write the database (users, units, dialogs, invites), each
// answered with exactly one message. %s is the branch's invite payload.
var benchScript = [benchPerUser]string{
	"/start",    // visitor: the unit tree
	"/help",     // the command list
	"/lang en",  // writes the user's language
	"/profile",  // reads the member record: none
	"xin chào",  // text outside a dialog
	"/start %s", // a member invite: registration dialog opens (write)
	"hello",     // text in the dialog's consent step: asked to press a button
	"/cancel",   // the dialog is deleted (write)
	"/lang vi",  // writes the user's language
	"/help",     // the command list
}

// BenchmarkPipeline measures 10,000 updates from 1,000 users through the
// Telegram double, from queueing the updates until every answer reached the
// double, for the real bot (every update durably committed: one bbolt file,
// fsync on) and for an echo loop built the naive way with the same library
// (go-telegram-bot-api's GetUpdatesChan and Send). It reports both rates and
// the bot's as a fraction of the echo loop's; the target is 0.8 or more.
//
// It also reports the CPU time the process spent per update in each (Go
// code and GC, the double's included, as runtime/metrics estimates it):
// the bot does more per update than an echo (it applies each update in a
// transaction, and queues, sends and deletes each answer through the
// outbox), and with two CPUs the run is bound by CPU.
func BenchmarkPipeline(b *testing.B) {
	var bot, echo measure
	for range b.N {
		echo.add(runEcho(b))
		bot.add(runBot(b))
	}
	n := float64(benchUsers * benchPerUser * b.N)
	botRate, echoRate := n/bot.wall.Seconds(), n/echo.wall.Seconds()
	b.ReportMetric(botRate, "bot_updates/s")
	b.ReportMetric(echoRate, "echo_updates/s")
	b.ReportMetric(botRate/echoRate, "bot/echo")
	b.ReportMetric(float64(bot.cpu.Microseconds())/n, "bot_cpu_us/update")
	b.ReportMetric(float64(echo.cpu.Microseconds())/n, "echo_cpu_us/update")
}

// measure is the wall and CPU time of measured runs.
type measure struct{ wall, cpu time.Duration }

func (m *measure) add(r measure) { m.wall, m.cpu = m.wall+r.wall, m.cpu+r.cpu }

// cpuTime is the CPU time the process has spent in Go code and GC.
func cpuTime() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/user:cpu-seconds"}, {Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return time.Duration((s[0].Value.Float64() + s[1].Value.Float64()) * float64(time.Second))
}

// benchWorld is a double with the benchmark's users.
func benchWorld(b *testing.B) (*telegramtest.Server, []*telegramtest.User) {
	b.Helper()
	srv := telegramtest.New(b)
	srv.SetWaitTimeout(benchWaitTimeout)
	users := make([]*telegramtest.User, benchUsers)
	for i := range users {
		users[i] = srv.NewUser(fmt.Sprintf("User %d", i), "vi")
	}
	return srv, users
}

// drive queues every user's script, round by round (the users' updates
// interleave), and waits until each user has benchPerUser answers. It
// returns how long that took, and the CPU time spent meanwhile.
func drive(b *testing.B, srv *telegramtest.Server, users []*telegramtest.User, join string) measure {
	b.Helper()
	start, cpu := time.Now(), cpuTime()
	for _, line := range benchScript {
		text := line
		if line == "/start %s" {
			text = "/start " + join
		}
		for _, u := range users {
			u.Send(text)
		}
	}
	done := 0 // users before this one have all their answers
	srv.WaitUntil(b, "every update answered", func() bool {
		for done < len(users) && len(users[done].Messages()) >= benchPerUser {
			done++
		}
		return done == len(users)
	})
	m := measure{wall: time.Since(start), cpu: cpuTime() - cpu}
	for _, u := range users {
		if n := len(u.Messages()); n != benchPerUser {
			b.Fatalf("%s got %d answers, want %d:\n%s", u, n, benchPerUser, u.Transcript())
		}
	}
	return m
}

// runBot runs the real bot on a new database file and double.
func runBot(b *testing.B) measure {
	b.StopTimer()
	srv, users := benchWorld(b)
	// YOUTHBOT_SEND_RATE bounds replies too (1,000 at most, Telegram's own
	// limit far below): out of the way here, where the pipeline is
	// measured against an echo loop that has none.
	bt := bottest.Start(b, bottest.Options{Server: srv, Rate: 1e6})
	defer bt.Stop()
	inv := youthbot.Invite{Code: youthbot.NewCode(10), Kind: youthbot.InviteMember, Unit: benchBranch, CreatedAt: bt.Now()}
	bt.Update(func(tx *storage.Tx) error { return tx.PutInvite(inv) })
	b.StartTimer()
	d := drive(b, srv, users, inv.Payload())
	b.StopTimer()
	bt.Settle()
	return d
}

// runEcho runs the naive echo loop on a new double: the library's update
// channel, and a Send of the text back for each message.
func runEcho(b *testing.B) measure {
	b.StopTimer()
	srv, users := benchWorld(b)
	api, err := tgbotapi.NewBotAPIWithAPIEndpoint(telegramtest.Token, srv.Endpoint())
	if err != nil {
		b.Fatal(err)
	}
	cfg := tgbotapi.NewUpdate(0)
	cfg.Timeout = 1 // seconds: StopReceivingUpdates waits for the poll in flight
	updates := api.GetUpdatesChan(cfg)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for u := range updates {
			if u.Message == nil {
				continue
			}
			if _, err := api.Send(tgbotapi.NewMessage(u.Message.Chat.ID, u.Message.Text)); err != nil {
				b.Errorf("echo: %v", err)
			}
		}
	}()
	b.StartTimer()
	d := drive(b, srv, users, "j_echo")
	b.StopTimer()
	api.StopReceivingUpdates()
	<-done
	return d
}
