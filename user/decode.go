package user

import cuerrors "github.com/connectkit/createuser/errors"

// decoded is what the document reader hands to the engine.
type decoded struct {
	// input is the request as far as it was read; never nil unless fatal.
	input *CreateUserInput
	// list holds the reading violations, in document order.
	list cuerrors.List
	// skip holds the paths of members that could not be read (wrong JSON
	// type, invalid UTF-8, null list elements): they and everything below
	// them take part in no other rule.
	skip []cuerrors.Path
	// fatal is set after a syntax error: no catalog rule is checked.
	fatal bool
}

// decode reads a request document. TODO: replaced by the streaming reader.
func decode(data []byte) decoded {
	return decoded{input: &CreateUserInput{}}
}
