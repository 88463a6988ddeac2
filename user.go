package youthbot

import "time"

// Languages the bot speaks.
const (
	LangVI = "vi"
	LangEN = "en"
)

// ValidLang reports whether lang is a language the bot speaks.
func ValidLang(lang string) bool { return lang == LangVI || lang == LangEN }

// User is anyone who has talked to the bot: a visitor, a member, a secretary.
// It holds what the bot needs to answer them, not personal data.
type User struct {
	ID          int64     `json:"id"`
	Lang        string    `json:"lang,omitempty"`     // chosen with /lang; empty: from Telegram, then the default
	AppLang     string    `json:"app_lang,omitempty"` // language_code of the user's Telegram app, last seen
	Unreachable bool      `json:"unreachable,omitempty"`
	FirstSeen   time.Time `json:"first_seen"`
}

// Dialog is where a user stands in a multi-step conversation (registration,
// profile edit). It is stored so that a restart continues where they were.
type Dialog struct {
	Name    string            `json:"name"`
	Step    string            `json:"step"`
	Data    map[string]string `json:"data,omitempty"`
	Updated time.Time         `json:"updated"`
}
