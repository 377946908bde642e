package protocols

// NATS is NATS core and JetStream as AsyncAPI's nats bindings (0.1.0)
// write them: a queue group in the operation binding; subjects with
// wildcards become parameters.
var NATS = &Protocol{
	Name:            "nats",
	BindingVersion:  "0.1.0",
	HostVariable:    "natsServer",
	HostDescription: "The NATS server (host:port); the code does not name it as a constant.",
	Wildcards:       &Wildcards{Single: "*", Multi: ">", Separator: "."},
	// AsyncAPI's nats server, channel and message bindings have no
	// fields; the operation binding has the queue group.
	OperationBinding: []BindingField{
		{Name: "queue", Setting: natsQueue, Type: String},
	},
}

// natsQueue is the queue group of a subscription.
const natsQueue Setting = "queue"

const (
	natsGo  = "github.com/nats-io/nats.go"
	natsJS  = "github.com/nats-io/nats.go/jetstream"
	natsMsg = "(*" + natsGo + ".Msg)."
)

// NatsGo is github.com/nats-io/nats.go (core NATS and the JetStream
// context of that package).
//
// A *nats.Conn is made by nats.Connect(url): its "Broker" is the URL.
// Messages are *nats.Msg{Subject, Data, Header}; a subscription's
// messages go to a MsgHandler (func(*nats.Msg)), to a channel of
// *nats.Msg, or are pulled with (*Subscription).NextMsg (and, for a
// JetStream pull subscription, Fetch).
var NatsGo = &Library{
	Name:     "nats-io/nats.go",
	Path:     natsGo,
	Protocol: NATS,
	Calls:    natsGoCalls(),
	// A reply to a request: msg.Respond(b) in a subscription's handler.
	Writes: map[string]Codec{
		"(*" + natsGo + ".Msg).Respond":    rawWrite(Recv(), Arg(0)),
		"(*" + natsGo + ".Msg).RespondMsg": rawWrite(Recv(), Arg(0, "Data")),
	},
	Constructors: map[string]Constructor{
		natsGo + ".Connect": {Fields: map[string]Path{"Broker": Arg(0)}},
		// The JetStream context publishes through its connection.
		"(*" + natsGo + ".Conn).JetStream": {Fields: map[string]Path{"Broker": Recv("Broker")}},
		// The deprecated EncodedConn wraps a Conn.
		natsGo + ".NewEncodedConn": {Fields: map[string]Path{"Broker": Arg(0, "Broker")}},
	},
}

func natsGoCalls() map[string]Call {
	conn := "(*" + natsGo + ".Conn)."
	js := "(" + natsGo + ".JetStream)."
	enc := "(*" + natsGo + ".EncodedConn)."
	calls := map[string]Call{
		conn + "Publish":        natsPublish(Arg(0), Arg(1)),
		conn + "PublishRequest": natsPublish(Arg(0), Arg(2)),
		conn + "PublishMsg":     natsPublishMsg(Arg(0)),
		// A request is a send whose reply is the Data of the *Msg it
		// returns.
		conn + "Request":               natsRequest(natsPublish(Arg(0), Arg(1))),
		conn + "RequestWithContext":    natsRequest(natsPublish(Arg(1), Arg(2))),
		conn + "RequestMsg":            natsRequest(natsPublishMsg(Arg(0))),
		conn + "RequestMsgWithContext": natsRequest(natsPublishMsg(Arg(1))),

		conn + "Subscribe":                  natsHandler(Arg(0), Arg(1), Path{}),
		conn + "QueueSubscribe":             natsHandler(Arg(0), Arg(2), Arg(1)),
		conn + "ChanSubscribe":              natsChan(Arg(0), Arg(1), Path{}),
		conn + "ChanQueueSubscribe":         natsChan(Arg(0), Arg(2), Arg(1)),
		conn + "QueueSubscribeSyncWithChan": natsChan(Arg(0), Arg(2), Arg(1)),
		conn + "SubscribeSync":              natsSync(Arg(0), Path{}),
		conn + "QueueSubscribeSync":         natsSync(Arg(0), Arg(1)),

		// The JetStream context (legacy API): publishes are acknowledged
		// by the stream (the PubAck is no reply of the subscribers).
		js + "Publish":            natsPublish(Arg(0), Arg(1)),
		js + "PublishAsync":       natsPublish(Arg(0), Arg(1)),
		js + "PublishMsg":         natsPublishMsg(Arg(0)),
		js + "PublishMsgAsync":    natsPublishMsg(Arg(0)),
		js + "Subscribe":          natsHandler(Arg(0), Arg(1), Path{}),
		js + "QueueSubscribe":     natsHandler(Arg(0), Arg(2), Arg(1)),
		js + "ChanSubscribe":      natsChan(Arg(0), Arg(1), Path{}),
		js + "ChanQueueSubscribe": natsChan(Arg(0), Arg(2), Arg(1)),
		js + "SubscribeSync":      natsSync(Arg(0), Path{}),
		js + "QueueSubscribeSync": natsSync(Arg(0), Arg(1)),
		// A pull subscription's messages are fetched in batches.
		js + "PullSubscribe": {
			Action:  Receive,
			Address: []Path{Arg(0)},
			Message: Result(0, "Fetch()", "[]"),
			Messages: []Path{
				Result(0, "FetchBatch()", "Messages()", "<-"),
			},
			Payload:  Msg("Data"),
			Topic:    Msg("Subject"),
			Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
		},

		// The deprecated EncodedConn: the message is the Go value
		// itself, encoded by the connection's encoder. Its users pick
		// nats.JSON_ENCODER; a GOB or protobuf encoder is described by
		// the JSON schema of the same Go type.
		enc + "Publish": {
			Action:   Send,
			Address:  []Path{Arg(0)},
			Payload:  Arg(1),
			Encodes:  &natsJSON,
			Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
		},
	}
	return calls
}

