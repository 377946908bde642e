package speccheck

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// checkServers: host and protocol present, host without a scheme (3.0 split
// the 2.x url into host/pathname and the parser accepts "kafka://b:9092"),
// and server bindings.
func (c *checker) checkServers() {
	for _, base := range []path{{"servers"}, {"components", "servers"}} {
		for _, kv := range pairs(lookup(c.root, base)) {
			if _, isRef := refOf(kv.value); isRef {
				continue // the target is checked where it lives
			}
			c.checkServer(kv.value, base.add(kv.key))
		}
	}
}

func (c *checker) checkServer(s *yaml.Node, p path) {
	if !isMap(s) {
		return // the official parser reports the type
	}
	host := get(s, "host")
	switch {
	case host == nil || host.Kind != yaml.ScalarNode || host.Value == "":
		c.add(s, p.add("host"), "server has no host")
	case strings.Contains(host.Value, "://"):
		c.add(host, p.add("host"), "host %q must not carry a scheme (put the protocol in protocol)", host.Value)
	}
	if proto := get(s, "protocol"); proto == nil || proto.Kind != yaml.ScalarNode || proto.Value == "" {
		c.add(s, p.add("protocol"), "server has no protocol")
	}
	c.checkBindings(get(s, "bindings"), p.add("bindings"), levelServer)
}

// checkServerRefs: channel.servers is a list of {$ref: '#/servers/<id>'} to
// existing servers. Our own contract also requires every channel to list
// them, so that readers never have to guess "all servers".
func (c *checker) checkServerRefs(ch *yaml.Node, p path) {
	servers := get(ch, "servers")
	sp := p.add("servers")
	if servers == nil || isNull(servers) {
		c.add(ch, sp, "channel lists no servers (asyncapi-extract always lists them)")
		return
	}
	if servers.Kind != yaml.SequenceNode {
		c.add(servers, sp, "servers must be a list of {$ref: '#/servers/<id>'}")
		return
	}
	if len(servers.Content) == 0 {
		c.add(servers, sp, "channel lists no servers (asyncapi-extract always lists them)")
	}
	for i, item := range items(servers) {
		ip := sp.idx(i)
		ref, ok := onlyRef(item)
		if !ok {
			c.add(item, ip, "channel servers must be {$ref: '#/servers/<id>'}, got an inline server or extra fields")
			continue
		}
		segs, ok := parseLocalRef(ref)
		if !ok || len(segs) != 2 || segs[0] != "servers" {
			c.add(item, ip, "server ref %q must point to #/servers/<id>", ref)
			continue
		}
		if get(get(c.root, "servers"), segs[1]) == nil {
			c.add(item, ip, "server ref %q: no server %q in #/servers", ref, segs[1])
		}
	}
}
