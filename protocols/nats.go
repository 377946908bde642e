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
}

// NatsGo is github.com/nats-io/nats.go (core NATS and the JetStream
// context of that package).
var NatsGo = &Library{
	Name:     "nats-io/nats.go",
	Path:     "github.com/nats-io/nats.go",
	Protocol: NATS,
}

// JetStream is github.com/nats-io/nats.go/jetstream, the newer JetStream
// API.
var JetStream = &Library{
	Name:     "nats-io/nats.go/jetstream",
	Path:     "github.com/nats-io/nats.go/jetstream",
	Protocol: NATS,
}
