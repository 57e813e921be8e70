package connecttest

import "time"

// SetClock makes s read the time from now: for tests that assert on
// LastModifiedTime without waiting.
func SetClock(s *Server, now func() time.Time) {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	s.cfg.now = now
}
