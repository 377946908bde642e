package emit

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// idRule is AsyncAPI's rule for component keys, which emit applies to
// every id (see ids.go), with JavaScript's ASCII-only \w.
var idRule = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)

// fuzzAddress makes the address a fuzz input stands for. With template
// set, lits are the literal parts (split at "|") and names the
// parameters (split at ","), interleaved as the analyzer writes a
// template: lit0{name0}lit1{name1}...; otherwise lits is the address as
// is and names its parameters, whether or not they appear in it.
func fuzzAddress(template bool, lits, names string) analyzer.Address {
	var params []analyzer.AddressParam
	if names != "" {
		for _, n := range strings.Split(names, ",") {
			params = append(params, analyzer.AddressParam{Name: n, Origin: "origin of " + n})
		}
	}
	if !template {
		return analyzer.Address{Known: true, Value: lits, Params: params}
	}
	parts := strings.Split(lits, "|")
	var b strings.Builder
	for i, p := range params {
		if i < len(parts) {
			b.WriteString(parts[i])
		}
		b.WriteString("{" + p.Name + "}")
	}
	for i := len(params); i < len(parts); i++ {
		b.WriteString(parts[i])
	}
	return analyzer.Address{Known: true, Value: b.String(), Params: params}
}

func paramNames(ps []analyzer.AddressParam) map[string]bool {
	out := make(map[string]bool)
	for _, p := range ps {
		out[p.Name] = true
	}
	return out
}

// checkTemplate checks what a template builder returned: when it is an
// address AsyncAPI can write (addressProblem is ""), its {name}s are
// exactly its parameters, each once, and it has no '?' or '#'.
func checkTemplate(t *testing.T, what string, a analyzer.Address) {
	t.Helper()
	if addressProblem(a.Value, a.Params) != "" {
		return // written as null, with x-address: see the document checks
	}
	if strings.ContainsAny(a.Value, "?#") {
		t.Fatalf("%s: writable address %q has '?' or '#'", what, a.Value)
	}
	vars, problem := templateVars(a.Value)
	if problem != "" {
		t.Fatalf("%s: writable address %q: %s", what, a.Value, problem)
	}
	used := usedParams(a.Value, a.Params)
	names := paramNames(used)
	if len(names) != len(used) {
		t.Fatalf("%s: parameters of %q repeat a name: %v", what, a.Value, used)
	}
	inAddr := make(map[string]bool)
	for _, v := range vars {
		if !names[v] {
			t.Fatalf("%s: {%s} of %q is not a parameter: %v", what, v, a.Value, a.Params)
		}
		if !paramName.MatchString(v) {
			t.Fatalf("%s: {%s} of %q is not a valid name", what, v, a.Value)
		}
		inAddr[v] = true // may come twice: "{a}/x/{a}" is one parameter
	}
	if len(inAddr) != len(names) {
		t.Fatalf("%s: parameters %v are not all in %q", what, used, a.Value)
	}
}

