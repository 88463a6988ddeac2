package outbox

import (
	"context"
	"slices"
	"time"

	"youthbot"
	"youthbot/storage"
)

// The paging window: the outbox is read ahead while fewer than windowChats
// chats have notifications in hand and fewer than windowEntries
// notifications are (a chat's own backlog, a group's at 20 a minute, holds
// only sequences: 8 MB at most), and read again once it is half empty.
// windowChats/2 chats at 1 message a second each keep up with the highest
// YOUTHBOT_SEND_RATE (1,000) twice over.
const (
	windowChats   = 4096
	windowEntries = 1 << 20
	pageSize      = 512
)

// pager reads the outbox's notifications in queue order, page by page, into
// the chats' queues (sequences only). Every field is guarded by Sender.mu.
//
// Why nothing is missed: the outbox's sequences grow with commit order (one
// writer), so a read that saw sequence n saw every message committed with a
// smaller one; from, the next sequence to read, only grows. A notification
// committed later has a larger sequence and is found by a later read, which
// its Push asks for (kick). Replies are never taken by the reader: they come
// with Push (and Load).
type pager struct {
	from    uint64 // the next sequence to read
	atEnd   bool   // a read reached the end of the outbox...
	endGen  uint64 // ...having started at this kick generation
	gen     uint64 // kicks: Push of notifications
	wake    chan struct{}
	chats   int // chats with notifications in hand
	entries int // notifications in hand
	reading bool
	// Counts for Queued: what Load found and what Push announced, not read
	// yet.
	loadMax    uint64
	loadUnread int
	announced  []uint64 // sorted
}

func (p *pager) init() { p.wake = make(chan struct{}, 1) }

// loaded records what Load found: notifications up to last.
func (p *pager) loaded(last uint64, notes int) {
	p.loadMax, p.loadUnread = last, notes
	if notes == 0 {
		p.from, p.atEnd = last+1, true
	}
}

// pushed records a committed notification.
func (p *pager) pushed(seq uint64) {
	if seq < p.from || seq <= p.loadMax {
		return
	}
	i, found := slices.BinarySearch(p.announced, seq)
	if !found {
		p.announced = slices.Insert(p.announced, i, seq)
	}
}

// kick asks for a read: new notifications were committed.
func (p *pager) kick() {
	p.gen++
	p.signal()
}

func (p *pager) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// caughtUp reports whether every committed notification pushed so far was
// read.
func (p *pager) caughtUp() bool { return p.atEnd && p.endGen == p.gen }

func (p *pager) unread() int { return p.loadUnread + len(p.announced) }

func (p *pager) room() bool { return p.chats < windowChats && p.entries < windowEntries }

// taken records that q's first notification left its hand.
func (p *pager) taken(q *chatQueue) { p.dropped(q, 1) }

// dropped records that n of q's notifications left its hand.
func (p *pager) dropped(q *chatQueue, n int) {
	if n == 0 {
		return
	}
	p.entries -= n
	if len(q.notify) == 0 {
		p.chats--
	}
	// Read again once the window is half empty (of chats, or of
	// sequences when one chat's backlog filled it).
	if !p.caughtUp() && p.room() && (p.chats <= windowChats/2 || p.entries <= windowEntries/2) {
		p.signal()
	}
}

// read records one notification read from the outbox.
func (p *pager) read(seq uint64) {
	if seq <= p.loadMax {
		p.loadUnread = max(0, p.loadUnread-1)
		return
	}
	i := 0
	for i < len(p.announced) && p.announced[i] <= seq {
		i++
	}
	p.announced = p.announced[i:]
}

// scan reads the outbox into the chats' queues while there is room and
// something to read.
func (s *Sender) scan(ctx context.Context) {
	defer s.wg.Done()
	for {
		s.mu.Lock()
		need := !s.page.caughtUp() && s.page.room()
		s.page.reading = need
		s.mu.Unlock()
		if need {
			if err := s.readPage(); err != nil {
				s.log.Error("cannot read the outbox, retrying", "err", err)
				if !sleep(ctx, time.Second) {
					return
				}
			}
			if ctx.Err() != nil {
				return
			}
			continue
		}
		select {
		case <-s.page.wake:
		case <-ctx.Done():
			return
		}
	}
}

// readPage reads up to pageSize notifications from the outbox.
func (s *Sender) readPage() error {
	type head struct {
		seq  uint64
		chat int64
	}
	s.mu.Lock()
	from, gen := s.page.from, s.page.gen
	s.mu.Unlock()
	var heads []head
	next, end := from, true
	err := s.cfg.DB.View(func(tx *storage.Tx) error {
		return tx.OutboxHeads(from, func(seq uint64, chat int64, lane youthbot.Lane) bool {
			if len(heads) == pageSize {
				end = false
				return false
			}
			next = seq + 1
			if lane != youthbot.LaneReply {
				heads = append(heads, head{seq, chat})
			}
			return true
		})
	})
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	for _, h := range heads {
		s.page.read(h.seq)
		q := s.chat(h.chat)
		if len(q.notify) == 0 {
			s.page.chats++
		}
		q.notify = append(q.notify, h.seq)
		s.page.entries++
		s.held++
		if len(q.notify) == 1 {
			s.place(q, now)
		}
	}
	s.page.from = next
	s.page.atEnd = end
	if end {
		s.page.endGen = gen
		if gen == s.page.gen {
			s.page.announced = nil
			s.page.loadUnread = 0
		}
	}
	if len(heads) > 0 {
		s.kick()
	}
	s.idle.Broadcast()
	return nil
}
