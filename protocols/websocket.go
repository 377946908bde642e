package protocols

// WS is WebSocket as AsyncAPI's ws bindings (0.1.0) write it: the
// channel address is the route's path, and the method of the upgrade
// request goes into the channel binding.
var WS = &Protocol{
	Name:            "ws",
	BindingVersion:  "0.1.0",
	HostVariable:    "wsHost",
	HostDescription: "The WebSocket server (host:port); the code does not name it as a constant.",
	Routes:          true,
	ChannelBinding: map[string][]BindingField{
		"": {{Name: "method", Setting: SettingMethod}},
	},
}

// WSS is WebSocket over TLS: the protocol of a client's wss:// URL.
var WSS = WS.secure("wss", "wssHost")

// wsScheme picks ws or wss by the scheme of the URL at url.
func wsScheme(url Path) *ProtocolChoice {
	return &ProtocolChoice{Path: url, Choices: []ProtocolPrefix{{"wss:", WSS}, {"ws:", WS}}}
}

// WebSockets travel through net/http: a server upgrades the request of a
// handler registered on a route, so its entries are keyed by net/http's
// registration calls, with the handler's ResponseWriter (argument 0)
// followed through the upgrade call to the connection, and from there
// to the messages written to it (a send) and read from it (a receive).
// Each library's Writes and Reads are the calls that write messages to
// and read them from its connection; its DerivedStreams the writers and
// readers of one message (NextWriter) that carry on from it.

const (
	gorillaWS = "github.com/gorilla/websocket"
	coderWS   = "github.com/coder/websocket"
	nhooyrWS  = "nhooyr.io/websocket"
	gobwasWS  = "github.com/gobwas/ws"
)

// on returns the codec writing to or reading from the stream at stream:
// conn.WriteJSON(v) encodes v onto conn.
func (c Codec) on(stream Path) Codec {
	c.Stream = stream
	return c
}

// wsRoutes returns the entries of a library's upgrade calls, by the path
// elements that go from the handler's ResponseWriter to the connection
// ("(*github.com/gorilla/websocket.Upgrader).Upgrade(0)"), for each of
// net/http's registration calls: a send and a receive per upgrade call.
func wsRoutes(upgrades ...string) map[string]Call {
	conns := make([]Path, len(upgrades))
	for i, up := range upgrades {
		conns[i] = Msg(up)
	}
	return httpRoutes(func(method string) Call {
		return streamOps(Call{
			Address:         []Path{Arg(0)},
			Handler:         &Handler{Func: Arg(1), Method: method, Arg: 0},
			Settings:        wsHandshake,
			Protocol:        WS,
			OnlyWithPayload: true,
		}, conns...)
	})
}

// wsDial is a client's dial: the URL at argument url, the connection at
// result conn; what the client writes to it is sent, what it reads
// received.
func wsDial(url, conn int) Call {
	return streamOps(Call{
		Address:         []Path{Arg(url)},
		Settings:        wsHandshake,
		ProtocolBy:      wsScheme(Arg(url)),
		OnlyWithPayload: true,
	}, Result(conn))
}

// wsHandshake is the method of a WebSocket's opening handshake: a GET
// (RFC 6455 §4.1); a route pattern's own method overrides it.
var wsHandshake = map[Setting]Path{SettingMethod: constPath("GET")}

// Gorilla is github.com/gorilla/websocket.
var Gorilla = &Library{
	Name:     "gorilla/websocket",
	Path:     gorillaWS,
	Protocol: WS,
	Calls: mergeCalls(
		wsRoutes("(*"+gorillaWS+".Upgrader).Upgrade(0)", gorillaWS+".Upgrade(0)"),
		map[string]Call{
			"(*" + gorillaWS + ".Dialer).Dial":        wsDial(0, 0),
			"(*" + gorillaWS + ".Dialer).DialContext": wsDial(1, 0),
		},
	),
	Writes: map[string]Codec{
		"(*" + gorillaWS + ".Conn).WriteJSON":    jsonCodec(Arg(0), Path{}).on(Recv()),
		gorillaWS + ".WriteJSON":                 jsonCodec(Arg(1), Path{}).on(Arg(0)),
		"(*" + gorillaWS + ".Conn).WriteMessage": rawWrite(Recv(), Arg(1)),
	},
	Reads: map[string]Codec{
		"(*" + gorillaWS + ".Conn).ReadJSON":    jsonCodec(Arg(0), Path{}).on(Recv()),
		gorillaWS + ".ReadJSON":                 jsonCodec(Arg(1), Path{}).on(Arg(0)),
		"(*" + gorillaWS + ".Conn).ReadMessage": rawRead(Recv(), Result(1)),
	},
	// w, _ := conn.NextWriter(websocket.TextMessage); json.NewEncoder(w).Encode(v)
	DerivedStreams: map[string]DerivedStream{
		"(*" + gorillaWS + ".Conn).NextWriter": {From: Recv(), To: Result(0)},
		"(*" + gorillaWS + ".Conn).NextReader": {From: Recv(), To: Result(1)},
	},
}

