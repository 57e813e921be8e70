package awsconnect

// NewProperties gives the external tests (package awsconnect_test, which
// may import connecttest) the seeded, bounded gopter properties of this
// package.
var NewProperties = newProperties
