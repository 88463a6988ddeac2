package outbox

// InHand reports how many messages the sender holds (queued in memory, in
// flight, or delivered and not yet deleted) and whether it is reading the
// outbox.
func (s *Sender) InHand() (held int, reading bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.held, s.page.reading
}
