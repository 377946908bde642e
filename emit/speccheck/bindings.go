package speccheck

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// bindingLevel says which object a bindings object belongs to.
type bindingLevel int

const (
	levelServer bindingLevel = iota
	levelChannel
	levelOperation
	levelMessage
)

func (l bindingLevel) String() string {
	return [...]string{"server", "channel", "operation", "message"}[l]
}

// knownBindings are the binding keys of AsyncAPI 3.0.0. There are no tcp,
// udp or ip bindings.
var knownBindings = map[string]bool{
	"http": true, "ws": true, "amqp": true, "amqp1": true, "mqtt": true, "kafka": true,
	"anypointmq": true, "nats": true, "jms": true, "sns": true, "sqs": true, "stomp": true,
	"redis": true, "ibmmq": true, "solace": true, "googlepubsub": true, "pulsar": true,
}

// reservedBindings are the (binding, level) pairs whose binding object is
// "reserved for future use": @asyncapi/specs 6.11.1 gives them the empty
// schema {} (definitions/3.0.0/*BindingsObject.json), so the parser accepts
// any junk in them, while the spec allows no field but bindingVersion.
var reservedBindings = map[bindingLevel]map[string]bool{
	levelServer:    set("http", "ws", "amqp", "amqp1", "anypointmq", "nats", "sns", "sqs", "stomp", "redis", "googlepubsub"),
	levelChannel:   set("http", "amqp1", "mqtt", "nats", "stomp", "redis", "solace"),
	levelOperation: set("ws", "amqp1", "anypointmq", "jms", "stomp", "redis", "ibmmq", "googlepubsub"),
	levelMessage:   set("ws", "amqp1", "nats", "sns", "sqs", "stomp", "redis", "solace"),
}

func set(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// checkBindings checks one bindings object (n may be nil).
func (c *checker) checkBindings(n *yaml.Node, p path, level bindingLevel) {
	if _, isRef := refOf(n); isRef || !isMap(n) {
		return // components.<level>Bindings entries are checked in place
	}
	for _, kv := range pairs(n) {
		bp := p.add(kv.key)
		if strings.HasPrefix(kv.key, "x-") {
			continue
		}
		if !knownBindings[kv.key] {
			c.add(kv.keyN, bp, "unknown binding %q (AsyncAPI 3.0 bindings are http, ws, amqp, amqp1, mqtt, kafka, anypointmq, nats, jms, sns, sqs, stomp, redis, ibmmq, solace, googlepubsub, pulsar; there is no tcp/udp/ip binding)", kv.key)
			continue
		}
		if reservedBindings[level][kv.key] {
			for _, f := range pairs(kv.value) {
				if f.key != "bindingVersion" && !strings.HasPrefix(f.key, "x-") {
					c.add(f.keyN, bp.add(f.key), "%s %s binding is reserved and has no fields: %q is not allowed (only bindingVersion and x- extensions)", kv.key, level, f.key)
				}
			}
		}
		if kv.key == "kafka" && level == levelOperation {
			// The parser lets a plain string through; 0.5.0 wants Schemas.
			for _, f := range []string{"groupId", "clientId"} {
				if v := get(kv.value, f); v != nil && !isMap(v) {
					c.add(v, bp.add(f), "kafka %s must be a Schema object like {type: string, enum: [%s]}, not a plain value", f, v.Value)
				}
			}
		}
	}
}
