package speccheck

import "gopkg.in/yaml.v3"

// componentLevels maps the components.<kind>Bindings maps to their level.
var componentBindingKinds = map[string]bindingLevel{
	"serverBindings":    levelServer,
	"channelBindings":   levelChannel,
	"operationBindings": levelOperation,
	"messageBindings":   levelMessage,
}

// checkComponents: component keys, and the messages, message traits and
// binding objects stored in components (servers, channels, operations and
// replies are checked with their top-level counterparts).
func (c *checker) checkComponents() {
	comps := get(c.root, "components")
	for _, kind := range pairs(comps) {
		for _, kv := range pairs(kind.value) {
			p := path{"components", kind.key, kv.key}
			c.checkID(kv.keyN, p, "component key", kv.key)
			if _, isRef := refOf(kv.value); isRef {
				continue
			}
			switch kind.key {
			case "messages":
				c.checkMessage(kv.value, p)
			case "messageTraits":
				c.checkBindings(get(kv.value, "bindings"), p.add("bindings"), levelMessage)
			case "parameters":
				c.checkParameter(kv.value, p)
			}
			if level, ok := componentBindingKinds[kind.key]; ok {
				c.checkBindings(kv.value, p, level)
			}
		}
	}
}

// checkRefs: every $ref is local and resolves. The parser can resolve remote
// refs, but a generated document must stand alone.
func (c *checker) checkRefs() {
	walk(c.root, path{}, func(n *yaml.Node, p path) {
		ref, ok := refOf(n)
		if !ok {
			return
		}
		segs, local := parseLocalRef(ref)
		switch {
		case !local:
			c.add(n, p, "$ref %q is not a local '#/...' reference", ref)
		case lookup(c.root, segs) == nil:
			c.add(n, p, "$ref %q does not resolve", ref)
		}
	})
}

// checkUnusedComponents: a component is used if it is reachable through
// $refs from outside components (so two unused schemas that refer to each
// other are both reported).
func (c *checker) checkUnusedComponents() {
	type edge struct{ from, to string } // component ids "kind/key", "" outside
	compOf := func(p path) string {
		if len(p) >= 3 && p[0] == "components" {
			return p[1] + "\x00" + p[2]
		}
		return ""
	}
	var edges []edge
	walk(c.root, path{}, func(n *yaml.Node, p path) {
		ref, ok := refOf(n)
		if !ok {
			return
		}
		if segs, ok := parseLocalRef(ref); ok {
			edges = append(edges, edge{from: compOf(p), to: compOf(segs)})
		}
	})
	used := map[string]bool{}
	queue := []string{""}
	for len(queue) > 0 {
		from := queue[0]
		queue = queue[1:]
		for _, e := range edges {
			if e.from == from && e.to != "" && !used[e.to] {
				used[e.to] = true
				queue = append(queue, e.to)
			}
		}
	}
	for _, kind := range pairs(get(c.root, "components")) {
		for _, kv := range pairs(kind.value) {
			if !used[kind.key+"\x00"+kv.key] {
				c.add(kv.keyN, path{"components", kind.key, kv.key}, "component %s %q is never referenced", kind.key, kv.key)
			}
		}
	}
}
