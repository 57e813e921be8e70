// Command sidebyside measures the library next to what it would cost
// without it, in one process, on the same requests: the full valid
// request against a tight hand-written pass of the same rules
// (benchmarks.AppendHandwritten, reusing its result), a request with ten
// violations against the same pass making a new result per call (as the
// library does), ValidateDocument against encoding/json.Unmarshal of the
// same bytes, and validator/v10 with struct tags (benchmarks.V10).
//
// Each measure runs its sides in alternating batches (forwards, then
// backwards), each batch timed by the process's CPU time (every thread:
// the collector's work counts, the time other processes hold the cores
// does not); every time is a median over the rounds and every ratio the
// median of the per-round ratios. It prints one line per measure and a
// summary line last, and exits 1 when a goal of measures 1 to 3 is
// missed, 2 when the inputs are not what the measures assume (the sides
// must agree on every request first). From the module's root:
//
//	go run ./internal/benchmarks/sidebyside [-rounds 31] [-batch 40ms]
//
// The goals: the full request at most -full-max (1.3) times the
// hand-written pass with no allocation; ten violations at most -ten-max
// (3) times, with at most 11 allocations; decode and validate at most
// -doc-max (1.0) times json.Unmarshal.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"time"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/benchmarks"
	"github.com/connectkit/createuser/user"
)

// Sinks keep the results of the timed calls alive.
var (
	sinkList  cuerrors.List
	sinkV     []benchmarks.Violation
	sinkInput *user.CreateUserInput
)

const cm = identity.ConnectManaged

