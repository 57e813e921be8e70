package connecttest

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Defaults of a Server.
const (
	DefaultAccount = "123456789012"
	DefaultRegion  = "us-east-1"
	// DefaultAddr is where NewServer listens: a free port on loopback.
	DefaultAddr = "127.0.0.1:0"
	// MaxRecordedRequests is how many requests Requests remembers unless
	// WithRecordLimit says otherwise; older ones are forgotten first, so a
	// long-running server stays bounded.
	MaxRecordedRequests = 100_000
)

// Server is a local Connect Customer user-management service on a loopback
// port, speaking the service's REST-JSON protocol so that aws-sdk-go-v2,
// the AWS CLI and boto3 work against it unchanged. Its methods are safe for
// concurrent use.
type Server struct {
	// URL is the base URL of the server, http://127.0.0.1:PORT, for
	// BaseEndpoint or --endpoint-url.
	URL string

	cfg        config
	listener   net.Listener
	httpServer *http.Server
	done       chan struct{}
	serveErr   error
	closeOnce  sync.Once

	store      *store
	validators map[identity.Type]*user.Validator
	tokenKey   [32]byte
	limiters   map[string]*rate.Limiter

	randMu sync.Mutex
	rnd    *rand.Rand

	recMu    sync.Mutex
	requests []Request
	recStart int // index of the oldest request once the record is full
}

// config is what the options set.
type config struct {
	account, region, addr string
	ratePerSecond         float64
	burst                 int
	faults                Faults
	seed                  int64
	seeded                bool
	hook                  func(Request)
	recordLimit           int
	now                   func() time.Time
}

// Option configures a Server.
type Option func(*config)

// WithAccount sets the AWS account id in the ARNs (default DefaultAccount).
func WithAccount(id string) Option { return func(c *config) { c.account = id } }

// WithRegion sets the region in the ARNs and LastModifiedRegion (default
// DefaultRegion). ARNs that name another region are not found.
func WithRegion(r string) Option { return func(c *config) { c.region = r } }

// WithRate limits each operation to perSecond requests per second with
// bursts of burst, for the whole account, as the service's quotas do (the
// service's default for CreateUser is 2 per second with a burst of 5).
// A request over the limit gets 429 ThrottlingException. Without it there
// is no limit.
func WithRate(perSecond float64, burst int) Option {
	return func(c *config) { c.ratePerSecond, c.burst = perSecond, burst }
}

// WithFaults makes the server fail on purpose, at random, as Faults says.
func WithFaults(f Faults) Option { return func(c *config) { c.faults = f } }

// WithSeed makes the random choices of WithFaults repeatable: the same
// seed and the same sequence of requests give the same faults. Without it
// the seed is random.
func WithSeed(seed int64) Option { return func(c *config) { c.seed, c.seeded = seed, true } }

// WithAddr sets the address to listen on (default DefaultAddr). A port of
// 0 picks a free one; Server.URL says which.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithRequestHook calls hook after every request with its record (the one
// Requests returns), from the goroutine that served it: for logging.
func WithRequestHook(hook func(Request)) Option { return func(c *config) { c.hook = hook } }

// WithRecordLimit sets how many requests Requests remembers, the latest
// ones (default MaxRecordedRequests); 0 remembers none. WithRequestHook
// sees every request either way.
func WithRecordLimit(n int) Option { return func(c *config) { c.recordLimit = max(n, 0) } }

// NewServer starts a Server on 127.0.0.1 with no instance, like
// httptest.NewServer; it panics if it cannot listen. Close it when done.
func NewServer(opts ...Option) *Server {
	s, err := Start(opts...)
	if err != nil {
		panic(err)
	}
	return s
}

// Start is NewServer returning an error instead of panicking, for
// programs (connectuser serve) that listen on an address of their choice
// (WithAddr).
func Start(opts ...Option) (*Server, error) {
	cfg := config{account: DefaultAccount, region: DefaultRegion, addr: DefaultAddr, now: time.Now, recordLimit: MaxRecordedRequests}
	for _, o := range opts {
		o(&cfg)
	}
	if err := cfg.faults.check(); err != nil {
		return nil, err
	}
	if cfg.ratePerSecond < 0 || cfg.burst < 0 || (cfg.ratePerSecond > 0 && cfg.burst == 0) {
		return nil, fmt.Errorf("connecttest: rate %v with burst %d: both must be positive", cfg.ratePerSecond, cfg.burst)
	}
	if !cfg.seeded {
		cfg.seed = rand.Int64()
	}
	s := &Server{
		cfg:        cfg,
		store:      newStore(),
		validators: map[identity.Type]*user.Validator{},
		done:       make(chan struct{}),
		rnd:        rand.New(rand.NewPCG(uint64(cfg.seed), 0x636f6e6e656374)),
	}
	for _, t := range identity.Types() {
		s.validators[t] = user.NewValidator(user.WithIdentityManagement(t))
	}
	if _, err := cryptoRead(s.tokenKey[:]); err != nil {
		return nil, err
	}
	if cfg.ratePerSecond > 0 {
		s.limiters = map[string]*rate.Limiter{}
		for _, op := range operationNames {
			s.limiters[op] = rate.NewLimiter(rate.Limit(cfg.ratePerSecond), cfg.burst)
		}
	}
	l, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("connecttest: %w", err)
	}
	s.listener = l
	s.URL = "http://" + l.Addr().String()
	s.httpServer = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	go func() {
		defer close(s.done)
		if err := s.httpServer.Serve(l); !errors.Is(err, http.ErrServerClosed) {
			s.serveErr = err
		}
	}()
	return s, nil
}

// Close stops the server at once, closing every connection.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		_ = s.httpServer.Close()
		<-s.done
	})
}