// natsJSON is the encoding of an EncodedConn.
var natsJSON = jsonCodec(Path{}, Path{})

// natsPublish is a publish of the bytes at data to the subject at subj.
func natsPublish(subj, data Path) Call {
	return Call{
		Action:   Send,
		Address:  []Path{subj},
		Payload:  data,
		Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
	}
}

// natsPublishMsg is a publish of the *nats.Msg at msg.
func natsPublishMsg(msg Path) Call {
	return Call{
		Action:   Send,
		Message:  msg,
		Address:  []Path{Msg("Subject")},
		Payload:  Msg("Data"),
		Headers:  HeaderList{List: Msg("Header"), Map: true},
		Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
	}
}

// natsRequest makes a publish a request: its reply is the Data of the
// *nats.Msg the call returns.
func natsRequest(c Call) Call {
	c.Reply = &Reply{Payload: Result(0, "Data")}
	return c
}

// natsHandler is a subscription of the subject at subj whose messages go
// to the MsgHandler at handler; queue, if set, is its queue group. What
// the handler answers with m.Respond(b) is the operation's reply.
func natsHandler(subj, handler, queue Path) Call {
	return Call{
		Action:   Receive,
		Address:  []Path{subj},
		Handler:  &Handler{Func: handler, Arg: 0},
		Reply:    &Reply{Handler: &Handler{Func: handler, Arg: 0}, Payload: Msg("encoded")},
		Payload:  Msg("Data"),
		Topic:    Msg("Subject"),
		Settings: natsSettings(queue),
	}
}

// natsChan is a subscription whose messages are sent on the channel at
// ch.
func natsChan(subj, ch, queue Path) Call {
	return Call{
		Action:   Receive,
		Address:  []Path{subj},
		Message:  pathWith(ch, "<-"),
		Payload:  Msg("Data"),
		Topic:    Msg("Subject"),
		Settings: natsSettings(queue),
	}
}

// natsSync is a synchronous subscription: its messages are the results
// of NextMsg on the *Subscription it returns.
func natsSync(subj, queue Path) Call {
	return Call{
		Action:   Receive,
		Address:  []Path{subj},
		Message:  Result(0, "NextMsg()"),
		Messages: []Path{Result(0, "NextMsgWithContext()")},
		Reply:    &Reply{Payload: Result(0, "NextMsg()", "encoded")},
		Payload:  Msg("Data"),
		Topic:    Msg("Subject"),
		Settings: natsSettings(queue),
	}
}

func natsSettings(queue Path) map[Setting]Path {
	s := map[Setting]Path{SettingBroker: Recv("Broker")}
	if !queue.IsZero() {
		s[natsQueue] = queue
	}
	return s
}

// JetStream is github.com/nats-io/nats.go/jetstream, the newer JetStream
// API.
//
// jetstream.New(nc) publishes through nc. Messages are read from a
// Consumer, made by CreateConsumer (and its variants) of a JetStream or
// of a Stream: the consumer's subjects are its ConsumerConfig's
// FilterSubject or FilterSubjects or, with no filter, the subjects of
// the stream it was made from (StreamConfig.Subjects of CreateStream).
// The Consumer delivers jetstream.Msg values, whose Data() is the
// payload: to a MessageHandler (Consume), from Messages().Next(), Next()
// and the Messages() channel of a Fetch batch.
var JetStream = &Library{
	Name:         "nats-io/nats.go/jetstream",
	Path:         natsJS,
	Protocol:     NATS,
	Calls:        jetStreamCalls(),
	Constructors: jetStreamConstructors(),
}

