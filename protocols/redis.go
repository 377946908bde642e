package protocols

// Redis is Redis pub/sub and streams. AsyncAPI's redis bindings have no
// fields; the command goes into the operation's x-redis-command.
//
// A channel's address is the pub/sub channel or the stream key. A
// PSUBSCRIBE pattern ("orders.*") is written as it is: Redis glob
// patterns ("*" matches any characters, dots included; "?" one; "[ae]"
// a set) do not split into levels the way MQTT or NATS filters do, so
// they are not turned into parameters; the operation's x-redis-command
// (PSUBSCRIBE) says its address is a pattern.
var Redis = &Protocol{
	Name:            "redis",
	HostVariable:    "redisHost",
	HostDescription: "The Redis server (host:port); the code does not name it as a constant.",
}

// redisCommand is the x-redis-command extension of an operation.
func redisCommand(cmd string) map[string]string {
	return map[string]string{"x-redis-command": cmd}
}

// GoRedisV9 is github.com/redis/go-redis/v9.
var GoRedisV9 = goRedisLibrary("redis/go-redis/v9", "github.com/redis/go-redis/v9", true)

// GoRedisV8 is github.com/go-redis/redis/v8.
var GoRedisV8 = goRedisLibrary("go-redis/redis/v8", "github.com/go-redis/redis/v8", false)

// goRedisLibrary is the table of go-redis at import path pkg (v8 and v9
// have the same API; sharded says the release has SPUBLISH and
// SSUBSCRIBE, which v8 has not).
//
// Commands are methods of the unexported cmdable, which *Client,
// *ClusterClient, *Ring (that one has a Publish of its own), *Tx and
// the pipelines embed; code that holds a redis.UniversalClient,
// redis.Cmdable or redis.Pipeliner calls them through the interface
// that declares them (PubSubCmdable and StreamCmdable in v9, Cmdable in
// v8). Subscribe, PSubscribe and SSubscribe are methods of each client
// type and of UniversalClient; a *PubSub can subscribe to more
// channels. The messages of a subscription come from the *PubSub it
// returns: Channel() (a channel of *Message), ReceiveMessage(ctx), or
// Receive(ctx) (an interface{} that a type switch makes a *Message);
// Message.Payload is a string.
func goRedisLibrary(name, pkg string, sharded bool) *Library {
	method := func(typ, m string) string { return "(" + typ + ")." + m }
	ptr := func(typ string) string { return "*" + pkg + "." + typ }
	val := func(typ string) string { return pkg + "." + typ }
	broker := map[Setting]Path{SettingBroker: Recv("Addr")}

	// Publish(ctx, channel, message interface{}): the message is a
	// string, []byte, number, or an encoding.BinaryMarshaler.
	publish := func(cmd string) Call {
		return Call{
			Action:     Send,
			Address:    []Path{Arg(1)},
			Payload:    Arg(2),
			ByteMethod: "MarshalBinary",
			Settings:   broker,
			Extensions: redisCommand(cmd),
		}
	}
	// The messages of the *PubSub at ps (a subscription call's result,
	// or the receiver of (*PubSub).Subscribe).
	subscribe := func(channels, ps Path, cmd string) Call {
		return Call{
			Action:  Receive,
			Address: []Path{channels},
			Message: pathWith(ps, "Channel()", "<-"),
			Messages: []Path{
				pathWith(ps, "ChannelSize()", "<-"),
				pathWith(ps, "ReceiveMessage()"),
				pathWith(ps, "Receive()"),
				pathWith(ps, "ReceiveTimeout()"),
				pathWith(ps, "ChannelWithSubscriptions()", "<-"),
			},
			Payload:    Msg("Payload"),
			Topic:      Msg("Channel"),
			Settings:   broker,
			Extensions: redisCommand(cmd),
		}
	}
	// XAdd(ctx, &redis.XAddArgs{Stream, Values}): Values is a
	// map[string]interface{} (an object of its keys), a flat list of
	// field/value pairs, or a struct.
	xadd := Call{
		Action:     Send,
		Message:    Arg(1),
		Address:    []Path{Msg("Stream")},
		Payload:    Msg("Values"),
		Settings:   broker,
		Extensions: redisCommand("XADD"),
	}
	// XRead(ctx, &redis.XReadArgs{Streams: []string{stream, "$"}}) and
	// XReadGroup: the reply is []XStream{Stream, Messages []XMessage},
	// read with .Result() or .Val(); an entry's Values is a
	// map[string]interface{}. Streams lists the stream keys and then
	// as many IDs ("$", ">", "0"): the keys are its first half.
	xread := func(cmd string, settings map[Setting]Path) Call {
		return Call{
			Action:  Receive,
			Address: []Path{Arg(1, "Streams", "[:len/2]")},
			Message: Result(0, "Result()", "[]", "Messages", "[]"),
			Messages: []Path{
				Result(0, "Val()", "[]", "Messages", "[]"),
			},
			Payload:    Msg("Values"),
			Settings:   settings,
			Extensions: redisCommand(cmd),
		}
	}
	xreadStreams := xread("XREAD", broker)
	xreadStreams.Address = []Path{Arg(1, "[:len/2]")}
	group := map[Setting]Path{SettingBroker: Recv("Addr"), SettingGroupID: Arg(1, "Group")}

	// The interfaces that declare the commands.
	pubsubIface, streamIface := val("PubSubCmdable"), val("StreamCmdable")
	if !sharded {
		pubsubIface, streamIface = val("Cmdable"), val("Cmdable")
	}

	calls := map[string]Call{
		method(ptr("PubSub"), "Subscribe"):  subscribe(Arg(1), Recv(), "SUBSCRIBE"),
		method(ptr("PubSub"), "PSubscribe"): subscribe(Arg(1), Recv(), "PSUBSCRIBE"),
	}
	// A command is called as a method of cmdable (through the client
	// types that embed it) or of the interface that declares it.
	command := func(iface, m string, c Call) {
		calls[method(val("cmdable"), m)] = c
		calls[method(iface, m)] = c
	}
	command(pubsubIface, "Publish", publish("PUBLISH"))
	command(streamIface, "XAdd", xadd)
	command(streamIface, "XRead", xread("XREAD", broker))
	command(streamIface, "XReadGroup", xread("XREADGROUP", group))
	// XReadStreams(ctx, "orders", "$"): names and IDs again.
	command(streamIface, "XReadStreams", xreadStreams)
	for _, typ := range []string{ptr("Client"), ptr("ClusterClient"), ptr("Ring"), val("UniversalClient")} {
		calls[method(typ, "Subscribe")] = subscribe(Arg(1), Result(0), "SUBSCRIBE")
		calls[method(typ, "PSubscribe")] = subscribe(Arg(1), Result(0), "PSUBSCRIBE")
		if sharded {
			calls[method(typ, "SSubscribe")] = subscribe(Arg(1), Result(0), "SSUBSCRIBE")
		}
	}
	if sharded {
		command(pubsubIface, "SPublish", publish("SPUBLISH"))
		calls[method(ptr("Ring"), "Publish")] = publish("PUBLISH")
		calls[method(ptr("PubSub"), "SSubscribe")] = subscribe(Arg(1), Recv(), "SSUBSCRIBE")
	}

	return &Library{
		Name:     name,
		Path:     pkg,
		Protocol: Redis,
		Calls:    calls,
		Constructors: map[string]Constructor{
			pkg + ".NewClient":          {Fields: map[string]Path{"Addr": Arg(0, "Addr")}},
			pkg + ".NewClusterClient":   {Fields: map[string]Path{"Addr": Arg(0, "Addrs")}},
			pkg + ".NewUniversalClient": {Fields: map[string]Path{"Addr": Arg(0, "Addrs")}},
		},
	}
}

