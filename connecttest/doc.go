// Package connecttest is a local Connect Customer user-management service
// for tests and demos, with no account and no network: a Server on a
// loopback port that speaks the service's own REST-JSON protocol (API
// version 2017-08-08), so that aws-sdk-go-v2 (BaseEndpoint), the AWS CLI
// and boto3 (--endpoint-url, endpoint_url) work against it unchanged.
//
// Like net/http/httptest, a test starts one in a line and closes it:
//
//	srv := connecttest.NewServer()
//	defer srv.Close()
//	demo := srv.AddDemoInstances()
//	client := connect.NewFromConfig(cfg, func(o *connect.Options) {
//		o.BaseEndpoint = aws.String(srv.URL)
//	})
//	// ... call the code under test, then assert on srv.Users(demo[0].Id)
//
// It offers CreateUser, DescribeUser, ListUsers, SearchUsers (a
// StringCondition on Username, alone or in AndConditions and OrConditions),
// the update operations of a user (UpdateUserIdentityInfo,
// UpdateUserPhoneConfig, UpdateUserConfig, UpdateUserRoutingProfile,
// UpdateUserSecurityProfiles, UpdateUserHierarchy), TagResource and
// UntagResource of a user, DeleteUser, DescribeInstance, ListInstances,
// ListSecurityProfiles, ListRoutingProfiles, ListUserHierarchyGroups and
// DescribeUserHierarchyGroup, with the service's paths, members, paging
// (an opaque NextToken, MaxResults within the model's bounds) and error
// shapes (the status of the model's error, the x-amzn-ErrorType header and
// a body {"Message": ...}). Any credentials are accepted, but a request
// must be signed (SigV4).
//
// CreateUser judges a request with the rule catalog of package user under
// the instance's identity management type, and answers with the first of:
// 404 ResourceNotFoundException for an unknown instance; 400
// InvalidParameterException for a catalog error (its body carries every
// violation as "Violations", in the report format); 404
// ResourceNotFoundException for a security profile, routing profile or
// hierarchy group the instance does not have; 409
// DuplicateResourceException for a username the instance has; 429
// LimitExceededException when the instance's user quota is reached.
// The password is checked and dropped: nothing secret is kept.
//
// An update is judged in the order: 404 ResourceNotFoundException for an
// unknown instance, then for a user the instance does not have; 400
// InvalidParameterException for a catalog error (Validator.ValidateRequest
// under the instance's identity type); 404 for a profile or group the
// instance does not have. UpdateUserIdentityInfo and UpdateUserPhoneConfig
// replace the member whole (the phone configuration's after-contact-work
// time limit also goes to every per-channel setting the user has, "the same
// ACW timeouts to all channels" as the service documents);
// UpdateUserConfig replaces the settings of the channels each list names;
// the profiles and the group are replaced (no HierarchyGroupId clears it);
// TagResource merges, to at most 50 tags (else 400); UntagResource ignores
// keys the user does not have; DeleteUser frees the username. An update is
// applied whole, under one lock, so that concurrent updates of a user leave
// one of them, never a mix; every successful write sets LastModifiedTime.
//
// DescribeUser answers with the service's defaults (a PhoneConfig always:
// SOFT_PHONE, AutoAccept false, AfterContactWorkTimeLimit 0,
// DeskPhoneNumber ""; Tags {} when there are none); SearchUsers with the
// names only of IdentityInfo and, as the model documents, every
// AfterContactWorkTimeLimit in milliseconds.
//
// The state (instances with their profiles, hierarchy groups, users and
// quota) is seeded and read back with plain methods (AddInstance, AddUser,
// Instance, Users, User, LastModified, State, Load), so that a test asserts on what the service
// holds rather than on request bytes. WithRate and WithFaults make it
// throttle and fail like a busy service, repeatably with WithSeed.
//
// `connectuser serve` runs the same server as a process.
//
// What it does not emulate: any other operation; SearchUsers' SearchFilter
// and conditions on other fields; signature checking; eventual consistency
// (a created user is listed at once); ListTagsForResource and the tags of
// anything but a user.
package connecttest
