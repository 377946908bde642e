package speccheck

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// checkChannels: ids, servers, address/parameters agreement, parameter
// fields, message keys, and the messages and bindings inside.
func (c *checker) checkChannels() {
	for _, base := range []path{{"channels"}, {"components", "channels"}} {
		for _, kv := range pairs(lookup(c.root, base)) {
			p := base.add(kv.key)
			if base[0] == "channels" { // component keys are checked with all components
				c.checkID(kv.keyN, p, "channel id", kv.key)
			}
			if _, isRef := refOf(kv.value); isRef || !isMap(kv.value) {
				continue
			}
			c.checkChannel(kv.value, p)
		}
	}
}

func (c *checker) checkChannel(ch *yaml.Node, p path) {
	c.checkServerRefs(ch, p)
	c.checkAddress(ch, p)
	c.checkUnwritableAddress(ch, p)
	for _, kv := range pairs(get(ch, "parameters")) {
		c.checkParameter(kv.value, p.add("parameters", kv.key))
	}
	for _, kv := range pairs(get(ch, "messages")) {
		mp := p.add("messages", kv.key)
		c.checkID(kv.keyN, mp, "message key", kv.key)
		if _, isRef := refOf(kv.value); !isRef {
			c.checkMessage(kv.value, mp)
		}
	}
	c.checkBindings(get(ch, "bindings"), p.add("bindings"), levelChannel)
}

// checkAddress: no '?' or '#', and the {variables} of the address are
// exactly the keys of parameters. The parser accepts a templated address
// without any parameters object, and a query string.
func (c *checker) checkAddress(ch *yaml.Node, p path) {
	addr := get(ch, "address")
	ap := p.add("address")
	params := get(ch, "parameters")
	var vars []string
	if addr != nil && addr.Kind == yaml.ScalarNode && !isNull(addr) {
		if strings.ContainsAny(addr.Value, "?#") {
			c.add(addr, ap, "address %q must not contain '?' or '#'", addr.Value)
		}
		var err string
		vars, err = addressVars(addr.Value)
		if err != "" {
			c.add(addr, ap, "address %q: %s", addr.Value, err)
		}
	}
	if len(vars) > 0 && (params == nil || isNull(params)) {
		c.add(addr, p.add("parameters"), "address %q has variables but the channel has no parameters object", addr.Value)
		return
	}
	declared := map[string]bool{}
	for _, kv := range pairs(params) {
		declared[kv.key] = true
	}
	inAddr := map[string]bool{}
	for _, v := range vars {
		inAddr[v] = true
		if !paramName.MatchString(v) {
			// The official parser reads variables with /{(.+?)}/, which
			// stops at a newline: a name must be plain to mean the same
			// to both.
			c.add(addr, ap, "address variable {%s} is not a parameter name (%s)", v, paramName)
			continue
		}
		if !declared[v] {
			c.add(addr, p.add("parameters"), "address variable {%s} has no entry in parameters", v)
		}
	}
	for _, kv := range pairs(params) {
		if !inAddr[kv.key] {
			c.add(kv.keyN, p.add("parameters", kv.key), "parameter %q does not appear as {%s} in the address", kv.key, kv.key)
		}
	}
}

// paramName is what a parameter name may be: AsyncAPI's Parameters Object
// allows ^[A-Za-z0-9_\-]+$; "." is accepted too, as //asyncapi:channel
// accepts it.
var paramName = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)

// checkUnwritableAddress: x-address is where asyncapi-extract keeps an
// address AsyncAPI cannot write (with '?', '#' or braces that are not
// parameters); the channel's address must then be null, and the
// x-address must indeed be unwritable, or it should have been the
// address.
func (c *checker) checkUnwritableAddress(ch *yaml.Node, p path) {
	x := get(ch, "x-address")
	if x == nil {
		return
	}
	if addr := get(ch, "address"); addr == nil || !isNull(addr) {
		c.add(x, p.add("x-address"), "x-address is only for an address AsyncAPI cannot write; the address must then be null")
		return
	}
	if !isString(x) {
		c.add(x, p.add("x-address"), "x-address must be a string")
		return
	}
	// The channel has no parameters (its address is null), so a brace,
	// like '?' or '#', makes x-address unwritable.
	if !strings.ContainsAny(x.Value, "?#{}") {
		c.add(x, p.add("x-address"), "x-address %q is a valid address: write it as the address", x.Value)
	}
}

// addressVars returns the {name} variables of an address in order, or a
// description of malformed braces.
func addressVars(addr string) (vars []string, err string) {
	rest := addr
	for {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			return vars, ""
		}
		if rest[open] == '}' {
			return vars, "unbalanced '}'"
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 || rest[open+1+end] != '}' {
			return vars, "unbalanced '{'"
		}
		name := rest[open+1 : open+1+end]
		if name == "" {
			return vars, "empty variable {}"
		}
		vars = append(vars, name)
		rest = rest[open+1+end+1:]
	}
}

// parameterFields are the only fields of a 3.0 Parameter Object (3.0 has no
// parameter schema; x- extensions are allowed).
var parameterFields = map[string]bool{
	"enum": true, "default": true, "description": true, "examples": true, "location": true,
}

func (c *checker) checkParameter(param *yaml.Node, p path) {
	if _, isRef := refOf(param); isRef {
		return
	}
	for _, kv := range pairs(param) {
		if !parameterFields[kv.key] && !strings.HasPrefix(kv.key, "x-") {
			c.add(kv.keyN, p.add(kv.key), "parameter field %q is not allowed in AsyncAPI 3.0 (only enum, default, description, examples, location)", kv.key)
		}
	}
}

// checkMessage: bindings of a message and of its inline traits.
func (c *checker) checkMessage(m *yaml.Node, p path) {
	c.checkBindings(get(m, "bindings"), p.add("bindings"), levelMessage)
	for i, tr := range items(get(m, "traits")) {
		if _, isRef := refOf(tr); !isRef {
			c.checkBindings(get(tr, "bindings"), p.add("traits").idx(i).add("bindings"), levelMessage)
		}
	}
}
