package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// newFlagSet returns a FlagSet for command name that reports nothing by
// itself: the commands print their own help and errors.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("connectuser "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseInterspersed parses args with fs, letting flags and positional
// arguments come in any order: the standard library's flag package stops
// at the first positional argument, so parsing resumes after each one.
// "--" ends the flags: everything after it is positional, even a word
// that starts with "-". A lone "-" is positional (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs, err)
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			// Every flag that takes a value rejects "--", so a "--" just
			// before the rest can only be the terminator.
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// choice is a flag.Value that accepts one of a fixed set of words.
type choice struct {
	value   string
	allowed []string
}

func (c *choice) String() string { return c.value }

func (c *choice) Set(s string) error {
	for _, a := range c.allowed {
		if s == a {
			c.value = s
			return nil
		}
	}
	return fmt.Errorf("must be %s", orList(c.allowed))
}

// orList returns "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// byteSize is a flag.Value holding a number of bytes, written as an
// integer with an optional binary suffix: 1048576, 1024KiB, 1MiB, 1GiB
// (K, M and G are read as KiB, MiB and GiB).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	n, err := parseByteSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

// maxByteSize bounds --max-document-size: a line buffer must stay an int
// on every platform, and no document is a gigabyte.
const maxByteSize = 1 << 30

var errByteSize = errors.New("must be a number of bytes from 1 to 1GiB, like 1048576, 512KiB or 1MiB")

func parseByteSize(s string) (int64, error) {
	num, mult := s, int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}} {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 1 || n > maxByteSize/mult {
		return 0, errByteSize
	}
	return n * mult, nil
}
