package plugin

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// spec is what the drift check needs of a committed AsyncAPI document.
type spec struct {
	name string // as the settings name it, for messages
	ops  []specOp
}

// specOp is one operation of the document.
type specOp struct {
	id      string
	action  string
	address string // the channel's address; "" when null
	known   bool
	msgs    []specMsg
	// sources are the x-go-source positions, made absolute.
	sources []specSource
}

// specMsg is a message of an operation, with its payload's schema when
// it is a component of a Go type.
type specMsg struct {
	goType   string // x-go-type of the payload's component
	props    map[string]bool
	required []string
}

type specSource struct {
	file string
	line int
}

var specs sync.Map // absolute path -> *specEntry

type specEntry struct {
	once sync.Once
	spec *spec
	err  error
}

// loadSpec reads and indexes a document once per process, whatever the
// number of packages checked against it.
func loadSpec(path string) (*spec, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	e, _ := specs.LoadOrStore(abs, &specEntry{})
	entry := e.(*specEntry)
	entry.once.Do(func() { entry.spec, entry.err = parseSpec(abs, path) })
	return entry.spec, entry.err
}

func parseSpec(abs, name string) (*spec, error) {
	data, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	s := &spec{name: name}
	channels, _ := doc["channels"].(map[string]any)
	schemas := mapAt(doc, "components", "schemas")
	dir := filepath.Dir(abs)
	ops, _ := doc["operations"].(map[string]any)
	for _, id := range slices.Sorted(maps.Keys(ops)) {
		op, _ := ops[id].(map[string]any)
		so := specOp{id: id}
		so.action, _ = op["action"].(string)
		chID := refName(op["channel"], "#/channels/")
		ch, _ := channels[chID].(map[string]any)
		so.address, so.known = ch["address"].(string)
		if !so.known {
			// An address AsyncAPI cannot hold ("orders#eu") is null,
			// with the real one in x-address.
			so.address, so.known = ch["x-address"].(string)
		}
		msgs, _ := ch["messages"].(map[string]any)
		refs, _ := op["messages"].([]any)
		for _, r := range refs {
			key := refName(r, "#/channels/"+chID+"/messages/")
			msg, _ := msgs[key].(map[string]any)
			so.msgs = append(so.msgs, messageOf(msg, schemas))
		}
		srcs, _ := op["x-go-source"].([]any)
		for _, src := range srcs {
			str, _ := src.(string)
			i := strings.LastIndexByte(str, ':')
			if i < 0 {
				continue
			}
			line, err := strconv.Atoi(str[i+1:])
			if err != nil {
				continue
			}
			so.sources = append(so.sources, specSource{file: filepath.Join(dir, filepath.FromSlash(str[:i])), line: line})
		}
		s.ops = append(s.ops, so)
	}
	return s, nil
}

func messageOf(msg map[string]any, schemas map[string]any) specMsg {
	var m specMsg
	payload, _ := msg["payload"].(map[string]any)
	name := refName(payload, "#/components/schemas/")
	comp, _ := schemas[name].(map[string]any)
	if comp == nil {
		return m
	}
	m.goType, _ = comp["x-go-type"].(string)
	m.props = make(map[string]bool)
	props, _ := comp["properties"].(map[string]any)
	for p := range props {
		m.props[p] = true
	}
	req, _ := comp["required"].([]any)
	for _, r := range req {
		if s, ok := r.(string); ok {
			m.required = append(m.required, s)
		}
	}
	return m
}

func refName(v any, prefix string) string {
	m, _ := v.(map[string]any)
	ref, _ := m["$ref"].(string)
	return strings.TrimPrefix(ref, prefix)
}

func mapAt(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		m, _ = m[k].(map[string]any)
	}
	return m
}
