package connecttest

import "time"

// User returns a deep copy of the user userID (an id or the user's ARN) of
// the instance instanceID (an id or ARN) as stored, without the defaults
// that DescribeUser fills in, and false when there is no such user.
func (s *Server) User(instanceID, userID string) (User, bool) {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	_, u, bad := s.findUser([]string{instanceID, userID})
	if bad != nil {
		return User{}, false
	}
	return u.clone(), true
}

// LastModified returns when the user userID of the instance instanceID was
// last written (created, seeded or changed by an update), as DescribeUser
// and ListUsers give it in LastModifiedTime, and false when there is no
// such user.
func (s *Server) LastModified(instanceID, userID string) (time.Time, bool) {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	_, u, bad := s.findUser([]string{instanceID, userID})
	if bad != nil {
		return time.Time{}, false
	}
	return u.modified, true
}
