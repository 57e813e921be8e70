package main

import (
	"flag"
	"strings"

	"github.com/connectkit/createuser/report"
)

// formats are the values of validate --format.
var formats = []string{"text", "json", "sarif", "junit", "github"}

// stringList is a repeatable flag: each use appends its value.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// applyConfig completes opts, parsed from the flags of fs, with the config
// file of the current directory: a value that the file sets applies when
// its flag was not given. ignore holds the --ignore flags; they replace
// the file's list.
func applyConfig(opts *validateOptions, fs *flag.FlagSet, ignore []string) error {
	c, err := loadConfig()
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if c.identity != nil && !set["identity-management"] {
		opts.identity = *c.identity
	}
	if c.format != "" && !set["format"] {
		opts.format = c.format
	}
	if c.failOn != "" && !set["fail-on"] && !set["strict"] {
		opts.strict = c.failOn == "warning"
	}
	patterns := c.ignore
	if set["ignore"] {
		patterns = ignore
	}
	opts.ignore, err = report.NewIgnore(patterns...)
	return err
}
