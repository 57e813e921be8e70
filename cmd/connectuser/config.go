package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/report"
)

// configName is the name of the config file of validate, looked for in the
// current directory and then in each parent.
const configName = ".connectuser.yaml"

// config is what a config file sets; a field is nil or empty when the
// file leaves it out.
type config struct {
	path     string // the file read; "" when there is none
	identity *identity.Type
	ignore   []string
	ignoreOK bool // the file has an ignore key (possibly empty)
	failOn   string
	format   string
}

// configKeys are the keys a config file may hold.
var configKeys = []string{"identity-management", "ignore", "fail-on", "format"}

// findConfig returns the path of the config file in dir or its nearest
// parent that has one, or "" when none has.
func findConfig(dir string) (string, error) {
	for {
		p := filepath.Join(dir, configName)
		info, err := os.Stat(p)
		switch {
		case err == nil && !info.IsDir():
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig finds and reads the config file for the current directory.
// A file that cannot be read or holds an unknown key or value is an error
// that names the file and the line.
func loadConfig() (config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return config{}, err
	}
	path, err := findConfig(wd)
	if err != nil || path == "" {
		return config{}, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return config{}, err
	}
	return parseConfig(path, data)
}

// configError is a problem at a line of a config file.
func configError(path string, n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", path, n.Line, fmt.Sprintf(format, args...))
}

// parseConfig reads the config file at path, holding data: a YAML mapping
// with the keys of configKeys. An empty file sets nothing.
func parseConfig(path string, data []byte) (config, error) {
	c := config{path: path}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return config{}, fmt.Errorf("%s: %v", path, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return config{}, configError(path, root, "expected a mapping of %s", orList(configKeys))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || !slices.Contains(configKeys, k.Value) {
			return config{}, configError(path, k, "unknown key %q (the keys are %s)", k.Value, orList(configKeys))
		}
		if seen[k.Value] {
			return config{}, configError(path, k, "key %q given twice", k.Value)
		}
		seen[k.Value] = true
		switch k.Value {
		case "identity-management":
			var f identityFlag
			if err := configValue(path, k.Value, v, &f); err != nil {
				return config{}, err
			}
			c.identity = &f.t
		case "fail-on":
			f := choice{allowed: []string{"error", "warning"}}
			if err := configValue(path, k.Value, v, &f); err != nil {
				return config{}, err
			}
			c.failOn = f.value
		case "format":
			f := choice{allowed: formats}
			if err := configValue(path, k.Value, v, &f); err != nil {
				return config{}, err
			}
			c.format = f.value
		case "ignore":
			items := []*yaml.Node{v}
			switch {
			case v.Kind == yaml.SequenceNode:
				items = v.Content
			case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
				items = nil
			}
			for _, item := range items {
				if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
					return config{}, configError(path, item, "ignore: expected a rule id or pattern, or a list of them")
				}
				if _, err := report.NewIgnore(item.Value); err != nil {
					return config{}, configError(path, item, "%v", err)
				}
				c.ignore = append(c.ignore, item.Value)
			}
			c.ignoreOK = true
		}
	}
	return c, nil
}

// configValue sets f, the flag.Value of the flag named key, from the
// scalar v: a value of the file is read exactly as the flag reads it.
func configValue(path, key string, v *yaml.Node, f flag.Value) error {
	if v.Kind != yaml.ScalarNode {
		return configError(path, v, "%s: expected a single value", key)
	}
	if err := f.Set(v.Value); err != nil {
		return configError(path, v, "%s: %v", key, err)
	}
	return nil
}
