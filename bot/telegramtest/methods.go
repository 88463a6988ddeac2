package telegramtest

import (
	"net/http"

	"youthbot/bot/telegramtest/internal/wire"
)

func (s *Server) getMe(*call) (any, *apiError) {
	yes, no := true, false
	me := botUser()
	me.CanJoinGroups, me.CanReadAllGroupMessages, me.SupportsInlineQueries = &yes, &no, &no
	return me, nil
}

// chatActions are the values of sendChatAction.action.
var chatActions = map[string]bool{
	"typing": true, "upload_photo": true, "record_video": true, "upload_video": true,
	"record_voice": true, "upload_voice": true, "upload_document": true, "choose_sticker": true,
	"find_location": true, "record_video_note": true, "upload_video_note": true,
}

func (s *Server) sendChatAction(c *call) (any, *apiError) {
	if !chatActions[c.str("action")] {
		return nil, invalid("wrong parameter action in request").WithDetail("action=%q", c.str("action"))
	}
	return true, nil
}

func (s *Server) getChat(c *call) (any, *apiError) {
	return wire.ChatFullInfo{
		Chat:             c.chat.wire(),
		MaxReactionCount: 11,
		AcceptedGiftTypes: map[string]any{
			"unlimited_gifts": true, "limited_gifts": true, "unique_gifts": true,
			"premium_subscription": true, "gifts_from_channels": true,
		},
	}, nil
}

// getChatMember answers from the group model. The double has no members in
// private chats: it answers "chat not found" there.
func (s *Server) getChatMember(c *call) (any, *apiError) {
	if !c.chat.isGroup() {
		return nil, refused(http.StatusBadRequest, "Bad Request: chat not found")
	}
	uid := c.int64("user_id")
	if uid == BotID {
		return wire.ChatMember{Status: "member", User: botUser()}, nil
	}
	u, ok := s.users[uid]
	if !ok {
		return nil, refused(http.StatusBadRequest, "Bad Request: user not found")
	}
	return memberOf(c.chat, u), nil
}

func (s *Server) getChatAdministrators(c *call) (any, *apiError) {
	if !c.chat.isGroup() {
		return nil, refused(http.StatusBadRequest, "Bad Request: there are no administrators in the private chat")
	}
	out := []wire.ChatMember{}
	for _, id := range c.chat.people.Administrators() {
		out = append(out, memberOf(c.chat, s.users[id]))
	}
	return out, nil
}

// memberOf is the ChatMember object of u in a group.
func memberOf(ch *chat, u *User) wire.ChatMember {
	m := wire.ChatMember{Status: ch.people.Status(u.ID), User: u.wire()}
	switch m.Status {
	case "creator":
		no := false
		m.IsAnonymous = &no
	case "administrator":
		no := false
		m.IsAnonymous = &no
		m.AdminRights = &wire.AdminRights{
			CanManageChat: true, CanDeleteMessages: true, CanRestrictMembers: true,
			CanChangeInfo: true, CanInviteUsers: true, CanPinMessages: true,
		}
	}
	return m
}

func (s *Server) leaveChat(c *call) (any, *apiError) {
	if !c.chat.isGroup() {
		return nil, invalid("chat member status can't be changed in private chats")
	}
	c.chat.botLeft = true
	return true, nil
}
