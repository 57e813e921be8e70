package main

import (
	"errors"
	"flag"
	"regexp"
	"strings"
)

// The messages of the flag package, which spell a flag with one dash.
var (
	flagUndefinedRE = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	flagValueRE     = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-+([^:]+): (.*)$`)
	flagArgumentRE  = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	flagSyntaxRE    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
)

// flagError rewrites an error of fs.Parse the way the help spells flags,
// with two dashes, and suggests the nearest flag for an unknown one:
// "unknown flag --colour; did you mean --format?" rather than "flag
// provided but not defined: -colour". flag.ErrHelp and nil pass through.
func flagError(fs *flag.FlagSet, err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := err.Error()
	if m := flagUndefinedRE.FindStringSubmatch(msg); m != nil {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, "--"+f.Name) })
		return errors.New("unknown flag --" + m[1] + didYouMean("--"+m[1], names))
	}
	if m := flagValueRE.FindStringSubmatch(msg); m != nil {
		why := m[3]
		if why == "parse error" || strings.HasPrefix(why, "strconv.") {
			why = "not a valid value"
			if f := fs.Lookup(m[2]); f != nil {
				if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); isBool {
					why = "must be true or false"
				} else if g, ok := f.Value.(flag.Getter); ok {
					if _, isInt := g.Get().(int); isInt {
						why = "must be a whole number"
					}
				}
			}
		}
		return errors.New("invalid value " + m[1] + " for --" + m[2] + ": " + why)
	}
	if m := flagArgumentRE.FindStringSubmatch(msg); m != nil {
		return errors.New("--" + m[1] + " needs a value")
	}
	if m := flagSyntaxRE.FindStringSubmatch(msg); m != nil {
		return errors.New("bad flag syntax: " + m[1] + " (flags are written --name or --name=value)")
	}
	return err
}
