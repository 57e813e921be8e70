package user

import cuerrors "github.com/connectkit/createuser/errors"

// check runs the whole catalog over in, appending to out. TODO.
func (v *Validator) check(in *CreateUserInput, skip []cuerrors.Path, out cuerrors.List) cuerrors.List {
	return out
}
