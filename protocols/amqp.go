package protocols

// AMQP is AMQP 0-9-1 as AsyncAPI's amqp bindings (0.3.0) write it.
//
// A publish is a channel addressed by its routing key ("routingKey"
// kind: is routingKey, the exchange's name and, when the code declares
// it, its type and flags); a consume is a channel addressed by the queue
// it reads ("queue" kind: is queue, the queue's name and, when declared,
// its flags; the queue's bindings are listed as x-amqp-bindings).
//
// The default exchange, which routes a message to the queue its routing
// key names, is written as it is in the code: exchange name "" (the
// bindings have no other way to name it; no declaration gives it a
// type, so the channel says name "" and no type).
var AMQP = &Protocol{
	Name:            "amqp",
	BindingVersion:  "0.3.0",
	HostVariable:    "amqpBroker",
	HostDescription: "AMQP broker (host:port); the code does not name it as a constant.",
	ChannelBinding: map[string][]BindingField{
		amqpRoutingKey: {
			{Name: "is", Type: Const, Const: amqpRoutingKey},
			{Name: "exchange.name", Setting: amqpExchange},
			{Name: "exchange.type", Setting: amqpExchangeType, Enum: []string{"topic", "direct", "fanout", "default", "headers"}},
			{Name: "exchange.durable", Setting: amqpExchangeDurable, Type: Boolean},
			{Name: "exchange.autoDelete", Setting: amqpExchangeAutoDelete, Type: Boolean},
		},
		amqpQueue: {
			{Name: "is", Type: Const, Const: amqpQueue},
			{Name: "queue.name", Setting: amqpQueue},
			{Name: "queue.durable", Setting: amqpQueueDurable, Type: Boolean},
			{Name: "queue.exclusive", Setting: amqpQueueExclusive, Type: Boolean},
			{Name: "queue.autoDelete", Setting: amqpQueueAutoDelete, Type: Boolean},
		},
	},
	OperationBinding: []BindingField{
		{Name: "expiration", Setting: "expiration", Type: Integer},
		{Name: "userId", Setting: "userId"},
		{Name: "priority", Setting: "priority", Type: Integer},
		{Name: "deliveryMode", Setting: "deliveryMode", Type: Integer, Enum: []string{"1", "2"}},
		{Name: "mandatory", Setting: "mandatory", Type: Boolean},
		// The 0.3.0 operation binding has no replyTo (0.2.0 had); the
		// binding object allows extensions.
		{Name: "x-replyTo", Setting: "replyTo"},
	},
	MessageBinding: []BindingField{
		{Name: "contentEncoding", Setting: "contentEncoding"},
		{Name: "messageType", Setting: "messageType"},
	},
}

// The AMQP channel kinds and the settings the channel bindings are made
// of. "exchange" and "queue" are also declaration kinds: a channel whose
// exchange (queue) setting names a declared exchange (queue) gets the
// declaration's settings.
const (
	amqpRoutingKey = "routingKey"
	amqpQueue      = "queue"

	amqpExchange           Setting = "exchange"
	amqpExchangeType       Setting = "exchangeType"
	amqpExchangeDurable    Setting = "exchangeDurable"
	amqpExchangeAutoDelete Setting = "exchangeAutoDelete"

	amqpQueueName       Setting = "queue"
	amqpQueueDurable    Setting = "queueDurable"
	amqpQueueExclusive  Setting = "queueExclusive"
	amqpQueueAutoDelete Setting = "queueAutoDelete"
)

// AMQP091 is github.com/rabbitmq/amqp091-go.
var AMQP091 = amqpLibrary("rabbitmq/amqp091-go", "github.com/rabbitmq/amqp091-go", map[string]int{
	"Publish":                               0,
	"PublishWithContext":                    1,
	"PublishWithDeferredConfirm":            0,
	"PublishWithDeferredConfirmWithContext": 1,
}, map[string]int{
	"Consume":            0,
	"ConsumeWithContext": 1,
})

// StreadwayAMQP is github.com/streadway/amqp, amqp091-go's predecessor
// (the same API, without the context and deferred-confirm variants).
var StreadwayAMQP = amqpLibrary("streadway/amqp", "github.com/streadway/amqp", map[string]int{
	"Publish": 0,
}, map[string]int{
	"Consume": 0,
})