// FuzzAddressTemplates fuzzes the address-template builders (MQTT and
// NATS wildcards, HTTP routes), the check of what AsyncAPI can write, and
// the id builders; then the document of operations on that address: it
// must build, pass speccheck, read back from YAML and JSON, and keep the
// address (as address or x-address).
func FuzzAddressTemplates(f *testing.F) {
	for _, seed := range []struct {
		template    bool
		lits, names string
	}{
		{true, "orders.|.created", "region"},
		{true, "|/x/+", "level3"},
		{true, "|/#", "rest"},
		{true, "sensors/+/|/#", "id"},
		{false, "POST /orders/{id}/{rest...}", ""},
		{false, "GET example.com/{$}", ""},
		{true, "http://|/v1/|?q=|#f", "host,path,q"},
		{false, "a#b?c{d}", "d"},
		{true, "a{|}", "x"},
		{true, "", "a b,a b"},
		{false, "{café}/{}/}{", ""},
		{false, "orders.*.>", ""},
		{true, "x|y", "level2,rest"},
		{false, "\xff\x00\n\t: -", ""},
		{true, "méthod /x/|", "level1"},
	} {
		f.Add(seed.template, seed.lits, seed.names)
	}
	f.Fuzz(func(t *testing.T, template bool, lits, names string) {
		if len(lits) > 2000 || len(names) > 200 {
			return
		}
		addr := fuzzAddress(template, lits, names)

		mqttAddr, _ := wildcardTemplate(addr, protocols.MQTT.Wildcards)
		checkTemplate(t, "wildcardTemplate(MQTT)", mqttAddr)
		natsAddr, _ := wildcardTemplate(addr, protocols.NATS.Wildcards)
		checkTemplate(t, "wildcardTemplate(NATS)", natsAddr)
		route, _, _ := routeTemplate(addr)
		checkTemplate(t, "routeTemplate", route)
		checkTemplate(t, "analyzer template", addr)

		// A template the analyzer could make, of plain literal parts and
		// distinct valid names, is written as it is.
		if template && !strings.ContainsAny(lits, "{}?#") {
			ok := len(paramNames(addr.Params)) == len(addr.Params)
			for _, p := range addr.Params {
				ok = ok && paramName.MatchString(p.Name)
			}
			if ok && addressProblem(addr.Value, addr.Params) != "" {
				t.Fatalf("template %q %v is not written: %s", addr.Value, addr.Params, addressProblem(addr.Value, addr.Params))
			}
		}

		ids := make(uniqueIDs)
		seen := make(map[string]bool)
		for _, id := range []string{sanitizeID(lits), sanitizeID(names), channelIDBase(addr.Value),
			camelID("send", addr.Value), camelID("receive", channelIDBase(addr.Value)), camelID("", lits),
			serverID("http", lits)} {
			if !idRule.MatchString(id) || len(id) > maxIDLen+1 {
				t.Fatalf("id %q (from %q, %q) does not match %s or is too long", id, lits, names, idRule)
			}
			u := ids.take(id)
			if seen[u] || !idRule.MatchString(u) {
				t.Fatalf("uniqueIDs gave %q twice or invalid", u)
			}
			seen[u] = true
		}

		var ops []*analyzer.Operation
		for _, lib := range []*protocols.Library{protocols.KafkaGo, protocols.PahoMQTT, protocols.NatsGo, protocols.NetHTTP} {
			ops = append(ops, &analyzer.Operation{Library: lib, Action: protocols.Send, Address: addr,
				Summary: lits, Tags: []string{names},
				Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}})
		}
		y, j := buildYAMLJSON(t, Input{Operations: ops}, Options{ModulePath: "example.com/fuzz"})
		for _, data := range [][]byte{y, j} {
			if ps := speccheck.Check(data); len(ps) > 0 {
				t.Fatalf("speccheck: %v\n%s", ps, data)
			}
		}
		var back struct {
			Channels map[string]struct {
				Address    *string
				XAddress   *string `yaml:"x-address"`
				Parameters map[string]any
			}
		}
		if err := yaml.Unmarshal(y, &back); err != nil {
			t.Fatalf("the YAML does not read back: %v\n%s", err, y)
		}
		if len(back.Channels) != 4 {
			t.Fatalf("%d channels, want 4:\n%s", len(back.Channels), y)
		}
		// The Kafka channel has the address as it is.
		want := validUTF8(addr.Value)
		found := false
		for _, ch := range back.Channels {
			switch {
			case ch.Address != nil && ch.XAddress != nil:
				t.Fatalf("a channel has both an address and x-address:\n%s", y)
			case ch.Address != nil:
				found = found || *ch.Address == want
			case ch.XAddress != nil:
				if len(ch.Parameters) > 0 {
					t.Fatalf("a null address with parameters:\n%s", y)
				}
				found = found || *ch.XAddress == want
			}
		}
		if !found && utf8.ValidString(addr.Value) {
			t.Fatalf("no channel keeps the address %q:\n%s", addr.Value, y)
		}
	})
}

// FuzzYAMLScalar checks needsDoubleQuotes against yaml.v3: every string
// is written so that it reads back, as a key, a value and a list item.
func FuzzYAMLScalar(f *testing.F) {
	for _, s := range nastyStrings {
		if len(s) < 100 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			return // a key of over 1024 characters is written as "? key"
		}
		checkYAMLScalar(t, s)
	})
}
