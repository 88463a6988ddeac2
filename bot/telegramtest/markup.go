package telegramtest

import "encoding/json"

// markup is a reply_markup parameter as the double keeps it.
type markup struct {
	buttons        [][]Button
	replyKeyboard  [][]KeyboardButton
	removeKeyboard bool
	forceReply     bool
}

// parseMarkup reads a reply_markup parameter that passed type validation,
// and applies the rule that depends on the chat: request_contact buttons
// work in private chats only.
func parseMarkup(raw string, ch *chat) (markup, *apiError) {
	var m markup
	if raw == "" {
		return m, nil
	}
	var w struct {
		InlineKeyboard [][]struct {
			Text         string `json:"text"`
			CallbackData string `json:"callback_data"`
			URL          string `json:"url"`
		} `json:"inline_keyboard"`
		Keyboard [][]struct {
			Text            string `json:"text"`
			RequestContact  bool   `json:"request_contact"`
			RequestLocation bool   `json:"request_location"`
		} `json:"keyboard"`
		RemoveKeyboard bool `json:"remove_keyboard"`
		ForceReply     bool `json:"force_reply"`
	}
	if err := json.Unmarshal([]byte(raw), &w); err != nil {
		return m, invalid("can't parse reply keyboard markup JSON object")
	}
	for _, row := range w.InlineKeyboard {
		r := make([]Button, 0, len(row))
		for _, b := range row {
			r = append(r, Button{Text: b.Text, Data: b.CallbackData, URL: b.URL})
		}
		m.buttons = append(m.buttons, r)
	}
	for _, row := range w.Keyboard {
		r := make([]KeyboardButton, 0, len(row))
		for _, b := range row {
			if b.RequestContact && (ch == nil || ch.kind != chatPrivate) {
				return m, invalid("can't parse reply keyboard markup: request_contact buttons are available in private chats only").WithDetail("button %q", b.Text)
			}
			r = append(r, KeyboardButton{Text: b.Text, RequestContact: b.RequestContact, RequestLocation: b.RequestLocation})
		}
		m.replyKeyboard = append(m.replyKeyboard, r)
	}
	m.removeKeyboard, m.forceReply = w.RemoveKeyboard, w.ForceReply
	return m, nil
}

func (mk markup) applyTo(m *Message) {
	m.Buttons = mk.buttons
	m.ReplyKeyboard = mk.replyKeyboard
	m.RemoveKeyboard = mk.removeKeyboard
	m.ForceReply = mk.forceReply
}
