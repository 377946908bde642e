package protocols

// MQTT is MQTT 3.1.1 as AsyncAPI's mqtt bindings (0.2.0) write it.
var MQTT = &Protocol{
	Name:            "mqtt",
	BindingVersion:  "0.2.0",
	HostVariable:    "mqttBroker",
	HostDescription: "MQTT broker (host:port); the code does not name it as a constant.",
	Wildcards:       &Wildcards{Single: "+", Multi: "#", Separator: "/"},
	// AsyncAPI's mqtt channel binding has no fields; the operation
	// binding has qos and retain (and messageExpiryInterval, MQTT 5).
	OperationBinding: []BindingField{
		{Name: "qos", Setting: mqttQoS, Type: Integer},
		{Name: "retain", Setting: mqttRetain, Type: Boolean},
	},
}

// MQTT5 is MQTT 5: protocol mqtt, protocolVersion 5, on a server of its
// own.
var MQTT5 = &Protocol{
	Name:            "mqtt",
	ServerName:      "mqtt5",
	ProtocolVersion: "5",
	BindingVersion:  "0.2.0",
	HostVariable:    "mqtt5Broker",
	HostDescription: "MQTT 5 broker (host:port); the code does not name it as a constant.",
	Wildcards:       &Wildcards{Single: "+", Multi: "#", Separator: "/"},
	OperationBinding: []BindingField{
		{Name: "qos", Setting: mqttQoS, Type: Integer},
		{Name: "retain", Setting: mqttRetain, Type: Boolean},
		{Name: "messageExpiryInterval", Setting: mqttMessageExpiry, Type: Integer},
	},
	// The PUBLISH properties of MQTT 5 (correlationData is a Schema in
	// the binding: a constant one is written as an enum of one).
	MessageBinding: []BindingField{
		{Name: "payloadFormatIndicator", Setting: mqttPayloadFormat, Type: Integer},
		{Name: "correlationData", Setting: mqttCorrelationData, Type: EnumSchema},
		{Name: "contentType", Setting: mqttContentType, Type: String},
		{Name: "responseTopic", Setting: mqttResponseTopic, Type: String},
	},
}

// The MQTT settings (the binding fields they fill).
const (
	mqttQoS             Setting = "qos"
	mqttRetain          Setting = "retain"
	mqttMessageExpiry   Setting = "messageExpiryInterval"
	mqttPayloadFormat   Setting = "payloadFormatIndicator"
	mqttCorrelationData Setting = "correlationData"
	mqttContentType     Setting = "contentType"
	mqttResponseTopic   Setting = "responseTopic"
)

// mqttWill marks the operation of a will (last will and testament)
// message: the client declares it when it connects, and the broker
// publishes it on the client's behalf when the client goes away without
// disconnecting. Subscribers receive it as any other message on its
// topic, so it is a send operation of the client.
var mqttWill = map[string]string{
	"x-mqtt-will": "published by the broker on this client's behalf when the client disconnects ungracefully",
}

const pahoMQTT = "github.com/eclipse/paho.mqtt.golang"

// PahoMQTT is github.com/eclipse/paho.mqtt.golang (MQTT 3.1.1).
//
// A Client is made by mqtt.NewClient(opts) from ClientOptions built with
// chained setters (mqtt.NewClientOptions().AddBroker(url).SetClientID(id)):
// every setter is a Constructor that passes the "Broker" of its receiver
// on, and AddBroker sets it.
var PahoMQTT = &Library{
	Name:     "eclipse/paho.mqtt.golang",
	Path:     pahoMQTT,
	Protocol: MQTT,
	Calls: map[string]Call{
		// Publish(topic, qos, retained, payload): payload is a []byte,
		// a string or a bytes.Buffer.
		"(" + pahoMQTT + ".Client).Publish": {
			Action:  Send,
			Address: []Path{Arg(0)},
			Payload: Arg(3),
			Settings: map[Setting]Path{
				SettingBroker: Recv("Broker"),
				mqttQoS:       Arg(1),
				mqttRetain:    Arg(2),
			},
		},
		// Subscribe(topic, qos, callback): the callback gets
		// (Client, Message); Message.Payload() is the payload.
		"(" + pahoMQTT + ".Client).Subscribe": pahoMQTTReceive(Arg(0), Arg(2), Arg(1)),
		// SubscribeMultiple(filters map[string]byte, callback): the
		// filters are the keys of the map.
		"(" + pahoMQTT + ".Client).SubscribeMultiple": pahoMQTTReceive(Arg(0, "[keys]"), Arg(1), Path{}),
		// AddRoute(topic, callback) routes the messages of a topic to
		// a callback without subscribing (retained messages, resumed
		// sessions, parts of a wildcard subscription).
		"(" + pahoMQTT + ".Client).AddRoute": pahoMQTTReceive(Arg(0), Arg(1), Path{}),
		// The will message.
		"(*" + pahoMQTT + ".ClientOptions).SetWill":       pahoMQTTWill,
		"(*" + pahoMQTT + ".ClientOptions).SetBinaryWill": pahoMQTTWill,
	},
	Constructors: pahoMQTTConstructors(),
	// opts.AddBroker(url) as a statement sets the options' broker.
	Setters: map[string]Setter{
		"(*" + pahoMQTT + ".ClientOptions).AddBroker": {Field: "Broker", Value: Arg(0)},
	},
}

