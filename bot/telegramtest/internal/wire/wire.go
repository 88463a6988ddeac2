// Package wire holds the Bot API's objects as the test double writes them
// in its answers and updates (JSON field names and omitempty as Telegram's).
package wire

// These types are the JSON the double sends: the parts of the Bot API
// objects a bot reads. go-telegram-bot-api decodes them into its own types.

type User struct {
	ID                      int64  `json:"id"`
	IsBot                   bool   `json:"is_bot"`
	FirstName               string `json:"first_name"`
	Username                string `json:"username,omitempty"`
	LanguageCode            string `json:"language_code,omitempty"`
	CanJoinGroups           *bool  `json:"can_join_groups,omitempty"`
	CanReadAllGroupMessages *bool  `json:"can_read_all_group_messages,omitempty"`
	SupportsInlineQueries   *bool  `json:"supports_inline_queries,omitempty"`
}

type Chat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	FirstName string `json:"first_name,omitempty"`
}

// ChatFullInfo is the answer of getChat.
type ChatFullInfo struct {
	Chat
	AccentColorID     int            `json:"accent_color_id"`
	MaxReactionCount  int            `json:"max_reaction_count"`
	AcceptedGiftTypes map[string]any `json:"accepted_gift_types"`
}

type Entity struct {
	Type          string `json:"type"`
	Offset        int    `json:"offset"`
	Length        int    `json:"length"`
	URL           string `json:"url,omitempty"`
	User          *User  `json:"user,omitempty"`
	Language      string `json:"language,omitempty"`
	CustomEmojiID string `json:"custom_emoji_id,omitempty"`
	UnixTime      int64  `json:"unix_time,omitempty"`
}

type PhotoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int    `json:"file_size,omitempty"`
}

type Document struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

type Sticker struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Type         string `json:"type"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	IsAnimated   bool   `json:"is_animated"`
	IsVideo      bool   `json:"is_video"`
	Emoji        string `json:"emoji,omitempty"`
}

type Contact struct {
	PhoneNumber string `json:"phone_number"`
	FirstName   string `json:"first_name"`
	UserID      int64  `json:"user_id,omitempty"`
}

type Button struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

type InlineMarkup struct {
	InlineKeyboard [][]Button `json:"inline_keyboard"`
}

type Message struct {
	MessageID         int           `json:"message_id"`
	From              *User         `json:"from,omitempty"`
	Chat              Chat          `json:"chat"`
	Date              int64         `json:"date"`
	EditDate          int64         `json:"edit_date,omitempty"`
	ReplyToMessage    *Message      `json:"reply_to_message,omitempty"`
	Text              string        `json:"text,omitempty"`
	Entities          []Entity      `json:"entities,omitempty"`
	Photo             []PhotoSize   `json:"photo,omitempty"`
	Document          *Document     `json:"document,omitempty"`
	Sticker           *Sticker      `json:"sticker,omitempty"`
	Caption           string        `json:"caption,omitempty"`
	CaptionEntities   []Entity      `json:"caption_entities,omitempty"`
	Contact           *Contact      `json:"contact,omitempty"`
	MigrateToChatID   int64         `json:"migrate_to_chat_id,omitempty"`
	MigrateFromChatID int64         `json:"migrate_from_chat_id,omitempty"`
	ReplyMarkup       *InlineMarkup `json:"reply_markup,omitempty"`
}

type CallbackQuery struct {
	ID           string   `json:"id"`
	From         User     `json:"from"`
	Message      *Message `json:"message,omitempty"`
	ChatInstance string   `json:"chat_instance"`
	Data         string   `json:"data,omitempty"`
}

// ChatMember covers the ChatMember subtypes the double produces.
type ChatMember struct {
	Status      string `json:"status"`
	User        User   `json:"user"`
	IsAnonymous *bool  `json:"is_anonymous,omitempty"`
	UntilDate   *int64 `json:"until_date,omitempty"`
	*AdminRights
}

type AdminRights struct {
	CanBeEdited         bool `json:"can_be_edited"`
	CanManageChat       bool `json:"can_manage_chat"`
	CanDeleteMessages   bool `json:"can_delete_messages"`
	CanManageVideoChats bool `json:"can_manage_video_chats"`
	CanRestrictMembers  bool `json:"can_restrict_members"`
	CanPromoteMembers   bool `json:"can_promote_members"`
	CanChangeInfo       bool `json:"can_change_info"`
	CanInviteUsers      bool `json:"can_invite_users"`
	CanPostStories      bool `json:"can_post_stories"`
	CanEditStories      bool `json:"can_edit_stories"`
	CanDeleteStories    bool `json:"can_delete_stories"`
	CanPinMessages      bool `json:"can_pin_messages"`
}

type ChatMemberUpdated struct {
	Chat          Chat       `json:"chat"`
	From          User       `json:"from"`
	Date          int64      `json:"date"`
	OldChatMember ChatMember `json:"old_chat_member"`
	NewChatMember ChatMember `json:"new_chat_member"`
}

type WebhookInfo struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}

type ResponseParameters struct {
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
	RetryAfter      int   `json:"retry_after,omitempty"`
}
