// Package createuser builds and validates the CreateUser request of Connect
// Customer (formerly Amazon Connect; API id connect, version 2017-08-08)
// before it leaves the process.
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
// The packages, from the leaf up:
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
//   - awsconnect: conversion to and from aws-sdk-go-v2's
//     connect.CreateUserInput, and a pre-flight option for its client.
//   - cmd/connectuser: the command line for files and streams of request
//     documents.
//
// A minimal program:
//
//	violations := user.Validate(in, user.WithIdentityManagement(identity.ConnectManaged))
//	for _, v := range violations {
//		fmt.Println(v.Field, v.Code, v.Severity)
//	}
//	if err := violations.Err(); err != nil { // the errors only, no warnings
//		return err // errors.Is(err, cuerrors.CodeConflict) works
//	}
package createuser
