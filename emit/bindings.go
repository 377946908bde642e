package emit

import (
	"slices"
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
	if v := m.get(head); v != nil {
		setDotted(mapping{v}, rest, value)
		return
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
		// A declaration of an entity the settings name: of the
		// channel's exchange, say.
		if d.Library.Protocol != ch.proto || !declaresOneOf(d, out[protocols.Setting(d.Kind)]) {
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

// declaresOneOf reports whether d declares an entity of one of names.
func declaresOneOf(d analyzer.Declaration, names []string) bool {
	for _, n := range names {
		if slices.Contains(d.Names, n) {
			return true
		}
	}
	return false
}

// channelBindings writes a channel's bindings, of its channelSettings.
func channelBindings(ch *channel, settings map[protocols.Setting][]string) *yaml.Node {
	fields := ch.proto.ChannelBinding[ch.kind]
	if ch.proto.ChannelAddressField != "" {
		fields = append([]protocols.BindingField{{Name: ch.proto.ChannelAddressField, Setting: addressSetting}}, fields...)
	}
	return wrapBinding(ch.proto, bindingObject(fields, settings))
}

// channelDeclarations lists, as an x- field, the declarations of kind
// "binding" for the channel's queue: AMQP's QueueBind(queue, key,
// exchange), which AsyncAPI's queue binding has no field for. settings
// are the channel's channelSettings.
func (b *builder) channelDeclarations(ch *channel, settings map[protocols.Setting][]string) *yaml.Node {
	// In the order of their settings; a binding declared twice is
	// listed once, as first declared.
	byKey := make(map[string]*yaml.Node)
	for _, d := range b.in.Declarations {
		if d.Library.Protocol != ch.proto || d.Kind != "binding" || !declaresOneOf(d, settings["queue"]) {
			continue
		}
		m := newMapping()
		key := ""
		for _, n := range sortedKeys(d.Settings) {
			v := strings.Join(d.Settings[n], ",")
			m.set(string(n), str(v))
			key += string(n) + "=" + v + ";"
		}
		if byKey[key] == nil {
			byKey[key] = m.node()
		}
	}
	if len(byKey) == 0 {
		return nil
	}
	out := seq()
	for _, k := range sortedKeys(byKey) {
		out.Content = append(out.Content, byKey[k])
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
