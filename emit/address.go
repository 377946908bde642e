package emit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
)

// Addresses that AsyncAPI cannot write.
//
// An AsyncAPI 3.0 address reads every {name} in it as a parameter, which
// the channel's parameters must describe, and may not contain '?' or '#'.
// A topic name in the code can hold any of them literally: an AMQP
// routing key "orders#eu", an MQTT topic "a/{b}", a Redis channel
// "news?", an address template built as "a{" + id + "}". There is no
// escape for them in an address, and percent-encoding would name another
// topic (only HTTP decodes it). Such a channel keeps its identity (its id
// is made of the address as usual, and it is told apart from every
// other), but its address is written the way AsyncAPI writes an address
// it does not know:
//
//	channels:
//	  orders_eu:
//	    address: null
//	    description: 'The address is "orders#eu" (x-address), which cannot be written as an AsyncAPI address: AsyncAPI forbids ''#'' in an address.'
//	    x-address: orders#eu
//
// The description quotes the address (as a Go string, so that control
// characters show) and says why; x-address holds it verbatim for tools.
// A template's parameters, which an unknown address cannot have, are
// described in the description instead of parameters. (A parameter
// that is not in a writable address describes nothing and is left out.)
//
// emit/speccheck rejects an address with '?' or '#', a {name} that is
// not a parameter or not a plain name, a parameter that is not in the
// address, and x-address on a channel whose address is not null or that
// could have been the address, so the invalid form cannot come back.

// paramName is what a parameter name may be: the characters AsyncAPI's
// Parameters Object allows ([A-Za-z0-9_-]) and ".", which
// //asyncapi:channel accepts. A name the official parser would read
// differently (with a newline, a brace, a space) makes the address
// unwritable.
var paramName = regexp.MustCompile(`^[A-Za-z0-9_.\-]+$`)

// addressProblem says why value, a template whose {name} parameters are
// params, cannot be written as a channel's address; "" when it can: it
// has no '?' or '#', and its braces are the {name}s of params, each a
// name AsyncAPI allows and given once. (A parameter that is not in the
// address describes nothing: usedParams leaves it out.)
func addressProblem(value string, params []analyzer.AddressParam) string {
	if i := strings.IndexAny(value, "?#"); i >= 0 {
		return "AsyncAPI forbids '" + value[i:i+1] + "' in an address"
	}
	vars, problem := templateVars(value)
	if problem != "" {
		return problem
	}
	count := make(map[string]int, len(params))
	for _, p := range params {
		count[p.Name]++
	}
	for _, v := range vars {
		switch {
		case count[v] == 0:
			return strconv.Quote("{"+v+"}") + " is not a parameter, but AsyncAPI would read it as one"
		case count[v] > 1:
			return "its parameter {" + v + "} stands for two values"
		case !paramName.MatchString(v):
			return "the parameter name " + strconv.Quote(v) + " is not one AsyncAPI allows"
		}
	}
	return ""
}

// usedParams returns the parameters of params that are in value.
func usedParams(value string, params []analyzer.AddressParam) []analyzer.AddressParam {
	vars, _ := templateVars(value)
	in := make(map[string]bool, len(vars))
	for _, v := range vars {
		in[v] = true
	}
	var out []analyzer.AddressParam
	for _, p := range params {
		if in[p.Name] {
			out = append(out, p)
		}
	}
	return out
}

// templateVars returns the {name}s of an address in order, or what is
// wrong with its braces.
func templateVars(addr string) ([]string, string) {
	var vars []string
	rest := addr
	for {
		open := strings.IndexAny(rest, "{}")
		if open < 0 {
			return vars, ""
		}
		if rest[open] == '}' {
			return nil, "it has a '}' that closes no '{'"
		}
		end := strings.IndexAny(rest[open+1:], "{}")
		if end < 0 {
			return nil, "it has a '{' that is never closed"
		}
		if rest[open+1+end] == '{' {
			return nil, "it has a '{' inside braces"
		}
		vars = append(vars, rest[open+1:open+1+end])
		rest = rest[open+1+end+1:]
	}
}

// unwritableAddressDescription is the description of a channel whose
// known address cannot be written (see addressProblem).
func unwritableAddressDescription(ch *channel, problem string) string {
	var b strings.Builder
	b.WriteString("The address is " + strconv.Quote(ch.key.address) + " (x-address), which cannot be written as an AsyncAPI address: " + problem + ".")
	for _, p := range ch.params {
		b.WriteString(" {" + p.Name + "} comes from " + p.Origin + ".")
	}
	return b.String()
}

// freshParam returns name, or name with a number appended, so that it
// is not the name of one of params.
func freshParam(params []analyzer.AddressParam, name string) string {
	taken := func(n string) bool {
		return slices.ContainsFunc(params, func(p analyzer.AddressParam) bool { return p.Name == n })
	}
	if !taken(name) {
		return name
	}
	for i := 2; ; i++ {
		if n := name + "_" + strconv.Itoa(i); !taken(n) {
			return n
		}
	}
}
