package telegramtest

import "youthbot/bot/telegramtest/internal/fault"

// Limits are flood limits the double enforces on sendMessage, sendPhoto and
// sendDocument (package fault): Global messages per second over all chats,
// PerChat per chat (with PerChatBurst), PerGroupPerMinute per group; a zero
// field means no limit.
type Limits = fault.Limits

// SetLimits replaces the limits and forgets past traffic.
func (s *Server) SetLimits(l Limits) {
	s.lock()
	defer s.unlock()
	s.limiter = fault.Limiter{Limits: l, Count429: s.limiter.Count429}
}

// Count429 is the number of calls answered 429 by the limits (faults
// excluded).
func (s *Server) Count429() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.limiter.Count429
}
