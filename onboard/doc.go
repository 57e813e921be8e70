// Package onboard creates Connect Customer users in bulk, each exactly
// once: the library behind `connectuser import` and `connectuser apply`,
// for Go services that onboard agents themselves.
//
// An Importer reads the admin website's bulk-upload CSV template (the 16
// columns, or the older 13) into requests, turning profile and hierarchy
// names into ids with a Names: a NamesTable read from a file, or
// InstanceNames, which is package awsconnect's name resolver over the
// instance. Every problem names the row (the line on which its record
// starts), the column's header, the code and the rule; a row with an
// error yields no request.
//
// An Applier then checks every request before it creates anything
// (Check: the rule catalog under the instance's identity management type,
// the instance's profiles and groups, duplicates across the input, the
// users the instance and the journal already know) and creates the users
// (Apply) through an API, which *connect.Client of aws-sdk-go-v2
// satisfies:
//
//	journal, err := onboard.OpenJournal("journal.jsonl")
//	...
//	a := onboard.New(client, onboard.WithJournal(journal))
//	plan, err := a.Check(ctx, requests)   // the dry run
//	if !plan.Valid() { ... }               // Apply would create nothing
//	summary, err := a.Apply(ctx, plan)
//
// Apply paces CreateUser with a token bucket (golang.org/x/time/rate; by
// default the service's quota, 2 a second with a burst of 5) whose rate
// falls by a fifth on throttling and climbs back (AIMD); each update
// operation and DeleteUser has a bucket of its own, as the service's
// quotas are per operation. The first throttling answer since a bucket
// was full does not cut its rate: the service's bucket starts refilling
// when the first request arrives, a little after the client's, so the
// call is retried with the next token, which leaves the service that
// margin. Every look-up
// (the instance, its profiles and groups, the users it has, settling an
// uncertain attempt) goes through package awsconnect's paced reader
// (awsconnect.Reader), with its own buckets per operation; WithReader
// shares one with the rest of a program. It retries throttling, 5xx and network failures
// with exponential backoff and full jitter, capped at 20 s, at most
// WithMaxAttempts times per user.
//
// Exactly once: every attempt is written to the Journal and flushed to
// disk before the request is sent, every outcome before it is reported.
// After an attempt that got no answer (a reset connection, a timeout, a
// 5xx), a DuplicateResourceException on the retry means the first attempt
// created the user: SearchUsers (exact Username) finds it and it is
// recorded as created. A run with the same journal skips what is done,
// retries what failed, and settles what a killed run left uncertain: a
// user the instance has is created when the journal has an attempt for it,
// exists when not. Cancelling Apply's context starts nothing new and lets
// the requests in flight finish.
//
// One run at a time uses a journal: OpenJournal locks it (an exclusive
// file lock on a file beside it, which names the holding process) until
// Close, and a second OpenJournal, in this process or another, gets a
// *JournalLockedError naming the holder. Each attempt, created and exists
// record carries a digest of the request (Journal.Digest, keyed per
// journal, without the password): a user done for a request that differs
// from the one given now is not done but ActionChanged, reported and left
// as it is.
//
// # Users as files
//
// The same Applier makes an instance match a file of users, for
// `connectuser export`, `plan` and `apply`. Export reads every user
// (SearchUsers pages, then DescribeUser each) for WriteDocuments or
// WriteTemplate. Plan compares the users a file asks for (request
// documents, or the CSV template through Importer.Desired; keyed by
// Username) with the instance, in three steps kept in files of their own:
// the diff of one user (Diff, diff.go: the members the file gives,
// compared with go-cmp, grouped into the update operations that change
// them), the plan (Applier.Plan, plan.go: create, update, unchanged, and
// with WithPrune delete for users tagged managed-by=connectuser that the
// file does not name), and the apply (Applier.Apply, converge.go: creates,
// then updates, then deletes, at most WithMaxDeletes):
//
//	a := onboard.New(client, onboard.WithInstanceID(id), onboard.WithJournal(journal))
//	plan, err := a.Plan(ctx, desired)
//	plan.WriteText(os.Stdout, false)   // + ~ - and a count line
//	summary, err := a.Apply(ctx, plan)  // then a.Plan again: no change
//
// A member the file leaves out is not managed; one it gives is managed
// whole (Tags: exactly those, besides managed-by). Every call is checked
// with the rule catalog first, paced by a token bucket of its operation,
// retried with backoff, and announced in the journal (with the
// operation's name) before it is sent. A plan saved with WriteJSON is read
// back with ReadPlan, and CheckPlan refuses it once a user it changes was
// modified since.
//
// The journal and every report hold usernames and identifiers, never a
// password or personal data. A saved plan holds the file's requests,
// passwords included, as the file does.
package onboard
