package bot

import (
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Callback data prefixes. Data is "<prefix>:<arg>:<arg>...", ASCII, at most
// 64 bytes (Telegram's limit); it is untrusted input: every handler checks
// its arguments and the sender's rights again.
const (
	// /pending's list (bot/membership), whose presses a request's own
	// handler tells from its buttons: pd:p:<page> | pd:a|r:<item>:<page> |
	// pd:w:<item>:<page>:<reason>|back | pd:A:<page>:<hash>
	PendingPrefix = "pd"
	// Membership's prefixes (tw, tj, rg, m?, pe, fg, lg, i?, s?) are listed in bot/membership.
	// Participation's prefixes (a?, x?) are listed in bot/participation/participation.go.
	// Projects', campaigns' and targets' prefixes (j?, k?) are listed in bot/projects/project.go.
	// The live summaries' (sm) are in bot/requests, a rejection's own words and its undo (rx) in bot/internal/decision.
)

// maxCallbackData is Telegram's limit on callback_data, in bytes.
const maxCallbackData = 64

// maxArgs bounds how many arguments decodeData returns.
const maxArgs = 6

// Data encodes callback data. It panics on data over 64 bytes or holding a
// ':' inside an argument: both are programming errors the tests catch.
func Data(prefix string, args ...string) string {
	for _, a := range args {
		if strings.Contains(a, ":") {
			panic("callback argument with ':': " + a)
		}
	}
	s := strings.Join(append([]string{prefix}, args...), ":")
	if len(s) > maxCallbackData {
		panic("callback data over 64 bytes: " + s)
	}
	return s
}

// DecodeData splits callback data into its prefix and arguments. Data that
// is too long or has too many parts gives an empty prefix (a stale button).
func DecodeData(s string) (prefix string, args []string) {
	if s == "" || len(s) > maxCallbackData {
		return "", nil
	}
	parts := strings.SplitN(s, ":", maxArgs+2)
	if len(parts) > maxArgs+1 {
		return "", nil
	}
	return parts[0], parts[1:]
}

// Arg returns args[i] or "".
func Arg(args []string, i int) string {
	if i < len(args) {
		return args[i]
	}
	return ""
}

// Button is an inline button with callback data.
func Button(text, data string) tgbotapi.InlineKeyboardButton {
	return tgbotapi.NewInlineKeyboardButtonData(text, data)
}

// Row is a row of buttons.
func Row(buttons ...tgbotapi.InlineKeyboardButton) []tgbotapi.InlineKeyboardButton {
	return buttons
}

// Keyboard is an inline keyboard of the non-empty rows.
func Keyboard(rows ...[]tgbotapi.InlineKeyboardButton) *tgbotapi.InlineKeyboardMarkup {
	var kept [][]tgbotapi.InlineKeyboardButton
	for _, r := range rows {
		if len(r) > 0 {
			kept = append(kept, r)
		}
	}
	return &tgbotapi.InlineKeyboardMarkup{InlineKeyboard: kept}
}

// YesNo is a confirmation keyboard: the affirmative action comes first.
func YesNo(yesText, yesData, noText, noData string) *tgbotapi.InlineKeyboardMarkup {
	return Keyboard(Row(Button(yesText, yesData), Button(noText, noData)))
}

// PageButtons is the ◀ n/N ▶ row of a paged list; dataFor builds the data
// of a page. A single page gives no row.
func PageButtons(page, pages int, dataFor func(page int) string) []tgbotapi.InlineKeyboardButton {
	if pages <= 1 {
		return nil
	}
	var r []tgbotapi.InlineKeyboardButton
	if page > 0 {
		r = append(r, Button("◀", dataFor(page-1)))
	}
	if page < pages-1 {
		r = append(r, Button("▶", dataFor(page+1)))
	}
	return r
}

// PageOf returns the bounds of page (clamped) of n items, size per page, and
// the page count.
func PageOf(n, size, page int) (from, to, clamped, pages int) {
	pages = max((n+size-1)/size, 1)
	clamped = min(max(page, 0), pages-1)
	from = clamped * size
	to = min(from+size, n)
	return from, to, clamped, pages
}

// PageView renders one page of a paged screen: its text and buttons.
type PageView func(c *Ctx, page int) (string, *tgbotapi.InlineKeyboardMarkup, error)

// FirstPage answers a command with the first page of view.
func FirstPage(c *Ctx, view PageView) error { return c.Replied(view(c, 0)) }

// TurnPage answers a page button with the page pageArg names, in place of
// the one shown; a page that is no number is a stale button.
func TurnPage(c *Ctx, pageArg string, view PageView) error {
	page, err := strconv.Atoi(pageArg)
	if err != nil {
		return staleButton()
	}
	return c.Edited(view(c, page))
}

// First is a paged screen's command: its first page.
func (view PageView) First(c *Ctx, _ string) error { return FirstPage(c, view) }

// Turn is a paged screen's page buttons: the page their first argument
// names.
func (view PageView) Turn(c *Ctx, args []string) error { return TurnPage(c, Arg(args, 0), view) }

// Replied answers with a view's text and buttons, unless it failed (err).
func (c *Ctx) Replied(text string, kb *tgbotapi.InlineKeyboardMarkup, err error) error {
	if err == nil {
		c.Reply(text, kb)
	}
	return err
}

// Edited shows a view's text and buttons in place of the message whose
// button was pressed, unless it failed (err).
func (c *Ctx) Edited(text string, kb *tgbotapi.InlineKeyboardMarkup, err error) error {
	if err == nil {
		c.EditCallback(text, kb)
	}
	return err
}
