// Package createuser builds and validates the CreateUser request of Connect
// Customer (formerly Amazon Connect; API id connect, version 2017-08-08)
// before it leaves the process, and creates users from it: checked against
// the instance, in bulk, each exactly once.
//
// The AWS SDK checks only that required members are present; the service
// rejects everything else one error at a time, after a network round trip.
// This module catches every problem at once and reports each one as data: a
// wire path ("AutoAcceptConfigs[1].Channel"), a stable code ("conflict"), a
// severity, the catalog rule it breaks, and a sentence for people — never a
// password, a name, an email address of IdentityInfo or a phone number.
// The Username is echoed (a person needs it to find the user) unless
// user.WithRedactedUsernames is given, since it is often an email address.
//
// # Packages
//
// From the leaf up:
//
//   - errors: paths, codes, severities, violations, and the violation list,
//     which is an error that errors.Is and errors.As see through.
//   - identity: the instance's identity management type, the user's
//     personal data, and Secret, a string that never prints.
//   - channel: channels, phone types, voice enhancement modes and the five
//     channel-specific configuration lists.
//   - user: the request (CreateUserInput), a fluent Builder, the strict
//     reader of request documents, the rule catalog (user.Rules) and the
//     engine (user.Validator) that checks all of it in one pass; and the
//     same for the operations that change a user after it is created
//     (UpdateUserPhoneConfigInput and the others, user.Operations,
//     Validator.ValidateRequest), each member with its CreateUser rules.
//   - user/validatortags: the same field rules as tags for
//     github.com/go-playground/validator/v10.
//   - report: the violations of request documents as SARIF 2.1.0, JUnit XML
//     and GitHub Actions workflow commands, and what fails a run.
//   - awsconnect: conversion to and from aws-sdk-go-v2's
//     connect.CreateUserInput, a pre-flight option for its client, the
//     instance checks (the profiles, hierarchy groups and usernames the
//     instance holds) and the resolver of names to ids.
//   - connecttest: a local Connect Customer user-management service for
//     tests and demos, on a loopback port, that the AWS SDKs, the AWS CLI
//     and boto3 use unchanged.
//   - onboard: users in bulk, each exactly once: the admin website's
//     bulk-upload CSV template read into requests (names resolved to ids),
//     and an applier that checks them all, then creates them at the
//     service's rate with a journal that resumes a stopped run.
//   - cmd/connectuser: the command line (below).
//
// The packages under internal/ serve these (the hand-written pattern
// checks, the did-you-mean distance, the comparators of the benchmarks);
// examples/ holds runnable programs, one per entry point.
//
// # The command
//
// connectuser (go install github.com/connectkit/createuser/cmd/connectuser@latest):
//
//	connectuser validate [flags] PATH...   check request documents, JSON Lines files, directories or -; --instance-id also against the instance
//	connectuser rules [--format text|json] print the rule catalog
//	connectuser skeleton                   print a request document template
//	connectuser schema                     print a JSON Schema of the request document, for editors
//	connectuser serve [flags]              run the local Connect service of package connecttest
//	connectuser import [flags] FILE.csv... turn the admin website's bulk-upload CSV into request documents
//	connectuser export --instance-id ID    write the instance's users as the CSV template or request documents
//	connectuser plan [flags] PATH...       say what apply would change to make the instance match a file
//	connectuser apply [flags] PATH...      make the instance match a file (create, update, delete), resumably
//
// # A minimal program
//
//	violations := user.Validate(in, user.WithIdentityManagement(identity.ConnectManaged))
//	for _, v := range violations {
//		fmt.Println(v.Field, v.Code, v.Severity)
//	}
//	if err := violations.Err(); err != nil { // the errors only, no warnings
//		return err // errors.Is(err, cuerrors.CodeConflict) works
//	}
package createuser
