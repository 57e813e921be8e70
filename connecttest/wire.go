package connecttest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The error types the server answers with: the service's error shapes,
// and the protocol's own.
const (
	ErrResourceNotFound      = "ResourceNotFoundException"
	ErrInvalidParameter      = "InvalidParameterException"
	ErrInvalidRequest        = "InvalidRequestException"
	ErrDuplicateResource     = "DuplicateResourceException"
	ErrLimitExceeded         = "LimitExceededException"
	ErrThrottling            = "ThrottlingException"
	ErrInternalService       = "InternalServiceException"
	ErrSerialization         = "SerializationException"
	ErrUnknownOperation      = "UnknownOperationException"
	ErrMissingAuthentication = "MissingAuthenticationTokenException"
	ErrRequestEntityTooLarge = "RequestEntityTooLargeException"
	ErrUnsupportedMediaType  = "UnsupportedMediaTypeException"
)

// response is what a handler answers; the server writes it.
type response struct {
	status  int
	errType string // "" on success
	body    []byte
}

// serviceError is the body of an error answer.
type serviceError struct {
	Message    string          `json:"Message"`
	Violations json.RawMessage `json:"Violations,omitempty"`
}

func errorResponse(status int, errType, message string) response {
	b, _ := json.Marshal(serviceError{Message: message})
	return response{status: status, errType: errType, body: b}
}

func notFound(message string) response {
	return errorResponse(http.StatusNotFound, ErrResourceNotFound, message)
}

func invalidParameter(message string) response {
	return errorResponse(http.StatusBadRequest, ErrInvalidParameter, message)
}

func serialization(message string) response {
	return errorResponse(http.StatusBadRequest, ErrSerialization, message)
}

func okJSON(v any) response {
	b, err := json.Marshal(v)
	if err != nil {
		return errorResponse(http.StatusInternalServerError, ErrInternalService, "encoding the answer failed")
	}
	return response{status: http.StatusOK, body: b}
}

// epoch is a timestamp as REST-JSON sends it: seconds since 1970 as a JSON
// number with milliseconds.
type epoch time.Time

func (e epoch) MarshalJSON() ([]byte, error) {
	ms := time.Time(e).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// partition returns the ARN partition of region.
func partition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	}
	return "aws"
}

// instanceARN returns the ARN of instance id.
func (s *Server) instanceARN(id string) string {
	return "arn:" + partition(s.cfg.region) + ":connect:" + s.cfg.region + ":" + s.cfg.account + ":instance/" + id
}

// resourceARN returns the ARN of a resource of an instance: kind is agent,
// security-profile, routing-profile or agent-group.
func (s *Server) resourceARN(instance, kind, id string) string {
	return s.instanceARN(instance) + "/" + kind + "/" + id
}

// instanceID reads an instance id or an ARN of an instance of this
// server's partition, region and account.
func (s *Server) instanceID(idOrARN string) (string, bool) {
	if !strings.HasPrefix(idOrARN, "arn:") {
		return idOrARN, idOrARN != ""
	}
	prefix := s.instanceARN("")
	id, found := strings.CutPrefix(idOrARN, prefix)
	if !found || id == "" || strings.Contains(id, "/") {
		return "", false
	}
	return id, true
}

// resourceID reads the id of a resource of kind in instance: an id, or an
// ARN of that resource in that instance of this server. ok is false for an
// ARN of anything else.
func (s *Server) resourceID(instance, kind, idOrARN string) (string, bool) {
	if !strings.HasPrefix(idOrARN, "arn:") {
		return idOrARN, true
	}
	id, found := strings.CutPrefix(idOrARN, s.resourceARN(instance, kind, ""))
	if !found || id == "" || strings.Contains(id, "/") {
		return "", false
	}
	return id, true
}

// Page tokens. A NextToken is opaque to clients: it holds the operation,
// the instance and the sort key of the last item returned, with a MAC under
// a key of this server, so that a token the server did not issue (or one
// of another listing) is refused.

func (s *Server) token(op, instance, last string) string {
	payload := op + "\x00" + instance + "\x00" + last
	mac := hmac.New(sha256.New, s.tokenKey[:])
	mac.Write([]byte(payload))
	sum := mac.Sum(nil)[:16]
	return base64.RawURLEncoding.EncodeToString(append(sum, payload...))
}

// readToken returns the sort key after which a page starts: "" without a
// token, ok false for a token this server did not issue for op and
// instance.
func (s *Server) readToken(tok, op, instance string) (last string, ok bool) {
	if tok == "" {
		return "", true
	}
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	if err != nil || len(raw) < 16 {
		return "", false
	}
	sum, payload := raw[:16], raw[16:]
	mac := hmac.New(sha256.New, s.tokenKey[:])
	mac.Write(payload)
	if !hmac.Equal(sum, mac.Sum(nil)[:16]) {
		return "", false
	}
	parts := strings.SplitN(string(payload), "\x00", 3)
	if len(parts) != 3 || parts[0] != op || parts[1] != instance {
		return "", false
	}
	return parts[2], true
}

// pageBounds are the MaxResults bounds of a listing and the page size
// when MaxResults is absent.
type pageBounds struct{ max, def int }

var (
	bounds1000 = pageBounds{max: 1000, def: 100}
	bounds500  = pageBounds{max: 500, def: 100}
	bounds10   = pageBounds{max: 10, def: 10}
)

// maxResults reads the maxResults query parameter.
func maxResults(q url.Values, b pageBounds) (int, *response) {
	v, present := q["maxResults"]
	if !present {
		return b.def, nil
	}
	n, err := strconv.Atoi(v[0])
	if err != nil || n < 1 || n > b.max {
		r := invalidParameter("MaxResults must be an integer from 1 to " + strconv.Itoa(b.max))
		return 0, &r
	}
	return n, nil
}

// page returns the items after the key last (items are sorted by key),
// at most n of them, and the key of the last one returned when more
// follow.
func page[T any](items []T, key func(T) string, last string, n int) ([]T, string) {
	start := 0
	if last != "" {
		lo, hi := 0, len(items)
		for lo < hi {
			m := (lo + hi) / 2
			if key(items[m]) <= last {
				lo = m + 1
			} else {
				hi = m
			}
		}
		start = lo
	}
	end := min(start+n, len(items))
	out := items[start:end]
	if end < len(items) && len(out) > 0 {
		return out, key(out[len(out)-1])
	}
	return out, ""
}
