package speccheck

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// checkOperations: the parser accepts an inline channel, inline messages and
// messages from another channel; 3.0 requires $refs into the operation's own
// channel (and the reply's own channel).
func (c *checker) checkOperations() {
	for _, base := range []path{{"operations"}, {"components", "operations"}} {
		for _, kv := range pairs(lookup(c.root, base)) {
			p := base.add(kv.key)
			if base[0] == "operations" {
				c.checkID(kv.keyN, p, "operation id", kv.key)
			}
			if _, isRef := refOf(kv.value); isRef || !isMap(kv.value) {
				continue
			}
			c.checkOperation(kv.value, p)
		}
	}
	for _, kv := range pairs(lookup(c.root, path{"components", "replies"})) {
		if _, isRef := refOf(kv.value); !isRef {
			c.checkReply(kv.value, path{"components", "replies", kv.key})
		}
	}
	for _, kv := range pairs(lookup(c.root, path{"components", "operationTraits"})) {
		c.checkBindings(get(kv.value, "bindings"), path{"components", "operationTraits", kv.key, "bindings"}, levelOperation)
	}
}

func (c *checker) checkOperation(op *yaml.Node, p path) {
	chRef, ch := c.checkChannelRef(op, get(op, "channel"), p.add("channel"), true)
	c.checkMessageRefs(get(op, "messages"), p.add("messages"), chRef, ch, "operation")
	if reply := get(op, "reply"); reply != nil {
		if _, isRef := refOf(reply); !isRef {
			c.checkReply(reply, p.add("reply"))
		}
	}
	c.checkBindings(get(op, "bindings"), p.add("bindings"), levelOperation)
	for i, tr := range items(get(op, "traits")) {
		if _, isRef := refOf(tr); !isRef {
			c.checkBindings(get(tr, "bindings"), p.add("traits").idx(i).add("bindings"), levelOperation)
		}
	}
}

func (c *checker) checkReply(reply *yaml.Node, p path) {
	chN := get(reply, "channel")
	msgs := get(reply, "messages")
	if chN == nil {
		if len(items(msgs)) > 0 {
			c.add(msgs, p.add("messages"), "reply messages need a reply channel to belong to")
		}
		return
	}
	chRef, ch := c.checkChannelRef(reply, chN, p.add("channel"), false)
	c.checkMessageRefs(msgs, p.add("messages"), chRef, ch, "reply")
}

// checkChannelRef checks that n is exactly {$ref: '#/channels/<id>'} to an
// existing channel, and returns the ref and the channel ("" and nil if not).
func (c *checker) checkChannelRef(parent, n *yaml.Node, p path, required bool) (string, *yaml.Node) {
	if n == nil {
		if required {
			c.add(parent, p, "operation has no channel")
		}
		return "", nil
	}
	ref, ok := onlyRef(n)
	if !ok {
		c.add(n, p, "channel must be exactly {$ref: '#/channels/<id>'}, got an inline channel or extra fields")
		return "", nil
	}
	segs, ok := parseLocalRef(ref)
	if !ok || len(segs) != 2 || segs[0] != "channels" {
		c.add(n, p, "channel ref %q must point to #/channels/<id>", ref)
		return "", nil
	}
	ch := get(get(c.root, "channels"), segs[1])
	if ch == nil {
		c.add(n, p, "channel ref %q: no channel %q in #/channels", ref, segs[1])
		return "", nil
	}
	if target, isRef := refOf(ch); isRef { // #/channels/x: {$ref: #/components/channels/y}
		if segs, ok := parseLocalRef(target); ok {
			ch = lookup(c.root, segs)
		}
	}
	return ref, ch
}

// checkMessageRefs checks that every item of msgs is exactly
// {$ref: '<chRef>/messages/<key>'} with <key> a message of that channel.
// With chRef empty (channel already reported) only the shape is checked.
func (c *checker) checkMessageRefs(msgs *yaml.Node, p path, chRef string, ch *yaml.Node, what string) {
	if msgs == nil {
		return
	}
	if msgs.Kind != yaml.SequenceNode {
		c.add(msgs, p, "%s messages must be a list of $refs", what)
		return
	}
	prefix := chRef + "/messages/"
	for i, item := range items(msgs) {
		ip := p.idx(i)
		ref, ok := onlyRef(item)
		if !ok {
			c.add(item, ip, "%s messages must be {$ref: '#/channels/<id>/messages/<key>'}, got an inline message or extra fields", what)
			continue
		}
		if chRef == "" {
			continue
		}
		if !strings.HasPrefix(ref, prefix) {
			c.add(item, ip, "%s message ref %q is not a message of the %s channel %q (must start with %q)", what, ref, what, chRef, prefix)
			continue
		}
		key := strings.TrimPrefix(ref, prefix)
		if segs, ok := parseLocalRef("#/" + key); ok && len(segs) == 1 {
			key = segs[0]
		}
		if get(get(ch, "messages"), key) == nil {
			c.add(item, ip, "%s message ref %q: channel %q has no message %q", what, ref, chRef, key)
		}
	}
}
