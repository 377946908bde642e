package protocols

// HTTP is HTTP as AsyncAPI's http bindings (0.3.0) write it: the channel
// address is the route's path, its wildcards parameters, and the method
// goes into the operation binding.
var HTTP = &Protocol{
	Name:            "http",
	BindingVersion:  "0.3.0",
	HostVariable:    "httpHost",
	HostDescription: "The HTTP server (host:port); the code does not name it as a constant.",
	Routes:          true,
	OperationBinding: []BindingField{
		{Name: "method", Setting: SettingMethod},
	},
}

// HTTPS is HTTP over TLS: the protocol of a client's https:// URL.
var HTTPS = HTTP.secure("https", "httpsHost")

// httpScheme picks http or https by the scheme of the URL at url.
func httpScheme(url Path) *ProtocolChoice {
	return &ProtocolChoice{Path: url, Choices: []ProtocolPrefix{{"https:", HTTPS}, {"http:", HTTP}}}
}

// SettingMethod is an HTTP or WebSocket request method.
const SettingMethod Setting = "method"

const netHTTP = "net/http"

// NetHTTP is the standard library's net/http: server routes and clients.
var NetHTTP = &Library{
	Name:     "net/http",
	Path:     netHTTP,
	Protocol: HTTP,
	Calls: mergeCalls(httpRoutes(route), map[string]Call{
		netHTTP + ".Post":                httpPost,
		"(*" + netHTTP + ".Client).Post": httpPost,
		"(*" + netHTTP + ".Client).Do": {
			Action:          Send,
			Message:         Arg(0),
			Address:         []Path{Msg("URL")},
			Payload:         Msg("Body"),
			Settings:        map[Setting]Path{SettingMethod: Arg(0, "Method")},
			Reply:           &Reply{Payload: Result(0, "Body", "decoded")},
			ProtocolBy:      httpScheme(Arg(0, "URL")),
			OnlyWithPayload: true,
		},
	}),
	Constructors: map[string]Constructor{
		netHTTP + ".NewRequest":            newRequest(0),
		netHTTP + ".NewRequestWithContext": newRequest(1),
	},
}

// httpPost is Post(url, contentType, body), of http and of a Client.
var httpPost = Call{
	Action:     Send,
	Address:    []Path{Arg(0)},
	Payload:    Arg(2),
	Settings:   map[Setting]Path{SettingMethod: constPath("POST")},
	Reply:      &Reply{Payload: Result(0, "Body", "decoded")},
	ProtocolBy: httpScheme(Arg(0)),
}

// httpRoutes returns the entries entry makes for net/http's calls that
// register a handler for the route pattern at argument 0: the handler,
// argument 1, is a function, or a value (an http.Handler) whose method
// method serves the requests. Libraries whose messages travel over a
// route (a WebSocket upgraded in the handler) key their entries by the
// same calls.
func httpRoutes(entry func(method string) Call) map[string]Call {
	return map[string]Call{
		netHTTP + ".HandleFunc":                  entry(""),
		"(*" + netHTTP + ".ServeMux).HandleFunc": entry(""),
		netHTTP + ".Handle":                      entry("ServeHTTP"),
		"(*" + netHTTP + ".ServeMux).Handle":     entry("ServeHTTP"),
	}
}

// route is a server route registration: the handler receives the
// request as argument 1 and writes the response to argument 0.
func route(method string) Call {
	return Call{
		Action:          Receive,
		Address:         []Path{Arg(0)},
		Handler:         &Handler{Func: Arg(1), Method: method, Arg: 1},
		Payload:         Msg("Body", "decoded"),
		Reply:           &Reply{Handler: &Handler{Func: Arg(1), Method: method, Arg: 0}, Payload: Msg("encoded")},
		OnlyWithPayload: true,
	}
}

// mergeCalls returns the union of entry maps.
func mergeCalls(ms ...map[string]Call) map[string]Call {
	out := make(map[string]Call)
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// newRequest is http.NewRequest(method, url, body), the method at
// argument first.
func newRequest(first int) Constructor {
	return Constructor{Fields: map[string]Path{
		"Method": Arg(first),
		"URL":    Arg(first + 1),
		"Body":   Arg(first + 2),
	}}
}

// constPath is a path to a constant the table knows: a call whose method
// is fixed (http.Post). It is written as an option argument that no
// call matches, resolved by the analyzer's constant element.
func constPath(v string) Path { return Path{Root: RootConst, Fields: []string{v}} }
