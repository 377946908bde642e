package emit

import (
	"regexp"
	"slices"
	"strings"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// wildcardName is the name of a route wildcard: ServeMux wants a Go
// identifier; names outside ASCII are left as literal text, which makes
// the address unwritable rather than give a parameter AsyncAPI does not
// allow.
var wildcardName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// httpToken is what the method of a route pattern ("POST /orders") is
// made of; a URL that happens to contain a space has no method.
var httpToken = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$")

// routeTemplate reads a Go 1.22 HTTP route pattern ("POST
// example.com/orders/{id}"): it returns the path as the address, its
// wildcards as parameters ({id}, {rest...} spanning segments, {$} the
// end of the path, dropped), the method, and the host of a client's URL.
func routeTemplate(addr analyzer.Address) (analyzer.Address, string, string) {
	pattern := addr.Value
	method := ""
	if i := strings.IndexAny(pattern, " \t"); i >= 0 && httpToken.MatchString(pattern[:i]) {
		method, pattern = pattern[:i], strings.TrimLeft(pattern[i:], " \t")
	}
	host := ""
	if i := strings.Index(pattern, "://"); i >= 0 {
		// A client's URL: the path, without scheme, host and query.
		pattern = pattern[i+3:]
		if j := strings.IndexByte(pattern, '/'); j >= 0 {
			host, pattern = pattern[:j], pattern[j:]
		} else {
			host, pattern = pattern, "/"
		}
		if strings.ContainsAny(host, "{}") {
			host = "" // a template: not a server
		}
	} else if i := strings.IndexByte(pattern, '/'); i > 0 {
		pattern = pattern[i:] // drop the host of a route pattern
	}
	if i := strings.IndexAny(pattern, "?#"); i >= 0 {
		pattern = pattern[:i]
	}
	known := make(map[string]bool)
	for _, p := range addr.Params {
		known[p.Name] = true
	}
	// The wildcards of the path, in order; the code's own parameters
	// that were in the method, host or query are gone with them.
	var wild []analyzer.AddressParam
	inPath := make(map[string]bool)
	var b strings.Builder
	for len(pattern) > 0 {
		i := strings.IndexByte(pattern, '{')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(pattern[i:], '}')
		}
		if j < 0 {
			b.WriteString(pattern)
			break
		}
		j += i
		name := pattern[i+1 : j]
		if name == "$" {
			b.WriteString(pattern[:i])
			pattern = pattern[j+1:]
			continue
		}
		rest := strings.HasSuffix(name, "...")
		if !known[name] {
			name = strings.TrimSuffix(name, "...")
		}
		if !known[name] && !wildcardName.MatchString(name) {
			// Not a wildcard: a literal brace, which the address
			// keeps (see addressProblem).
			b.WriteString(pattern[:i+1])
			pattern = pattern[i+1:]
			continue
		}
		b.WriteString(pattern[:i] + "{" + name + "}")
		pattern = pattern[j+1:]
		if inPath[name] {
			continue
		}
		inPath[name] = true
		if known[name] {
			continue // a parameter of the Go expression
		}
		origin := "the {" + name + "} wildcard of the route: one path segment"
		if rest {
			origin = "the {" + name + "...} wildcard of the route: the rest of the path"
		}
		wild = append(wild, analyzer.AddressParam{Name: name, Origin: origin})
	}
	var params []analyzer.AddressParam
	for _, p := range addr.Params {
		if inPath[p.Name] {
			params = append(params, p)
		}
	}
	params = append(params, wild...)
	return analyzer.Address{Known: true, Value: b.String(), Params: params}, strings.ToUpper(method), host
}

// withSetting returns settings with one more value, leaving the original
// alone.
func withSetting(settings map[protocols.Setting][]string, name protocols.Setting, value string) map[protocols.Setting][]string {
	out := make(map[protocols.Setting][]string, len(settings)+1)
	for k, v := range settings {
		out[k] = v
	}
	out[name] = []string{value}
	return out
}

// routeHost is the host of a route's channel: the host of the URL the
// code calls, or else the broker the call names; empty for a route the
// service serves.
func routeHost(urlHost string, brokers []string) string {
	if urlHost != "" {
		return urlHost
	}
	if len(brokers) == 0 {
		return ""
	}
	return stripScheme(slices.Min(brokers))
}
