package telegramtest

// The wire* types are the JSON the double sends: the parts of the Bot API
// objects a bot reads. go-telegram-bot-api decodes them into its own types.

type wireUser struct {
	ID                      int64  `json:"id"`
	IsBot                   bool   `json:"is_bot"`
	FirstName               string `json:"first_name"`
	Username                string `json:"username,omitempty"`
	LanguageCode            string `json:"language_code,omitempty"`
	CanJoinGroups           *bool  `json:"can_join_groups,omitempty"`
	CanReadAllGroupMessages *bool  `json:"can_read_all_group_messages,omitempty"`
	SupportsInlineQueries   *bool  `json:"supports_inline_queries,omitempty"`
}

type wireChat struct {
	ID        int64  `json:"id"`
	Type      string `json:"type"`
	Title     string `json:"title,omitempty"`
	FirstName string `json:"first_name,omitempty"`
}

// wireChatFullInfo is the answer of getChat.
type wireChatFullInfo struct {
	wireChat
	AccentColorID     int            `json:"accent_color_id"`
	MaxReactionCount  int            `json:"max_reaction_count"`
	AcceptedGiftTypes map[string]any `json:"accepted_gift_types"`
}

type wireEntity struct {
	Type          string    `json:"type"`
	Offset        int       `json:"offset"`
	Length        int       `json:"length"`
	URL           string    `json:"url,omitempty"`
	User          *wireUser `json:"user,omitempty"`
	Language      string    `json:"language,omitempty"`
	CustomEmojiID string    `json:"custom_emoji_id,omitempty"`
	UnixTime      int64     `json:"unix_time,omitempty"`
}

type wirePhotoSize struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	FileSize     int    `json:"file_size,omitempty"`
}

type wireDocument struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	FileName     string `json:"file_name,omitempty"`
	FileSize     int    `json:"file_size,omitempty"`
}

type wireSticker struct {
	FileID       string `json:"file_id"`
	FileUniqueID string `json:"file_unique_id"`
	Type         string `json:"type"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	IsAnimated   bool   `json:"is_animated"`
	IsVideo      bool   `json:"is_video"`
	Emoji        string `json:"emoji,omitempty"`
}

type wireContact struct {
	PhoneNumber string `json:"phone_number"`
	FirstName   string `json:"first_name"`
	UserID      int64  `json:"user_id,omitempty"`
}

type wireButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

type wireInlineMarkup struct {
	InlineKeyboard [][]wireButton `json:"inline_keyboard"`
}

type wireMessage struct {
	MessageID         int               `json:"message_id"`
	From              *wireUser         `json:"from,omitempty"`
	Chat              wireChat          `json:"chat"`
	Date              int64             `json:"date"`
	EditDate          int64             `json:"edit_date,omitempty"`
	ReplyToMessage    *wireMessage      `json:"reply_to_message,omitempty"`
	Text              string            `json:"text,omitempty"`
	Entities          []wireEntity      `json:"entities,omitempty"`
	Photo             []wirePhotoSize   `json:"photo,omitempty"`
	Document          *wireDocument     `json:"document,omitempty"`
	Sticker           *wireSticker      `json:"sticker,omitempty"`
	Caption           string            `json:"caption,omitempty"`
	CaptionEntities   []wireEntity      `json:"caption_entities,omitempty"`
	Contact           *wireContact      `json:"contact,omitempty"`
	MigrateToChatID   int64             `json:"migrate_to_chat_id,omitempty"`
	MigrateFromChatID int64             `json:"migrate_from_chat_id,omitempty"`
	ReplyMarkup       *wireInlineMarkup `json:"reply_markup,omitempty"`
}

type wireCallbackQuery struct {
	ID           string       `json:"id"`
	From         wireUser     `json:"from"`
	Message      *wireMessage `json:"message,omitempty"`
	ChatInstance string       `json:"chat_instance"`
	Data         string       `json:"data,omitempty"`
}

// wireChatMember covers the ChatMember subtypes the double produces.
type wireChatMember struct {
	Status      string   `json:"status"`
	User        wireUser `json:"user"`
	IsAnonymous *bool    `json:"is_anonymous,omitempty"`
	UntilDate   *int64   `json:"until_date,omitempty"`
	*wireAdminRights
}

type wireAdminRights struct {
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

type wireChatMemberUpdated struct {
	Chat          wireChat       `json:"chat"`
	From          wireUser       `json:"from"`
	Date          int64          `json:"date"`
	OldChatMember wireChatMember `json:"old_chat_member"`
	NewChatMember wireChatMember `json:"new_chat_member"`
}

type wireWebhookInfo struct {
	URL                  string   `json:"url"`
	HasCustomCertificate bool     `json:"has_custom_certificate"`
	PendingUpdateCount   int      `json:"pending_update_count"`
	MaxConnections       int      `json:"max_connections,omitempty"`
	AllowedUpdates       []string `json:"allowed_updates,omitempty"`
}

type wireResponseParameters struct {
	MigrateToChatID int64 `json:"migrate_to_chat_id,omitempty"`
	RetryAfter      int   `json:"retry_after,omitempty"`
}
