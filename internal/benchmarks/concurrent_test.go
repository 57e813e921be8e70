package benchmarks

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// result is what one validation returns, as comparable data.
type result struct {
	Input      *user.CreateUserInput
	Violations string // the JSON report: field, code, severity, rule, message, related, value
}

func resultOf(in *user.CreateUserInput, l cuerrors.List) result {
	j, err := l.MarshalJSON()
	if err != nil {
		panic(err)
	}
	return result{Input: in, Violations: string(j)}
}

// TestConcurrentValidation validates a set of varied requests and their
// documents from many goroutines at once through shared Validators (one
// per identity type), and checks that every result equals the sequential
// one. Run it with -race.
func TestConcurrentValidation(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 200
	}
	requests := variedRequests(3, n)
	docs := make([][]byte, n)
	for i, in := range requests {
		docs[i] = document(in)
		switch i % 10 { // some documents break reading rules too
		case 1:
			docs[i] = []byte(strings.Replace(string(docs[i]), `"Username"`, `"Usernme"`, 1))
		case 2:
			docs[i] = []byte(strings.Replace(string(docs[i]), `"RoutingProfileId": "`, `"RoutingProfileId": 7, "X": "`, 1))
		case 3:
			docs[i] = docs[i][:len(docs[i])/2]
		}
	}
	validators := make([]*user.Validator, len(modes))
	for m, mode := range modes {
		validators[m] = user.NewValidator(user.WithIdentityManagement(mode))
	}
	// The sequential results.
	wantReq := make([][]result, len(modes))
	wantDoc := make([][]result, len(modes))
	for m, v := range validators {
		for i := range requests {
			wantReq[m] = append(wantReq[m], resultOf(nil, v.Validate(requests[i])))
			wantDoc[m] = append(wantDoc[m], resultOf(v.ValidateDocument(docs[i])))
		}
	}

	const goroutines = 8
	var wg sync.WaitGroup
	errs := make(chan string, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			for k := range n * len(modes) {
				// Each goroutine walks the work in its own order (7 is
				// prime to n*len(modes), so this is a permutation).
				k = (k*7 + g*131) % (n * len(modes))
				m, i := k%len(modes), k/len(modes)
				v := validators[m]
				if got := resultOf(nil, v.Validate(requests[i])); got != wantReq[m][i] {
					errs <- "Validate: " + gocmp.Diff(wantReq[m][i], got)
					return
				}
				if got := resultOf(v.ValidateDocument(docs[i])); !reflect.DeepEqual(got, wantDoc[m][i]) {
					errs <- "ValidateDocument: " + gocmp.Diff(wantDoc[m][i], got)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
