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
//
// A handshake is a GET (RFC 6455 §4.1); a route pattern's own method
// overrides it.

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
// net/http's registration calls: a send and a receive per upgrade call,
// the first one the entry, the others its Then.
func wsRoutes(upgrades ...string) map[string]Call {
	out := make(map[string]Call)
	for _, reg := range []struct {
		name, method string
	}{
		{netHTTP + ".HandleFunc", ""},
		{"(*" + netHTTP + ".ServeMux).HandleFunc", ""},
		{netHTTP + ".Handle", "ServeHTTP"},
		{"(*" + netHTTP + ".ServeMux).Handle", "ServeHTTP"},
	} {
		h := &Handler{Func: Arg(1), Method: reg.method, Arg: 0}
		var calls []Call
		for _, up := range upgrades {
			for _, dir := range []struct {
				action Action
				elem   string
			}{{Send, "encoded"}, {Receive, "decoded"}} {
				calls = append(calls, Call{
					Action:          dir.action,
					Address:         []Path{Arg(0)},
					Handler:         h,
					Payload:         Msg(up, dir.elem),
					Settings:        map[Setting]Path{SettingMethod: constPath("GET")},
					Protocol:        WS,
					OnlyWithPayload: true,
				})
			}
		}
		c := calls[0]
		c.Then = calls[1:]
		out[reg.name] = c
	}
	return out
}

// wsDial is a client's dial: the URL at argument url, the connection at
// result conn; what the client writes to it is sent, what it reads
// received.
func wsDial(url, conn int) Call {
	return Call{
		Action:          Send,
		Address:         []Path{Arg(url)},
		Payload:         Result(conn, "encoded"),
		Settings:        map[Setting]Path{SettingMethod: constPath("GET")},
		ProtocolBy:      wsScheme(Arg(url)),
		OnlyWithPayload: true,
		Then: []Call{{
			Action:          Receive,
			Address:         []Path{Arg(url)},
			Payload:         Result(conn, "decoded"),
			Settings:        map[Setting]Path{SettingMethod: constPath("GET")},
			ProtocolBy:      wsScheme(Arg(url)),
			OnlyWithPayload: true,
		}},
	}
}

// wsMerge returns the union of entry maps.
func wsMerge(ms ...map[string]Call) map[string]Call {
	out := make(map[string]Call)
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// Gorilla is github.com/gorilla/websocket.
var Gorilla = &Library{
	Name:     "gorilla/websocket",
	Path:     gorillaWS,
	Protocol: WS,
	Calls: wsMerge(
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
		Calls: wsMerge(
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
	Calls: wsMerge(
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
