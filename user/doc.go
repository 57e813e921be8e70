// Package user is the CreateUser request of Connect Customer and
// everything that checks it: the request type ([CreateUserInput], with the
// service's wire names and presence rules), a fluent [Builder], the strict
// reader of request documents ([ValidateDocument], [Decode]: the JSON that
// `aws connect create-user --cli-input-json` reads, with each problem's
// line and column), the rule catalog ([Rules]) and the engine
// ([Validator]) that checks a whole request in one pass and reports every
// violation at once.
//
// Violations are those of package errors: a wire path, a stable code, a
// severity, the catalog rule and a sentence, never a password, a name, an
// email address of IdentityInfo or a phone number. Some rules depend on the
// instance's identity management type ([WithIdentityManagement]); under
// the unknown type a rule reports only where every type would.
//
// A [Batch] finds what only a run of documents shows (the same Username
// twice in one instance); [JSONSchema] is a JSON Schema of the document
// for editors. A valid request is checked without allocating.
package user
