package emit

import (
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Bindings are written from the protocol tables' BindingField lists and
// the settings the code sets; nothing here knows a protocol.

// bindingObject writes the fields of a binding whose settings are given,
// or nil when no field has a value.
func bindingObject(fields []protocols.BindingField, settings map[protocols.Setting][]string) mapping {
	m := newMapping()
	set := false // whether a field other than a constant has a value
	for _, f := range fields {
		var value *yaml.Node
		vals := allowed(f, settings[f.Setting])
		switch f.Type {
		case protocols.Const:
			value = str(f.Const)
		case protocols.EnumSchema:
			if len(vals) > 0 {
				value = newMapping().set("type", str("string")).set("enum", strSeq(vals)).node()
			}
		case protocols.Integer:
			if len(vals) > 0 {
				value = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: vals[0]}
				if !isInteger(vals[0]) {
					value = nil
				}
			}
		case protocols.Boolean:
			if len(vals) > 0 && (vals[0] == "true" || vals[0] == "false") {
				value = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: vals[0]}
			}
		default:
			if len(vals) > 0 {
				value = str(vals[0])
			}
		}
		if value != nil {
			setDotted(m, f.Name, value)
			set = set || f.Type != protocols.Const
		}
	}
	if !set {
		// Constants alone (amqp's is: queue) describe nothing, and may
		// need the fields that are missing.
		return newMapping()
	}
	return m
}

// allowed keeps the values a field's Enum allows.
func allowed(f protocols.BindingField, vals []string) []string {
	if len(f.Enum) == 0 {
		return vals
	}
	var out []string
	for _, v := range vals {
		for _, e := range f.Enum {
			if v == e {
				out = append(out, v)
				break
			}
		}
	}
	return out
}

// setDotted sets a field of a nested object: "exchange.name".
func setDotted(m mapping, name string, value *yaml.Node) {
	head, rest, nested := strings.Cut(name, ".")
	if !nested {
		m.set(head, value)
		return
	}
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		if m.n.Content[i].Value == head {
			setDotted(mapping{m.n.Content[i+1]}, rest, value)
			return
		}
	}
	inner := newMapping()
	setDotted(inner, rest, value)
	m.set(head, inner.node())
}

// isInteger reports whether s is an integer as JSON and YAML write it
// ("-", "007" and "+1" are not, nor what does not fit an int64).
func isInteger(s string) bool {
	i, err := strconv.ParseInt(s, 10, 64)
	return err == nil && strconv.FormatInt(i, 10) == s
}

// wrapBinding puts a binding object under the protocol's key, with its
// version, or returns nil for an empty one.
func wrapBinding(proto *protocols.Protocol, m mapping) *yaml.Node {
	if m.empty() || proto.BindingVersion == "" {
		return nil
	}
	m.set("bindingVersion", str(proto.BindingVersion))
	return newMapping().set(proto.Binding(), m.node()).node()
}

// channelSettings merges the settings of the operations on a channel with
// those of the declarations of the entities they name.
func (b *builder) channelSettings(ch *channel) map[protocols.Setting][]string {
	out := make(map[protocols.Setting][]string)
	for s, vals := range ch.settings {
		out[s] = sortedKeys(vals)
	}
	if ch.key.known && len(ch.params) == 0 && ch.proto.ChannelAddressField != "" {
		out[addressSetting] = []string{ch.key.address}
	}
	for _, d := range b.in.Declarations {
		if d.Library.Protocol != ch.proto {
			continue
		}
		if !declares(d, out) {
			continue
		}
		for s, vals := range d.Settings {
			if _, set := out[s]; !set {
				out[s] = vals
			}
		}
	}
	return out
}

// addressSetting stands for the channel's constant address in a
// protocol's ChannelAddressField.
const addressSetting protocols.Setting = "address"

// declares reports whether a declaration is of an entity the settings
// name: an exchange declaration of the channel's exchange, say.
func declares(d analyzer.Declaration, settings map[protocols.Setting][]string) bool {
	for _, n := range settings[protocols.Setting(d.Kind)] {
		for _, dn := range d.Names {
			if n == dn {
				return true
			}
		}
	}
	return false
}

// channelBindings writes a channel's bindings.
func (b *builder) channelBindings(ch *channel) *yaml.Node {
	settings := b.channelSettings(ch)
	fields := ch.proto.ChannelBinding[ch.kind]
	if ch.proto.ChannelAddressField != "" {
		fields = append([]protocols.BindingField{{Name: ch.proto.ChannelAddressField, Setting: addressSetting}}, fields...)
	}
	return wrapBinding(ch.proto, bindingObject(fields, settings))
}

// channelDeclarations lists, as an x- field, the declarations of kind
// "binding" for the channel's queue: AMQP's QueueBind(queue, key,
// exchange), which AsyncAPI's queue binding has no field for.
func (b *builder) channelDeclarations(ch *channel) *yaml.Node {
	settings := b.channelSettings(ch)
	var items []*yaml.Node
	var keys []string
	for _, d := range b.in.Declarations {
		if d.Library.Protocol != ch.proto || d.Kind != "binding" {
			continue
		}
		match := false
		for _, q := range settings["queue"] {
			for _, n := range d.Names {
				if q == n {
					match = true
				}
			}
		}
		if !match {
			continue
		}
		names := make([]string, 0, len(d.Settings))
		for s := range d.Settings {
			names = append(names, string(s))
		}
		sort.Strings(names)
		m := newMapping()
		key := ""
		for _, n := range names {
			m.set(n, str(strings.Join(d.Settings[protocols.Setting(n)], ",")))
			key += n + "=" + strings.Join(d.Settings[protocols.Setting(n)], ",") + ";"
		}
		keys = append(keys, key)
		items = append(items, m.node())
	}
	if len(items) == 0 {
		return nil
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return keys[idx[i]] < keys[idx[j]] })
	out := seq()
	seen := make(map[string]bool)
	for _, i := range idx {
		if seen[keys[i]] {
			continue
		}
		seen[keys[i]] = true
		out.Content = append(out.Content, items[i])
	}
	return out
}

// operationBindings writes an operation's bindings.
func operationBindings(o *operation) *yaml.Node {
	return wrapBinding(o.proto, bindingObject(o.proto.OperationBinding, o.settings))
}

// operationExtensions writes the x- fields the table gives an operation.
func operationExtensions(m mapping, o *operation) {
	names := sortedKeys(o.extensions)
	for _, n := range names {
		k, v, _ := strings.Cut(n, "=")
		m.set(k, str(v))
	}
}
