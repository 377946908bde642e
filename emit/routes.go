package emit

import (
	"sort"
	"strings"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// routeTemplate reads a Go 1.22 HTTP route pattern ("POST
// example.com/orders/{id}"): it returns the path as the address, its
// wildcards as parameters ({id}, {rest...} spanning segments, {$} the
// end of the path, dropped), the method, and the host of a client's URL.
func routeTemplate(addr analyzer.Address) (analyzer.Address, string, string) {
	pattern := addr.Value
	method := ""
	if i := strings.IndexAny(pattern, " \t"); i >= 0 {
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
	params := append([]analyzer.AddressParam(nil), addr.Params...)
	known := make(map[string]bool)
	for _, p := range params {
		known[p.Name] = true
	}
	var b strings.Builder
	for len(pattern) > 0 {
		i := strings.IndexByte(pattern, '{')
		j := strings.IndexByte(pattern, '}')
		if i < 0 || j < i {
			b.WriteString(pattern)
			break
		}
		b.WriteString(pattern[:i])
		name := pattern[i+1 : j]
		pattern = pattern[j+1:]
		if name == "$" {
			continue
		}
		rest := strings.HasSuffix(name, "...")
		name = strings.TrimSuffix(name, "...")
		b.WriteString("{" + name + "}")
		if known[name] {
			continue // a parameter of the Go expression already
		}
		known[name] = true
		origin := "the {" + name + "} wildcard of the route: one path segment"
		if rest {
			origin = "the {" + name + "...} wildcard of the route: the rest of the path"
		}
		params = append(params, analyzer.AddressParam{Name: name, Origin: origin})
	}
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
	bs := append([]string(nil), brokers...)
	sort.Strings(bs)
	return stripScheme(bs[0])
}
