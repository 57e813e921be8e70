package connecttest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/user"
)

// benchBody returns the CreateUser body of examples/documents/
// cli-create-user.json (the AWS CLI's own example, 331 bytes) with a
// unique username: the head and tail around the username.
func benchBody(tb testing.TB) (head, tail []byte) {
	in := readDocument(tb, "cli-create-user.json")
	in.Username = "PLACEHOLDER"
	body, err := in.Body()
	if err != nil {
		tb.Fatal(err)
	}
	head, tail, _ = bytes.Cut(body, []byte("PLACEHOLDER"))
	return head, tail
}

// bareHandler is the comparator: a plain net/http handler that decodes the
// same body with encoding/json into user.CreateUserInput and returns a
// fixed answer. No rule, no state, no record.
func bareHandler(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	var in user.CreateUserInput
	if err == nil {
		err = json.Unmarshal(body, &in)
	}
	if err != nil {
		http.Error(w, `{"Message":"bad body"}`, http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(w, `{"UserId":"6a4c4b2e-0000-4000-8000-000000000000","UserArn":"arn:aws:connect:us-east-1:123456789012:instance/40c83b68-ea62-414c-97bb-d018e39e158e/agent/6a4c4b2e-0000-4000-8000-000000000000"}`)
}

// benchResetEvery bounds the emulator's stored users during the
// benchmark: every so many users the state goes back to the demo
// instances (Server.Load), which costs one lock and a map per reset.
const benchResetEvery = 20_000

// BenchmarkCreateUser measures CreateUser over loopback HTTP with
// keep-alive, from 4 client goroutines per core, against the local service
// (impl=connecttest: the catalog, references, username, quota, storage,
// the request record) and against bareHandler (impl=bare-net-http), in one
// run. Each request has a new username, so that every CreateUser of the
// emulator creates a user.
func BenchmarkCreateUser(b *testing.B) {
	head, tail := benchBody(b)
	for _, impl := range []string{"connecttest", "bare-net-http"} {
		b.Run("impl="+impl, func(b *testing.B) {
			var url string
			var reset func()
			switch impl {
			case "connecttest":
				srv := connecttest.NewServer()
				defer srv.Close()
				srv.AddDemoInstances()
				initial := srv.State()
				url = srv.URL
				reset = func() {
					if err := srv.Load(initial); err != nil {
						b.Error(err)
					}
				}
			default:
				srv := httptest.NewServer(http.HandlerFunc(bareHandler))
				defer srv.Close()
				url = srv.URL
				reset = func() {}
			}
			url += "/users/" + cmInstance
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
			defer client.CloseIdleConnections()
			var counter atomic.Int64
			b.SetParallelism(4)
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				buf := make([]byte, 0, len(head)+len(tail)+24)
				for pb.Next() {
					n := counter.Add(1)
					if n%benchResetEvery == 0 {
						reset()
					}
					buf = append(append(strconv.AppendInt(append(buf[:0], head...), n, 36), "-bench"...), tail...)
					req, _ := http.NewRequest(http.MethodPut, url, bytes.NewReader(buf))
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("Authorization", signed)
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Errorf("status %d", resp.StatusCode)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

// BenchmarkStoredUser measures the heap that one stored user costs: 10,000
// users created through CreateUser (in process, without HTTP and with no
// request record), the live heap after a collection compared with before.
func BenchmarkStoredUser(b *testing.B) {
	head, tail := benchBody(b)
	const users = 10_000
	var perUser float64
	for range b.N {
		srv := connecttest.NewServer(connecttest.WithRecordLimit(0))
		srv.AddDemoInstances()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		for i := range users {
			body := append(append(append([]byte(nil), head...), fmt.Sprint("user-", i)...), tail...)
			req := httptest.NewRequest(http.MethodPut, "/users/"+cmInstance, bytes.NewReader(body))
			req.Header.Set("Authorization", signed)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if n := len(srv.Users(cmInstance)); n != users {
			b.Fatalf("%d users", n)
		}
		perUser = float64(after.HeapAlloc-before.HeapAlloc) / users
		srv.Close()
	}
	b.ReportMetric(perUser, "B/user")
}