// Shutdown stops the server gracefully: it stops listening and waits for
// the requests in flight, until ctx is done (then it closes what is left).
func (s *Server) Shutdown(ctx context.Context) error {
	err := s.httpServer.Shutdown(ctx)
	if err != nil {
		s.Close()
	}
	s.closeOnce.Do(func() { <-s.done })
	return err
}

// Account returns the account id of the server's ARNs.
func (s *Server) Account() string { return s.cfg.account }

// Region returns the region of the server's ARNs.
func (s *Server) Region() string { return s.cfg.region }

// Seed returns the seed of the server's random faults (WithSeed, or the
// random one chosen), so that a failing run can be repeated.
func (s *Server) Seed() int64 { return s.cfg.seed }

// AddInstance adds an instance with its profiles, groups and users. It is
// an error, and nothing is added, when the instance exists already, an id is
// empty or given twice, a user refers to a profile or group the instance
// does not have, a username is given twice, or the hierarchy is not a tree
// of at most five levels. Users without an Id get a random one.
func (s *Server) AddInstance(in Instance) error {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	return s.store.add(in, s.cfg.now())
}

// AddDemoInstances adds, unless it is there, one instance of each identity
// management type with the default profiles a new instance has (security
// profiles Admin, Agent, CallCenterManager and QualityAnalyst; routing
// profile Basic Routing Profile), and returns the three as they are now.
// Their ids are fixed, and match the documents in examples/documents: the
// CONNECT_MANAGED instance is 40c83b68-ea62-414c-97bb-d018e39e158e, whose
// Agent profile is 12345678-1234-1234-1234-123456789012 and routing profile
// 87654321-9876-9876-9876-210987654321.
func (s *Server) AddDemoInstances() []Instance {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	var out []Instance
	for _, in := range demoInstances() {
		if _, ok := s.store.instances[in.Id]; !ok {
			if err := s.store.add(in, s.cfg.now()); err != nil {
				panic(err) // the demo instances are valid
			}
		}
		out = append(out, s.store.instances[in.Id].snapshot())
	}
	return out
}

// Instance returns a deep copy of the instance id (or instance ARN) with
// its users, ordered by Username.
func (s *Server) Instance(id string) (Instance, bool) {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := s.instance(id)
	if st == nil {
		return Instance{}, false
	}
	return st.snapshot(), true
}

// Users returns deep copies of the users of an instance, ordered by
// Username; nil for an unknown instance.
func (s *Server) Users(instanceID string) []User {
	in, ok := s.Instance(instanceID)
	if !ok {
		return nil
	}
	return in.Users
}

// AddUser adds a user to an instance, as CreateUser would but without the
// rule catalog: the username must be new and every profile and group id
// must exist in the instance. An empty Id gets a random one.
func (s *Server) AddUser(instanceID string, u User) error {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	st := s.instance(instanceID)
	if st == nil {
		return fmt.Errorf("connecttest: no instance %s", instanceID)
	}
	return st.addUser(u, s.cfg.now())
}

// DeleteHierarchyGroup removes a hierarchy group from an instance, so that
// requests that name it are answered as for a group that is gone. As in the
// service, a group with child groups or with users in it cannot be removed.
func (s *Server) DeleteHierarchyGroup(instanceID, groupID string) error {
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	st := s.instance(instanceID)
	if st == nil {
		return fmt.Errorf("connecttest: no instance %s", instanceID)
	}
	i, ok := st.groups[groupID]
	if !ok {
		return fmt.Errorf("connecttest: instance %s: no hierarchy group %s", instanceID, groupID)
	}
	for _, g := range st.info.HierarchyGroups {
		if g.ParentId == groupID {
			return fmt.Errorf("connecttest: instance %s: hierarchy group %s has child group %s", instanceID, groupID, g.Id)
		}
	}
	for _, u := range st.users {
		if u.HierarchyGroupId != nil && *u.HierarchyGroupId == groupID {
			return fmt.Errorf("connecttest: instance %s: hierarchy group %s has users", instanceID, groupID)
		}
	}
	st.info.HierarchyGroups = append(st.info.HierarchyGroups[:i:i], st.info.HierarchyGroups[i+1:]...)
	st.groups, _ = indexGroups(st.info.Id, st.info.HierarchyGroups)
	return nil
}

// State returns a deep copy of everything the server holds.
func (s *Server) State() State {
	s.store.mu.RLock()
	defer s.store.mu.RUnlock()
	st := State{Instances: []Instance{}}
	for _, id := range s.store.order {
		st.Instances = append(st.Instances, s.store.instances[id].snapshot())
	}
	return st
}

// Load replaces everything the server holds with st, or changes nothing
// when st is not valid (see AddInstance).
func (s *Server) Load(st State) error {
	fresh := newStore()
	now := s.cfg.now()
	for _, in := range st.Instances {
		if err := fresh.add(in, now); err != nil {
			return err
		}
	}
	s.store.mu.Lock()
	defer s.store.mu.Unlock()
	s.store.instances, s.store.order = fresh.instances, fresh.order
	return nil
}

// instance finds an instance by id or by its ARN in this server's region
// and account. The caller holds the lock.
func (s *Server) instance(idOrARN string) *instanceState {
	id, ok := s.instanceID(idOrARN)
	if !ok {
		return nil
	}
	return s.store.instances[id]
}

// cryptoRead fills b with random bytes.
func cryptoRead(b []byte) (int, error) { return crand.Read(b) }

// newUUID returns a random (version 4) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = crand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	var out [36]byte
	j := 0
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[j] = '-'
			j++
		}
		out[j], out[j+1] = hex[c>>4], hex[c&0x0f]
		j += 2
	}
	return string(out[:])
}
