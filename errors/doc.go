// Package errors holds the vocabulary in which the createuser library
// reports problems: wire paths ([Path]), stable codes ([Code]), severities
// ([Severity]), the violation itself ([Violation]) and the list of them
// ([List]), which is an error that [errors.Is] and [errors.As] see through.
//
// The package is a leaf: it imports nothing else of this module, so any
// program that only consumes reports (a dashboard, a CI step) can depend on
// it alone. Import it under another name, since it shares its name with the
// standard library's errors package:
//
//	import cuerrors "github.com/connectkit/createuser/errors"
package errors
