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
}

// Gorilla is github.com/gorilla/websocket.
var Gorilla = &Library{
	Name:     "gorilla/websocket",
	Path:     "github.com/gorilla/websocket",
	Protocol: WS,
}

// CoderWS is github.com/coder/websocket.
var CoderWS = &Library{
	Name:     "coder/websocket",
	Path:     "github.com/coder/websocket",
	Protocol: WS,
}

// NhooyrWS is nhooyr.io/websocket, coder/websocket's former path.
var NhooyrWS = &Library{
	Name:     "nhooyr.io/websocket",
	Path:     "nhooyr.io/websocket",
	Protocol: WS,
}

// GobwasWS is github.com/gobwas/ws.
var GobwasWS = &Library{
	Name:     "gobwas/ws",
	Path:     "github.com/gobwas/ws",
	Protocol: WS,
}
