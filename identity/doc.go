// Package identity holds what a CreateUser request knows about who the user
// is: the instance's identity management type ([Type]), which changes the
// rules; the user's personal data ([Info]); and [Secret], the string type
// for passwords and personal data that prints a placeholder everywhere but
// in the request's own wire encoding.
package identity
