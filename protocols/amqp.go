package protocols

// AMQP is AMQP 0-9-1 as AsyncAPI's amqp bindings (0.3.0) write it.
var AMQP = &Protocol{
	Name:            "amqp",
	BindingVersion:  "0.3.0",
	HostVariable:    "amqpBroker",
	HostDescription: "AMQP broker (host:port); the code does not name it as a constant.",
}

// AMQP091 is github.com/rabbitmq/amqp091-go.
var AMQP091 = &Library{
	Name:     "rabbitmq/amqp091-go",
	Path:     "github.com/rabbitmq/amqp091-go",
	Protocol: AMQP,
}

// StreadwayAMQP is github.com/streadway/amqp, amqp091-go's predecessor.
var StreadwayAMQP = &Library{
	Name:     "streadway/amqp",
	Path:     "github.com/streadway/amqp",
	Protocol: AMQP,
}
