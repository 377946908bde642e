package emit

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/analyzer/directive"
)

// The document-level parts: info and servers, from the options, the
// packages' //asyncapi:info and //asyncapi:server directives and the
// brokers the code names.

var majorVersion = regexp.MustCompile(`/v([2-9]|[1-9][0-9]+)$`)

// directivesOf returns the package directives of a verb, in position
// order: where two packages set the same thing, the first wins.
func (b *builder) directivesOf(verb directive.Verb) []directive.Directive {
	var pds []analyzer.PackageDirective
	for _, pd := range b.in.Directives {
		if pd.Directive.Verb == verb {
			pds = append(pds, pd)
		}
	}
	sort.SliceStable(pds, func(i, j int) bool {
		if pds[i].Pos.Filename != pds[j].Pos.Filename {
			return pds[i].Pos.Filename < pds[j].Pos.Filename
		}
		return pds[i].Pos.Line < pds[j].Pos.Line
	})
	out := make([]directive.Directive, len(pds))
	for i, p := range pds {
		out[i] = p.Directive
	}
	return out
}

// infoFields are the keys of //asyncapi:info, in the order AsyncAPI's
// Info Object lists them.
var infoFields = []string{"title", "version", "description", "termsOfService",
	"contact.name", "contact.url", "contact.email", "license.name", "license.url"}

func (b *builder) info() *yaml.Node {
	set := make(map[string]string)
	for _, d := range b.directivesOf(directive.Info) {
		for _, f := range d.Fields {
			if _, ok := set[f.Key]; !ok {
				set[f.Key] = f.Value
			}
		}
	}
	if b.opts.Title != "" {
		set["title"] = b.opts.Title
	}
	if b.opts.Version != "" {
		set["version"] = b.opts.Version
	}
	if set["title"] == "" {
		set["title"] = b.opts.ModulePath
		if set["title"] == "" {
			set["title"] = "AsyncAPI document"
		}
	}
	if set["version"] == "" {
		set["version"] = "1.0.0"
		if m := majorVersion.FindStringSubmatch(b.opts.ModulePath); m != nil {
			set["version"] = m[1] + ".0.0"
		}
	}
	if set["description"] == "" && b.opts.ModulePath != "" {
		set["description"] = "Messages that " + b.opts.ModulePath + " sends and receives, extracted from its Go source by asyncapi-extract."
	}
	m := newMapping()
	contact, license := newMapping(), newMapping()
	for _, k := range infoFields {
		v, ok := set[k]
		if !ok || v == "" {
			continue
		}
		switch {
		case strings.HasPrefix(k, "contact."):
			contact.set(strings.TrimPrefix(k, "contact."), str(v))
		case strings.HasPrefix(k, "license."):
			license.set(strings.TrimPrefix(k, "license."), str(v))
		default:
			m.set(k, str(v))
		}
	}
	m.set("contact", contact.orNil())
	if !license.empty() {
		if _, ok := set["license.name"]; !ok {
			license = newMapping().set("name", str("unnamed")).set("url", str(set["license.url"]))
		}
		m.set("license", license.node())
	}
	return m.node()
}

// collectServers decides the servers: those the directives declare, and
// one per other protocol in use, with the brokers the code names.
func (b *builder) collectServers() {
	b.servers = make(map[string]*yaml.Node)
	b.serverIDs = make(map[string][]string)
	for _, d := range b.directivesOf(directive.Server) {
		if _, dup := b.servers[d.Arg]; dup {
			continue
		}
		m := newMapping()
		for _, k := range []string{"host", "protocol", "protocolVersion", "pathname", "description"} {
			if v, ok := d.Lookup(k); ok {
				if k == "host" {
					v = stripScheme(v)
				}
				m.set(k, str(v))
			}
		}
		b.servers[d.Arg] = m.node()
		proto, _ := d.Lookup("protocol")
		b.serverIDs[proto] = append(b.serverIDs[proto], d.Arg)
	}
	for _, n := range sortedKeys(b.protos) {
		// n is the protocol's server name; directives declare servers
		// by protocol.
		proto := b.protos[n].proto.Name
		if ids := b.serverIDs[proto]; len(ids) > 0 && n == proto {
			continue // declared by a directive
		}
		if pu := b.protos[n]; pu.proto.Routes {
			b.routeServers(n, pu)
			continue
		}
		id := b.freeServerID(n)
		b.servers[id] = serverNode(b.protos[n])
		b.serverIDs[n] = []string{id}
	}
	for _, ids := range b.serverIDs {
		sort.Strings(ids)
	}
}