// pahoMQTTReceive is a paho.mqtt.golang subscription of the filter at
// topic whose messages go to the MessageHandler at handler; qos, if set,
// is its QoS.
func pahoMQTTReceive(topic, handler, qos Path) Call {
	settings := map[Setting]Path{SettingBroker: Recv("Broker")}
	if !qos.IsZero() {
		settings[mqttQoS] = qos
	}
	return Call{
		Action:   Receive,
		Address:  []Path{topic},
		Handler:  &Handler{Func: handler, Arg: 1},
		Payload:  Msg("Payload()"),
		Topic:    Msg("Topic()"),
		Settings: settings,
	}
}

// pahoMQTTWill is SetWill(topic, payload, qos, retained) and
// SetBinaryWill.
var pahoMQTTWill = Call{
	Action:  Send,
	Address: []Path{Arg(0)},
	Payload: Arg(1),
	Settings: map[Setting]Path{
		SettingBroker: Recv("Broker"),
		mqttQoS:       Arg(2),
		mqttRetain:    Arg(3),
	},
	Extensions: mqttWill,
}

// pahoMQTTSetters are the methods of *ClientOptions that return their
// receiver, for chaining.
var pahoMQTTSetters = []string{
	"SetResumeSubs", "SetClientID", "SetUsername", "SetPassword", "SetCredentialsProvider",
	"SetCleanSession", "SetOrderMatters", "SetTLSConfig", "SetStore", "SetKeepAlive",
	"SetPingTimeout", "SetProtocolVersion", "UnsetWill", "SetWill", "SetBinaryWill",
	"SetDefaultPublishHandler", "SetOnConnectHandler", "SetConnectionLostHandler",
	"SetReconnectingHandler", "SetConnectionAttemptHandler", "SetConnectionNotificationHandler",
	"SetWriteTimeout", "SetConnectTimeout", "SetMaxReconnectInterval", "SetAutoReconnect",
	"SetConnectRetryInterval", "SetConnectRetry", "SetMessageChannelDepth", "SetHTTPHeaders",
	"SetWebsocketOptions", "SetMaxResumePubInFlight", "SetDialer", "SetCustomOpenConnectionFn",
	"SetAutoAckDisabled",
}

func pahoMQTTConstructors() map[string]Constructor {
	opts := "(*" + pahoMQTT + ".ClientOptions)."
	ctors := map[string]Constructor{
		// The Client keeps the broker of its options.
		pahoMQTT + ".NewClient": {Fields: map[string]Path{"Broker": Arg(0, "Broker")}},
		// AddBroker("tcp://host:1883") (the emitter strips the scheme).
		opts + "AddBroker": {Fields: map[string]Path{"Broker": Arg(0)}},
	}
	for _, m := range pahoMQTTSetters {
		ctors[opts+m] = Constructor{Fields: map[string]Path{"Broker": Recv("Broker")}}
	}
	return ctors
}

const (
	pahoPkg     = "github.com/eclipse/paho.golang/paho"
	autopahoPkg = "github.com/eclipse/paho.golang/autopaho"
)

// PahoGolang is github.com/eclipse/paho.golang's paho package (MQTT 5).
//
// Received messages go to the OnPublishReceived callbacks of the
// ClientConfig the Client was made with (func(paho.PublishReceived)
// (bool, error), the message is PublishReceived.Packet), whatever
// subscription they match: a Subscribe is the receive operation of its
// filters and takes its payloads from those callbacks. Handlers
// registered with a StandardRouter for a filter are receive operations
// of their own.
var PahoGolang = &Library{
	Name:     "eclipse/paho.golang",
	Path:     pahoPkg,
	Protocol: MQTT5,
	Calls: map[string]Call{
		"(*" + pahoPkg + ".Client).Publish":                 pahoPublish(Arg(1), nil),
		"(*" + pahoPkg + ".Client).PublishWithOptions":      pahoPublish(Arg(1), nil),
		"(*" + pahoPkg + ".Client).Subscribe":               pahoSubscribe(nil),
		"(*" + pahoPkg + ".StandardRouter).RegisterHandler": pahoRoute,
		"(" + pahoPkg + ".Router).RegisterHandler":          pahoRoute,
	},
	Constructors: map[string]Constructor{
		pahoPkg + ".NewClient": {Fields: map[string]Path{
			"OnPublishReceived": Arg(0, "OnPublishReceived"),
		}},
	},
}