// amqpLibrary is the table of an AMQP 0-9-1 client at import path pkg,
// whose *Channel has the publish and consume methods given (see
// amqpCalls).
func amqpLibrary(name, pkg string, publish, consume map[string]int) *Library {
	channel := "(*" + pkg + ".Channel)."
	return &Library{
		Name:         name,
		Path:         pkg,
		Protocol:     AMQP,
		Calls:        amqpCalls(channel, publish, consume),
		Constructors: amqpConstructors(channel),
		Declarations: amqpDeclarations(channel),
	}
}

// amqpCalls builds the calls of a Channel, whose methods' names start
// with channel: publish methods and consume methods by name, each with
// the index of its first argument after an optional context (exchange,
// key, mandatory, immediate, msg; queue, consumer, autoAck, ...), and
// Get.
func amqpCalls(channel string, publish, consume map[string]int) map[string]Call {
	calls := make(map[string]Call)
	for name, i := range publish {
		calls[channel+name] = amqpPublish(i)
	}
	for name, i := range consume {
		calls[channel+name] = amqpConsume(i, Result(0, "<-"))
	}
	calls[channel+"Get"] = amqpConsume(0, Result(0))
	return calls
}

// amqpPublish is a publish whose exchange is argument i: the channel is
// the routing key (i+1), on that exchange; the Publishing (i+4) holds the
// payload, headers and the per-message properties.
func amqpPublish(i int) Call {
	msg := i + 4
	return Call{
		Action:  Send,
		Message: Arg(msg),
		Address: []Path{Arg(i + 1)},
		Payload: Msg("Body"),
		Headers: HeaderList{List: Msg("Headers"), Map: true},
		Settings: map[Setting]Path{
			amqpExchange:   Arg(i),
			"mandatory":    Arg(i + 2),
			"deliveryMode": Arg(msg, "DeliveryMode"),
			"priority":     Arg(msg, "Priority"),
			"expiration":   Arg(msg, "Expiration"),
			"userId":       Arg(msg, "UserId"),
			"replyTo":      Arg(msg, "ReplyTo"),
		},
		MessageSettings: map[Setting]Path{
			"contentEncoding": Msg("ContentEncoding"),
			"messageType":     Msg("Type"),
		},
		ChannelKind: amqpRoutingKey,
	}
}

// amqpConsume is a receive from the queue that is argument i; msg
// locates the deliveries (a channel of them, or Get's one).
func amqpConsume(i int, msg Path) Call {
	return Call{
		Action:      Receive,
		Message:     msg,
		Address:     []Path{Arg(i)},
		Payload:     Msg("Body"),
		Settings:    map[Setting]Path{amqpQueueName: Arg(i)},
		ChannelKind: amqpQueue,
	}
}

// amqpConstructors: a Queue's Name is the name it was declared with
// (q, _ := ch.QueueDeclare("tasks", ...); ch.Consume(q.Name, ...)).
func amqpConstructors(channel string) map[string]Constructor {
	queue := Constructor{Fields: map[string]Path{"Name": Arg(0)}}
	return map[string]Constructor{
		channel + "QueueDeclare":        queue,
		channel + "QueueDeclarePassive": queue,
		channel + "QueueInspect":        queue,
	}
}

// amqpDeclarations: exchanges and queues, whose type and flags complete
// the channels that name them, and queue bindings, listed on the queue's
// channel.
func amqpDeclarations(channel string) map[string]Declaration {
	exchange := Declaration{Kind: string(amqpExchange), Name: Arg(0), Settings: map[Setting]Path{
		amqpExchangeType:       Arg(1),
		amqpExchangeDurable:    Arg(2),
		amqpExchangeAutoDelete: Arg(3),
	}}
	queue := Declaration{Kind: string(amqpQueueName), Name: Arg(0), Settings: map[Setting]Path{
		amqpQueueDurable:    Arg(1),
		amqpQueueAutoDelete: Arg(2),
		amqpQueueExclusive:  Arg(3),
	}}
	return map[string]Declaration{
		channel + "ExchangeDeclare":        exchange,
		channel + "ExchangeDeclarePassive": exchange,
		channel + "QueueDeclare":           queue,
		channel + "QueueDeclarePassive":    queue,
		channel + "QueueBind": {Kind: "binding", Name: Arg(0), Settings: map[Setting]Path{
			"routingKey": Arg(1),
			"exchange":   Arg(2),
		}},
	}
}
