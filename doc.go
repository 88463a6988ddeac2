// Package youthbot holds the domain of the Youth Union bot: units, members,
// invites, dialogs and the error codes every layer shares. It imports neither
// bbolt nor Telegram; storage/ persists these types and bot/ speaks Telegram.
// The forms of Vietnamese it needs (names, phrases) are vn's; what users
// type is read into its values by vnread.
package youthbot
