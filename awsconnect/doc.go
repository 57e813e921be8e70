// Package awsconnect connects the createuser library to aws-sdk-go-v2
// (github.com/aws/aws-sdk-go-v2/service/connect).
//
// [ToSDK] and [FromSDK] convert between [user.CreateUserInput] and the
// SDK's *connect.CreateUserInput member for member. The SDK cannot express
// every request the service accepts: it omits zero values (it cannot send
// PhoneConfig.AutoAccept=false or an AfterContactWorkTimeLimit of 0), it
// always sends AutoAcceptConfigs[i].AutoAccept, and it holds time limits in
// an int32. ToSDK reports each such loss as a warning violation whose Rule
// begins with "awsconnect.lossy."; [LossyRules] lists them all.
//
// [WithPreflight] plugs the whole rule catalog into a connect.Client, so
// that every CreateUser call is checked before any request leaves the
// process:
//
//	client := connect.NewFromConfig(cfg,
//		awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
//	_, err := client.CreateUser(ctx, in)
//	var list cuerrors.List
//	if errors.As(err, &list) {
//		// every violation, no request sent
//	}
//
// The catalog runs under identity.Unknown first, which needs no call;
// only a request that passes it costs a DescribeInstance (once per
// instance). Look-ups follow the client that runs the call: its endpoint,
// region and credentials, also for a client copied with
// connect.New(c.Options(), ...).
//
// What the catalog cannot know, the instance can. [NewInstanceChecker]
// predicts the service's answer to a request: the instance exists, its
// security profiles, routing profile and hierarchy group exist (by id or
// by an ARN of this instance), the Username is free; violations have the
// code reference (or duplicate for a taken Username) and suggest the
// nearest resource ("Did you mean Agent (ID)?"). [WithInstanceChecks] puts
// the same checks into the pre-flight. Listings are read once per instance
// with every page, shared by concurrent callers and kept for a time
// ([WithCacheTTL]), so checking N requests costs O(pages), not O(N) calls.
// A failed look-up is a [*LookupError] that names the call; it never hides
// the catalog's violations. [NewResolver] turns security profile and
// routing profile names, and hierarchy paths, into ids.
//
// # The paced reader
//
// Every look-up of this library goes through one [Reader] (NewReader(api,
// opts...), api a *connect.Client or any [ReadAPI]): the instance checks,
// the name resolver, the pre-flight's DescribeInstance, and package
// onboard's import and apply. It offers
//
//   - [Reader.Instance]: the instance's identity management type, alias
//     and ARN (DescribeInstance);
//   - [Reader.Listing]: security profiles, routing profiles or hierarchy
//     groups, every page, by id ([Listing.ByID]) and by name
//     ([Listing.ByName]); [Reader.HierarchyPath] and
//     [Reader.HierarchyGroups] give the groups' paths from the top level;
//   - [Reader.User]: whether a username is taken (the user exists), with
//     the user's id: one SearchUsers each for the first usernames of an
//     instance, then one ListUsers listing for all the others;
//     [Reader.SearchUser] asks afresh every time;
//   - [Reader.Users]: every user through SearchUsers pages (500 a page),
//     converted (SearchUsers answers PhoneConfig.AfterContactWorkTimeLimit
//     in milliseconds; [User] holds seconds), and [Reader.DescribeUser].
//
// Each operation has a token bucket at the service's default quota (2 a
// second, a burst of 5) that slows down on throttling and climbs back
// (AIMD); throttling, 5xx and failed connections are retried with
// exponential backoff and jitter, bounded in count and in time, by the
// reader alone (the SDK's retryer is turned off for its calls, so no
// retry is doubled); each request has a timeout (30 s) and the caller's
// context is the deadline of everything. Concurrent callers share every
// listing in flight, and what was read is kept for the cache time. A
// failed call is a [*LookupError] naming it. [NewInstanceChecker] and
// [NewResolver] take a [ReadAPI] too, and share a reader with
// [WithReader].
//
// [CreateUser] does it all in one call for SDK wrappers: convert, check,
// send, and one report of the conversion's losses and the warnings.
package awsconnect