// CoderWS is github.com/coder/websocket.
var CoderWS = coderLibrary("coder/websocket", coderWS)

// NhooyrWS is nhooyr.io/websocket, coder/websocket's former path.
var NhooyrWS = coderLibrary("nhooyr.io/websocket", nhooyrWS)

// coderLibrary is the table of coder/websocket at import path pkg
// (nhooyr.io/websocket has the same API).
func coderLibrary(name, pkg string) *Library {
	return &Library{
		Name:     name,
		Path:     pkg,
		Protocol: WS,
		Calls: mergeCalls(
			wsRoutes(pkg+".Accept(0)"),
			map[string]Call{pkg + ".Dial": wsDial(1, 0)},
		),
		Writes: map[string]Codec{
			pkg + "/wsjson.Write":       jsonCodec(Arg(2), Path{}).on(Arg(1)),
			"(*" + pkg + ".Conn).Write": rawWrite(Recv(), Arg(2)),
		},
		Reads: map[string]Codec{
			pkg + "/wsjson.Read":       jsonCodec(Arg(2), Path{}).on(Arg(1)),
			"(*" + pkg + ".Conn).Read": rawRead(Recv(), Result(1)),
		},
		DerivedStreams: map[string]DerivedStream{
			"(*" + pkg + ".Conn).Writer": {From: Recv(), To: Result(0)},
			"(*" + pkg + ".Conn).Reader": {From: Recv(), To: Result(1)},
			pkg + ".NetConn":             {From: Arg(1), To: Result(0)},
		},
	}
}

// GobwasWS is github.com/gobwas/ws: a connection is a net.Conn, written
// and read with the wsutil package's functions.
var GobwasWS = &Library{
	Name:     "gobwas/ws",
	Path:     gobwasWS,
	Protocol: WS,
	Calls: mergeCalls(
		wsRoutes(gobwasWS+".UpgradeHTTP(1)", "("+gobwasWS+".HTTPUpgrader).Upgrade(1)"),
		map[string]Call{
			gobwasWS + ".Dial":               wsDial(1, 0),
			"(" + gobwasWS + ".Dialer).Dial": wsDial(1, 0),
		},
	),
	Writes: map[string]Codec{
		gobwasWS + "/wsutil.WriteServerMessage":   rawWrite(Arg(0), Arg(2)),
		gobwasWS + "/wsutil.WriteClientMessage":   rawWrite(Arg(0), Arg(2)),
		gobwasWS + "/wsutil.WriteMessage":         rawWrite(Arg(0), Arg(3)),
		gobwasWS + "/wsutil.WriteServerText":      rawWrite(Arg(0), Arg(1)),
		gobwasWS + "/wsutil.WriteServerBinary":    rawWrite(Arg(0), Arg(1)),
		gobwasWS + "/wsutil.WriteClientText":      rawWrite(Arg(0), Arg(1)),
		gobwasWS + "/wsutil.WriteClientBinary":    rawWrite(Arg(0), Arg(1)),
		"(*" + gobwasWS + "/wsutil.Writer).Write": rawWrite(Recv(), Arg(0)),
	},
	Reads: map[string]Codec{
		gobwasWS + "/wsutil.ReadClientData":      rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadServerData":      rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadData":            rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadClientText":      rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadClientBinary":    rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadServerText":      rawRead(Arg(0), Result(0)),
		gobwasWS + "/wsutil.ReadServerBinary":    rawRead(Arg(0), Result(0)),
		"(*" + gobwasWS + "/wsutil.Reader).Read": rawRead(Recv(), Arg(0)),
	},
	DerivedStreams: map[string]DerivedStream{
		gobwasWS + "/wsutil.NewWriter":     {From: Arg(0), To: Result(0)},
		gobwasWS + "/wsutil.NewWriterSize": {From: Arg(0), To: Result(0)},
		gobwasWS + "/wsutil.NewReader":     {From: Arg(0), To: Result(0)},
	},
}