func main() {
	rounds := flag.Int("rounds", 31, "alternating rounds per measure (at least 3)")
	batch := flag.Duration("batch", 40*time.Millisecond, "time of one batch of one side")
	fullMax := flag.Float64("full-max", 1.3, "goal of measure 1: the full valid request, times the hand-written pass")
	tenMax := flag.Float64("ten-max", 3, "goal of measure 2: ten violations, times the hand-written pass with a new result")
	docMax := flag.Float64("doc-max", 1.0, "goal of measure 3: decode and validate, times json.Unmarshal")
	flag.Parse()
	if *rounds < 3 || *rounds > 1000 || *batch <= 0 || *batch > 10*time.Second {
		fmt.Fprintln(os.Stderr, "sidebyside: -rounds must be 3 to 1000, -batch above 0 and at most 10s")
		os.Exit(2)
	}
	in := newInputs()
	if bad := in.check(); len(bad) > 0 {
		for _, b := range bad {
			fmt.Println("input check failed:", b)
		}
		fmt.Println("sidebyside: the inputs are not what the measures assume (see above); nothing measured")
		os.Exit(2)
	}
	loadStart := loadavg()
	fmt.Printf("setup: %s %s/%s, GOMAXPROCS %d; validator under CONNECT_MANAGED; %d rounds, batches of %v %s; load average %s\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.GOMAXPROCS(0), *rounds, *batch, cpuClock, loadStart)

	v, v10 := in.v, benchmarks.NewV10()
	validate := func(r *user.CreateUserInput) op {
		return func(n int) {
			for range n {
				sinkList = v.Validate(r)
			}
		}
	}
	handReuse := func(r *user.CreateUserInput) op {
		out := make([]benchmarks.Violation, 0, 32)
		return func(n int) {
			for range n {
				out = benchmarks.AppendHandwritten(out[:0], cm, r)
			}
			sinkV = out
		}
	}
	handFresh := func(r *user.CreateUserInput) op {
		return func(n int) {
			for range n {
				sinkV = benchmarks.Handwritten(cm, r)
			}
		}
	}
	validateDocument := func(data []byte) op {
		return func(n int) {
			for range n {
				sinkInput, sinkList = v.ValidateDocument(data)
			}
		}
	}
	unmarshal := func(data []byte) op {
		return func(n int) {
			for range n {
				r := new(user.CreateUserInput)
				if err := json.Unmarshal(data, r); err != nil {
					panic(err)
				}
				sinkInput = r
			}
		}
	}
	mirror := benchmarks.ToV10(in.full)
	v10Validate := func(n int) {
		for range n {
			sinkV = v10.Validate(mirror)
		}
	}

	// 1. The full valid request.
	g1 := compare(*rounds, *batch, validate(in.full), handReuse(in.full), validate(in.full50), handReuse(in.full50))
	r1, r1tags := g1.ratio(0, 1), g1.ratio(2, 3)
	a1 := allocs(validate(in.full))
	ok1 := r1.median <= *fullMax && a1.allocs == 0
	fmt.Printf("1 full valid request (5 lists, 5 tags): Validator.Validate %s, %s; hand-written pass reusing its result %s; ratio %.2f× (%s); goal ≤ %g× and 0 allocs: %s [information: with 50 tags %s vs %s, %.2f×]\n",
		dur(g1.ns(0)), a1, dur(g1.ns(1)), r1.median, r1.spread(), *fullMax, verdict(ok1), dur(g1.ns(2)), dur(g1.ns(3)), r1tags.median)

	// 2. Ten violations.
	g2 := compare(*rounds, *batch, validate(in.ten), handFresh(in.ten), handReuse(in.ten))
	r2, r2reuse := g2.ratio(0, 1), g2.ratio(0, 2)
	a2, a2fresh, a2reuse := allocs(validate(in.ten)), allocs(handFresh(in.ten)), allocs(handReuse(in.ten))
	ok2 := r2.median <= *tenMax && a2.allocs <= 11
	fmt.Printf("2 ten violations (10 on each side): Validator.Validate %s, %s; hand-written pass with a new result %s, %s; ratio %.2f× (%s); goal ≤ %g× and ≤ 11 allocs: %s [information: the pass reusing its result %s, %s: %.2f×]\n",
		dur(g2.ns(0)), a2, dur(g2.ns(1)), a2fresh, r2.median, r2.spread(), *tenMax, verdict(ok2), dur(g2.ns(2)), a2reuse, r2reuse.median)

	// 3. Decode and validate the full request's document.
	g3 := compare(*rounds, *batch, validateDocument(in.doc), unmarshal(in.doc), validateDocument(in.indented), unmarshal(in.indented))
	r3, r3ind := g3.ratio(0, 1), g3.ratio(2, 3)
	a3, a3json := allocs(validateDocument(in.doc)), allocs(unmarshal(in.doc))
	ok3 := r3.median <= *docMax
	fmt.Printf("3 decode+validate the full request's document (%d B, compact): ValidateDocument %s, %s; json.Unmarshal into user.CreateUserInput %s, %s; ratio %.2f× (%s); goal ≤ %g×: %s [information: indented, %d B: %s vs %s, %.2f×]\n",
		len(in.doc), dur(g3.ns(0)), a3, dur(g3.ns(1)), a3json, r3.median, r3.spread(), *docMax, verdict(ok3), len(in.indented), dur(g3.ns(2)), dur(g3.ns(3)), r3ind.median)

	// 4. validator/v10 with struct tags, the same rules.
	g4 := compare(*rounds, *batch, v10Validate, validate(in.full))
	r4 := g4.ratio(0, 1)
	fmt.Printf("4 validator/v10 (struct tags and a struct-level function for the same rules) on the full request: %s, %s; Validator.Validate %s; the library is %.0f× faster (%s) (information)\n",
		dur(g4.ns(0)), allocs(v10Validate), dur(g4.ns(1)), r4.median, r4.spread())

	runtime.KeepAlive(sinkList) // the sinks are read, so that the timed calls are kept
	runtime.KeepAlive(sinkV)
	runtime.KeepAlive(sinkInput)
	fmt.Printf("load average: %s at the start, %s at the end\n", loadStart, loadavg())
	summary := fmt.Sprintf("sidebyside: full %.2f× hand-written (%.0f allocs), 10-violations %.2f× (%.0f allocs), decode+validate %.2f× json.Unmarshal, %.0f× faster than validator/v10",
		r1.median, a1.allocs, r2.median, a2.allocs, r3.median, r4.median)
	var missed []string
	for _, m := range []struct {
		ok   bool
		name string
	}{{ok1, "full"}, {ok2, "10-violations"}, {ok3, "decode+validate"}} {
		if !m.ok {
			missed = append(missed, m.name)
		}
	}
	if len(missed) > 0 {
		fmt.Printf("%s; goal MISSED: %s\n", summary, strings.Join(missed, ", "))
		os.Exit(1)
	}
	fmt.Printf("%s; every goal met\n", summary)
}

// inputs are the requests and documents of the measures.
type inputs struct {
	v                 *user.Validator
	full, full50, ten *user.CreateUserInput
	doc, indented     []byte
}

func newInputs() inputs {
	in := inputs{v: user.NewValidator(user.WithIdentityManagement(cm)), full: fullValid(), full50: fullValid50(), ten: tenViolations()}
	in.doc, _ = json.Marshal(in.full)
	in.indented, _ = json.MarshalIndent(in.full, "", "  ")
	return in
}

// check returns what is not as the measures assume: the library and the
// hand-written pass find nothing in the full requests and the same ten
// (field, code) pairs in the other, validator/v10 nothing in the full
// request, and both readers give the full request back from its document.
func (in inputs) check() []string {
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	for _, c := range []struct {
		name string
		r    *user.CreateUserInput
		want int
	}{{"full request", in.full, 0}, {"full request with 50 tags", in.full50, 0}, {"ten-violation request", in.ten, 10}} {
		lib, hand := pairs(in.v.Validate(c.r)), benchmarks.Handwritten(cm, c.r)
		if len(lib) != c.want || !reflect.DeepEqual(lib, hand) && len(hand)+len(lib) > 0 {
			fail("%s: the library reports %v, the hand-written pass %v; want %d, the same on each side", c.name, lib, hand, c.want)
		}
	}
	if got := benchmarks.NewV10().Validate(benchmarks.ToV10(in.full)); len(got) != 0 {
		fail("full request: validator/v10 reports %v", got)
	}
	var back user.CreateUserInput
	if err := json.Unmarshal(in.doc, &back); err != nil || !reflect.DeepEqual(&back, in.full) {
		fail("json.Unmarshal of the document does not give the request back (%v)", err)
	}
	for _, d := range [][]byte{in.doc, in.indented} {
		got, list := in.v.ValidateDocument(d)
		if len(list) != 0 || !reflect.DeepEqual(got, in.full) {
			fail("ValidateDocument of the %d-byte document: %v, the request back: %v", len(d), pairs(list), reflect.DeepEqual(got, in.full))
		}
	}
	return bad
}

// pairs is a list as the hand-written pass reports it.
func pairs(l cuerrors.List) []benchmarks.Violation {
	var out []benchmarks.Violation
	for i := range l {
		out = append(out, benchmarks.Violation{Field: l[i].Field.String(), Code: string(l[i].Code)})
	}
	return out
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}