// AutoPaho is github.com/eclipse/paho.golang's autopaho package (MQTT 5):
// a ConnectionManager made by autopaho.NewConnection(ctx, cfg) publishes
// and subscribes as a paho.Client does; its messages go to the
// OnPublishReceived callbacks of cfg.ClientConfig.
var AutoPaho = &Library{
	Name:     "eclipse/paho.golang/autopaho",
	Path:     autopahoPkg,
	Protocol: MQTT5,
	Calls: map[string]Call{
		"(*" + autopahoPkg + ".ConnectionManager).Publish": pahoPublish(Arg(1), autopahoBroker),
		// PublishViaQueue(ctx, &autopaho.QueuePublish{Publish: &paho.Publish{...}}).
		"(*" + autopahoPkg + ".ConnectionManager).PublishViaQueue": pahoPublish(Arg(1, "Publish"), autopahoBroker),
		"(*" + autopahoPkg + ".ConnectionManager).Subscribe":       pahoSubscribe(autopahoBroker),
		// cfg.SetWillMessage(topic, payload, qos, retain).
		"(*" + autopahoPkg + ".ClientConfig).SetWillMessage": {
			Action:  Send,
			Address: []Path{Arg(0)},
			Payload: Arg(1),
			Settings: map[Setting]Path{
				mqttQoS:    Arg(2),
				mqttRetain: Arg(3),
			},
			Extensions: mqttWill,
		},
	},
	Constructors: map[string]Constructor{
		autopahoPkg + ".NewConnection": {Fields: map[string]Path{
			"OnPublishReceived": Arg(1, "ClientConfig", "OnPublishReceived"),
			// ServerUrls: []*url.URL{u} with u, _ := url.Parse("mqtt://host:1883").
			"Broker": Arg(1, "ServerUrls", "[]", "net/url.Parse(0)"),
		}},
	},
}

// autopahoBroker is where a ConnectionManager's broker comes from.
var autopahoBroker = map[Setting]Path{SettingBroker: Recv("Broker")}

// pahoPublish is a Publish of the *paho.Publish at msg.
func pahoPublish(msg Path, extra map[Setting]Path) Call {
	settings := map[Setting]Path{
		mqttQoS:           pathWith(msg, "QoS"),
		mqttRetain:        pathWith(msg, "Retain"),
		mqttMessageExpiry: pathWith(msg, "Properties", "MessageExpiry"),
	}
	for k, v := range extra {
		settings[k] = v
	}
	return Call{
		Action:   Send,
		Message:  msg,
		Address:  []Path{Msg("Topic")},
		Payload:  Msg("Payload"),
		Settings: settings,
		MessageSettings: map[Setting]Path{
			mqttContentType:     Msg("Properties", "ContentType"),
			mqttResponseTopic:   Msg("Properties", "ResponseTopic"),
			mqttCorrelationData: Msg("Properties", "CorrelationData"),
			mqttPayloadFormat:   Msg("Properties", "PayloadFormat"),
		},
	}
}

// pahoSubscribe is Subscribe(ctx, &paho.Subscribe{Subscriptions:
// []paho.SubscribeOptions{{Topic: filter, QoS: q}}}): one channel per
// subscription, the payloads those the client's OnPublishReceived
// callbacks decode from PublishReceived.Packet.Payload.
func pahoSubscribe(extra map[Setting]Path) Call {
	settings := map[Setting]Path{mqttQoS: Arg(1, "Subscriptions", "[]", "QoS")}
	for k, v := range extra {
		settings[k] = v
	}
	return Call{
		Action:   Receive,
		Address:  []Path{Arg(1, "Subscriptions", "[]", "Topic")},
		Handler:  &Handler{Func: Recv("OnPublishReceived", "[]"), Arg: 0},
		Payload:  Msg("Packet", "Payload"),
		Topic:    Msg("Packet", "Topic"),
		Settings: settings,
	}
}

// pahoRoute is RegisterHandler(filter, func(*paho.Publish)).
var pahoRoute = Call{
	Action:  Receive,
	Address: []Path{Arg(0)},
	Handler: &Handler{Func: Arg(1), Arg: 0},
	Payload: Msg("Payload"),
	Topic:   Msg("Topic"),
}