const redigo = "github.com/gomodule/redigo/redis"

// Redigo is github.com/gomodule/redigo.
//
// Commands are strings: conn.Do("PUBLISH", channel, message) and
// conn.Send (pipelined), and redis.DoContext(conn, ctx, "PUBLISH", ...);
// each entry applies only when the command argument is PUBLISH. A
// subscription is a PubSubConn{Conn: c}: Subscribe(channels...) and
// PSubscribe(patterns...), whose messages Receive() returns as an
// interface{} that a type switch makes a redis.Message (Data []byte).
var Redigo = &Library{
	Name:     "gomodule/redigo",
	Path:     redigo,
	Protocol: Redis,
	Calls: map[string]Call{
		"(" + redigo + ".Conn).Do":                       redigoCommand(0, Recv("Addr")),
		"(" + redigo + ".Conn).Send":                     redigoCommand(0, Recv("Addr")),
		"(" + redigo + ".ConnWithContext).DoContext":     redigoCommand(1, Recv("Addr")),
		"(" + redigo + ".ConnWithTimeout).DoWithTimeout": redigoCommand(1, Recv("Addr")),
		redigo + ".DoContext":                            redigoCommand(2, Arg(0, "Addr")),
		redigo + ".DoWithTimeout":                        redigoCommand(2, Arg(0, "Addr")),

		"(" + redigo + ".PubSubConn).Subscribe":  redigoSubscribe("SUBSCRIBE"),
		"(" + redigo + ".PubSubConn).PSubscribe": redigoSubscribe("PSUBSCRIBE"),
	},
	Constructors: map[string]Constructor{
		redigo + ".Dial":        {Fields: map[string]Path{"Addr": Arg(1)}},
		redigo + ".DialContext": {Fields: map[string]Path{"Addr": Arg(2)}},
		redigo + ".DialTimeout": {Fields: map[string]Path{"Addr": Arg(1)}},
	},
}

// redigoCommand is a command call whose command name is argument cmd and
// whose arguments follow it (a variadic ...interface{}): a PUBLISH's
// are the channel and the message.
func redigoCommand(cmd int, broker Path) Call {
	return Call{
		Action:     Send,
		When:       &Condition{Path: Arg(cmd), Values: []string{"PUBLISH"}},
		Address:    []Path{Arg(cmd+1, "[0]")},
		Payload:    Arg(cmd+1, "[1]"),
		Settings:   map[Setting]Path{SettingBroker: broker},
		Extensions: redisCommand("PUBLISH"),
	}
}

// redigoSubscribe is PubSubConn.Subscribe(channels ...interface{}) (and
// PSubscribe): the messages are the redis.Message values of the
// connection's Receive().
func redigoSubscribe(cmd string) Call {
	return Call{
		Action:  Receive,
		Address: []Path{Arg(0)},
		Message: Recv("Receive()"),
		Messages: []Path{
			Recv("ReceiveContext()"),
			Recv("ReceiveWithTimeout()"),
		},
		Payload:    Msg("Data"),
		Topic:      Msg("Channel"),
		Settings:   map[Setting]Path{SettingBroker: Recv("Conn", "Addr")},
		Extensions: redisCommand(cmd),
	}
}
