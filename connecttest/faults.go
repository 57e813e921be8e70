package connecttest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Faults are failures that the server makes on purpose, at random, for
// testing clients: each probability is from 0 to 1 and applies to every
// request on its own. Throttle, Error, ResetBefore and Latency apply to
// every operation; ResetAfter to the writing ones (CreateUser, DeleteUser,
// the update operations, TagResource and UntagResource).
type Faults struct {
	// Throttle is the probability of a 429 ThrottlingException.
	Throttle float64
	// Error is the probability of a 500 InternalServiceException.
	Error float64
	// ResetBefore is the probability that the connection is reset before
	// the request is handled: nothing happened.
	ResetBefore float64
	// ResetAfter is the probability that the connection is reset after a
	// successful write (CreateUser, DeleteUser, an update, TagResource or
	// UntagResource) was carried out: the change is made, whole and once,
	// but the client gets no answer, the ambiguous case that a client must
	// settle by asking the service.
	ResetAfter float64
	// Latency is added to every request that is handled.
	Latency time.Duration
}

// ParseFaults reads the --faults syntax of `connectuser serve`: a comma
// separated list of key=value, any subset of throttle=P, error=P,
// reset-before=P, reset-after=P (P a probability from 0 to 1) and
// latency=DURATION (as time.ParseDuration reads it, 0 or more). An unknown
// key, a key given twice or a value out of range is an error; "" is no
// fault.
func ParseFaults(spec string) (Faults, error) {
	var f Faults
	if strings.TrimSpace(spec) == "" {
		return f, nil
	}
	seen := map[string]bool{}
	for item := range strings.SplitSeq(spec, ",") {
		key, value, found := strings.Cut(strings.TrimSpace(item), "=")
		if !found {
			return Faults{}, fmt.Errorf("faults: %q is not key=value", item)
		}
		if seen[key] {
			return Faults{}, fmt.Errorf("faults: %s given twice", key)
		}
		seen[key] = true
		var p *float64
		switch key {
		case "throttle":
			p = &f.Throttle
		case "error":
			p = &f.Error
		case "reset-before":
			p = &f.ResetBefore
		case "reset-after":
			p = &f.ResetAfter
		case "latency":
			d, err := time.ParseDuration(value)
			if err != nil || d < 0 {
				return Faults{}, fmt.Errorf("faults: latency=%s is not a duration of 0 or more", value)
			}
			f.Latency = d
			continue
		default:
			return Faults{}, fmt.Errorf("faults: unknown key %q (want throttle, error, reset-before, reset-after, latency)", key)
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return Faults{}, fmt.Errorf("faults: %s=%s is not a number", key, value)
		}
		*p = v
	}
	if err := f.check(); err != nil {
		return Faults{}, err
	}
	return f, nil
}

// String renders f in the syntax ParseFaults reads.
func (f Faults) String() string {
	var parts []string
	for _, kv := range []struct {
		k string
		v float64
	}{{"throttle", f.Throttle}, {"error", f.Error}, {"reset-before", f.ResetBefore}, {"reset-after", f.ResetAfter}} {
		if kv.v != 0 {
			parts = append(parts, kv.k+"="+strconv.FormatFloat(kv.v, 'g', -1, 64))
		}
	}
	if f.Latency != 0 {
		parts = append(parts, "latency="+f.Latency.String())
	}
	return strings.Join(parts, ",")
}

// check reports a probability outside 0..1 or a negative latency.
func (f Faults) check() error {
	for _, kv := range []struct {
		k string
		v float64
	}{{"throttle", f.Throttle}, {"error", f.Error}, {"reset-before", f.ResetBefore}, {"reset-after", f.ResetAfter}} {
		if math.IsNaN(kv.v) || kv.v < 0 || kv.v > 1 {
			return fmt.Errorf("faults: %s=%v is not a probability from 0 to 1", kv.k, kv.v)
		}
	}
	if f.Latency < 0 {
		return fmt.Errorf("faults: negative latency %v", f.Latency)
	}
	return nil
}

func (f Faults) active() bool {
	return f.Throttle > 0 || f.Error > 0 || f.ResetBefore > 0 || f.ResetAfter > 0 || f.Latency > 0
}

// decision is what the faults do to one request.
type decision struct {
	resetBefore, throttle, error, resetAfter bool
	latency                                  time.Duration
}

// decide draws the faults of one request of operation op. It draws the
// same four numbers for every request, so that a seed gives the same
// faults to the same sequence of requests.
func (s *Server) decide(op string) decision {
	f := s.cfg.faults
	if !f.active() {
		return decision{}
	}
	s.randMu.Lock()
	a, b, c, d := s.rnd.Float64(), s.rnd.Float64(), s.rnd.Float64(), s.rnd.Float64()
	s.randMu.Unlock()
	return decision{
		resetBefore: a < f.ResetBefore,
		throttle:    b < f.Throttle,
		error:       c < f.Error,
		resetAfter:  writing[op] && d < f.ResetAfter,
		latency:     f.Latency,
	}
}
