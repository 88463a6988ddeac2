package telegramtest

import "fmt"

// Group is a group chat with the bot as a member. It starts as a basic
// group and may be migrated to a supergroup, after which it speaks for the
// supergroup.
type Group struct {
	s      *Server
	title  string
	chat   *chat   // the current chat
	chats  []*chat // every chat it has been, oldest first
	cursor int     // read position in the bot's messages of chats
}

// NewGroup adds a basic group with the next id (-2001, -2002, ...).
func (s *Server) NewGroup(title string) *Group {
	s.lock()
	defer s.unlock()
	id := -s.nextGroup
	s.nextGroup++
	g := &Group{s: s, title: title}
	g.chat = &chat{id: id, kind: chatGroup, title: title, group: g}
	g.chats = []*chat{g.chat}
	s.chats[id] = g.chat
	return g
}

// ID is the group's current chat id (the supergroup's after Migrate).
func (g *Group) ID() int64 {
	g.s.mu.Lock()
	defer g.s.mu.Unlock()
	return g.chat.id
}

// String names the group in transcripts and failures.
func (g *Group) String() string {
	g.s.mu.Lock()
	defer g.s.mu.Unlock()
	return fmt.Sprintf("%q (%d)", g.chat.title, g.chat.id)
}

// AddMember makes u a member of the group.
func (g *Group) AddMember(u *User) {
	g.s.lock()
	defer g.s.unlock()
	g.addMemberLocked(u)
}

func (g *Group) addMemberLocked(u *User) { g.chat.people.Add(u.ID) }

// RemoveMember makes u leave the group (status "left"); an admin loses the
// rights too.
func (g *Group) RemoveMember(u *User) {
	g.s.lock()
	defer g.s.unlock()
	g.chat.people.Remove(u.ID)
}

// SetAdmin makes u an administrator of the group (and a member) or takes
// the rights away. The first user ever made admin is the creator, whose
// status stays "creator".
func (g *Group) SetAdmin(u *User, admin bool) {
	g.s.lock()
	defer g.s.unlock()
	g.chat.people.SetAdmin(u.ID, admin)
}

// Messages returns the bot's messages in the group, in order, those sent
// before a migration first.
func (g *Group) Messages() []*Message {
	g.s.mu.Lock()
	defer g.s.mu.Unlock()
	return botMessages(g.chats)
}

// Migrate upgrades the basic group to a supergroup with a new id
// (-100xxxxxxxxxx) and returns it. It queues two updates, a message with
// migrate_to_chat_id in the old chat and one with migrate_from_chat_id in
// the new chat; afterwards every call on the old id answers 400 "group chat
// was upgraded to a supergroup chat" with parameters.migrate_to_chat_id.
func (g *Group) Migrate() int64 {
	s := g.s
	s.lock()
	defer s.unlock()
	old := g.chat
	if old.kind != chatGroup {
		panic(fmt.Sprintf("telegramtest: Migrate: chat %d is already a %s", old.id, old.kind))
	}
	id := -1_001_000_000_000 - s.nextSuper
	s.nextSuper++
	sg := &chat{
		id:          id,
		kind:        chatSupergroup,
		title:       old.title,
		group:       g,
		people:      old.people.Clone(),
		migrateFrom: old.id,
	}
	s.chats[id] = sg
	old.migratedTo = id
	g.chat = sg
	g.chats = append(g.chats, sg)

	by := s.users[old.people.Actor()]
	s.userMessageLocked(old, by, &Message{migrateTo: id})
	s.userMessageLocked(sg, by, &Message{migrateFrom: old.id})
	return id
}