// freeServerID returns id, or id with a suffix if a directive took it.
func (b *builder) freeServerID(id string) string {
	for b.servers[id] != nil {
		id += "-auto"
	}
	return id
}

// routeServers makes the servers of a protocol of routes (HTTP,
// WebSocket): one per host the code calls, named after it, and one with
// a host variable for the routes the service serves. Each channel is on
// its host's server: the service's routes are not served by the hosts it
// calls.
func (b *builder) routeServers(n string, pu *protoUse) {
	hosts := sortedKeys(pu.hosts)
	byHost := make(map[string]string)
	single := len(hosts)+boolInt(pu.served) == 1
	if pu.served {
		id := b.freeServerID(n)
		b.servers[id] = serverNode(&protoUse{proto: pu.proto})
		byHost[""] = id
		b.serverIDs[n] = append(b.serverIDs[n], id)
	}
	for _, h := range hosts {
		id := n
		if !single {
			id = serverID(n, h)
		}
		id = b.freeServerID(id)
		b.servers[id] = serverNode(&protoUse{proto: pu.proto, brokers: map[string]bool{h: true}})
		byHost[h] = id
		b.serverIDs[n] = append(b.serverIDs[n], id)
	}
	if b.hostServers == nil {
		b.hostServers = make(map[string]map[string]string)
	}
	b.hostServers[n] = byHost
}

// serverID is the id of the server of protocol name at host: AsyncAPI
// keys are letters, digits, "_" and "-", and ours at most maxIDLen long.
func serverID(name, host string) string {
	var sb strings.Builder
	sb.WriteString(name)
	sb.WriteByte('-')
	for _, r := range host {
		if sb.Len() >= maxIDLen {
			break
		}
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-') {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (b *builder) serversNode() *yaml.Node {
	m := newMapping()
	for _, id := range sortedKeys(b.servers) {
		m.set(id, b.servers[id])
	}
	return m.orNil()
}

func serverNode(pu *protoUse) *yaml.Node {
	brokers := make([]string, 0, len(pu.brokers))
	for br := range pu.brokers {
		// "a:9092,b:9092" (a bootstrap list) is two brokers.
		for _, one := range strings.Split(br, ",") {
			if one = strings.TrimSpace(one); one != "" {
				brokers = append(brokers, stripScheme(one))
			}
		}
	}
	slices.Sort(brokers)
	brokers = slices.Compact(brokers)
	m := newMapping()
	if len(brokers) == 0 {
		m.set("host", str("{"+pu.proto.HostVariable+"}"))
	} else {
		m.set("host", str(brokers[0]))
	}
	m.set("protocol", str(pu.proto.Name))
	if pu.proto.ProtocolVersion != "" {
		m.set("protocolVersion", str(pu.proto.ProtocolVersion))
	}
	if len(brokers) > 1 {
		m.set("description", str("Servers named in the code: "+strings.Join(brokers, ", ")+"."))
	}
	if len(brokers) == 0 {
		m.set("variables", newMapping().set(pu.proto.HostVariable,
			newMapping().set("description", str(pu.proto.HostDescription)).node()).node())
	}
	return m.node()
}

// stripScheme removes a URL scheme: AsyncAPI hosts have none.
func stripScheme(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		return s[i+3:]
	}
	return s
}
