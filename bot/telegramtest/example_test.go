package telegramtest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"youthbot/bot/telegramtest"
)

// The bot under test is normally started with
// tgbotapi.NewBotAPIWithAPIEndpoint(telegramtest.Token, s.Endpoint()); here
// plain HTTP plays the bot.
func Example() {
	s := telegramtest.NewServer(telegramtest.Options{})
	defer s.Close()
	anna := s.NewUser("Anna", "vi")
	anna.Send("/start")

	resp, err := http.PostForm(fmt.Sprintf(s.Endpoint(), telegramtest.Token, "sendMessage"), url.Values{
		"chat_id":    {"1001"},
		"text":       {"Xin chào <b>Anna</b> &amp; chào mừng!"},
		"parse_mode": {"HTML"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()

	m, err := anna.Receive(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Text)
	fmt.Println("violations:", len(s.Violations()), "pending updates:", s.Pending())
	// Output:
	// Xin chào Anna & chào mừng!
	// violations: 0 pending updates: 1
}
