// Package youthbot holds the domain of the Youth Union bot: units, members,
// invites, dialogs and the error codes every layer shares. It imports neither
// bbolt nor Telegram; storage/ persists these types and bot/ speaks Telegram.
package youthbot