func jetStreamCalls() map[string]Call {
	pub := "(" + natsJS + ".Publisher)."
	cons := "(" + natsJS + ".Consumer)."
	push := "(" + natsJS + ".PushConsumer)."
	consume := Call{
		Action:   Receive,
		Address:  jsConsumerAddress,
		Handler:  &Handler{Func: Arg(0), Arg: 0},
		Payload:  Msg("Data()"),
		Topic:    Msg("Subject()"),
		Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
	}
	pulled := func(msg Path) Call {
		return Call{
			Action:   Receive,
			Address:  jsConsumerAddress,
			Message:  msg,
			Payload:  Msg("Data()"),
			Topic:    Msg("Subject()"),
			Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
		}
	}
	return map[string]Call{
		pub + "Publish":         natsPublish(Arg(1), Arg(2)),
		pub + "PublishMsg":      natsPublishMsg(Arg(1)),
		pub + "PublishAsync":    natsPublish(Arg(0), Arg(1)),
		pub + "PublishMsgAsync": natsPublishMsg(Arg(0)),

		cons + "Consume":     consume,
		push + "Consume":     consume,
		cons + "Messages":    pulled(Result(0, "Next()")),
		cons + "Next":        pulled(Result(0)),
		cons + "Fetch":       pulled(Result(0, "Messages()", "<-")),
		cons + "FetchBytes":  pulled(Result(0, "Messages()", "<-")),
		cons + "FetchNoWait": pulled(Result(0, "Messages()", "<-")),
	}
}

// jsConsumerAddress is where a Consumer's subjects come from: its filter,
// else the subjects of its stream.
var jsConsumerAddress = []Path{Recv("FilterSubject"), Recv("FilterSubjects"), Recv("Subjects")}

func jetStreamConstructors() map[string]Constructor {
	newJS := Constructor{Fields: map[string]Path{"Broker": Arg(0, "Broker")}}
	ctors := map[string]Constructor{
		natsJS + ".New":              newJS,
		natsJS + ".NewWithAPIPrefix": newJS,
		natsJS + ".NewWithDomain":    newJS,
	}
	// Streams keep their subjects.
	for _, m := range []string{"CreateStream", "CreateOrUpdateStream", "UpdateStream"} {
		ctors["("+natsJS+".StreamManager)."+m] = Constructor{Fields: map[string]Path{
			"Subjects": Arg(1, "Subjects"),
			"Broker":   Recv("Broker"),
		}}
	}
	ctors["("+natsJS+".StreamManager).Stream"] = Constructor{Fields: map[string]Path{"Broker": Recv("Broker")}}
	// Consumers keep their filter: JetStream's methods take the stream
	// name first, a Stream's the config directly.
	for _, m := range []string{"CreateConsumer", "CreateOrUpdateConsumer", "UpdateConsumer",
		"CreateOrUpdatePushConsumer", "OrderedConsumer"} {
		ctors["("+natsJS+".StreamConsumerManager)."+m] = jsConsumerCtor(Arg(2), m == "OrderedConsumer", false)
		ctors["("+natsJS+".ConsumerManager)."+m] = jsConsumerCtor(Arg(1), m == "OrderedConsumer", true)
	}
	for _, m := range []string{"Consumer", "PushConsumer"} {
		ctors["("+natsJS+".StreamConsumerManager)."+m] = Constructor{Fields: map[string]Path{"Broker": Recv("Broker")}}
		ctors["("+natsJS+".ConsumerManager)."+m] = Constructor{Fields: map[string]Path{
			"Subjects": Recv("Subjects"),
			"Broker":   Recv("Broker"),
		}}
	}
	return ctors
}

// jsConsumerCtor is a consumer made from the config at cfg; ordered
// consumers have FilterSubjects only; a stream's consumer inherits the
// stream's subjects.
func jsConsumerCtor(cfg Path, ordered, ofStream bool) Constructor {
	f := map[string]Path{
		"FilterSubjects": pathWith(cfg, "FilterSubjects"),
		"Broker":         Recv("Broker"),
	}
	if !ordered {
		f["FilterSubject"] = pathWith(cfg, "FilterSubject")
	}
	if ofStream {
		f["Subjects"] = Recv("Subjects")
	}
	return Constructor{Fields: f}
}
