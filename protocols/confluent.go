package protocols

// ConfluentV1 is github.com/confluentinc/confluent-kafka-go (v1).
var ConfluentV1 = confluentLibrary("confluent-kafka-go", "github.com/confluentinc/confluent-kafka-go/kafka")

// ConfluentV2 is github.com/confluentinc/confluent-kafka-go/v2.
var ConfluentV2 = confluentLibrary("confluent-kafka-go/v2", "github.com/confluentinc/confluent-kafka-go/v2/kafka")

// confluentLibrary is the table of confluent-kafka-go at import path pkg:
// v1 and v2 have the same API.
//
// A Message names its topic in TopicPartition.Topic, a *string. A
// Consumer is subscribed to its topics by a call (Subscribe,
// SubscribeTopics) and then reads messages with other calls on the same
// consumer: the subscribe call is the receive operation, whose messages
// are what ReadMessage returns on its receiver afterwards.
//
// Messages also come from Poll() and Events(), as Events the code
// asserts to *kafka.Message; group.id, bootstrap.servers and client.id
// are keys of the kafka.ConfigMap literal given to NewConsumer and
// NewProducer.
func confluentLibrary(name, pkg string) *Library {
	method := func(typ, m string) string { return "(*" + pkg + "." + typ + ")." + m }
	produce := func(message Path) Call {
		return Call{
			Action:  Send,
			Message: message,
			Address: []Path{Msg("TopicPartition", "Topic")},
			Payload: Msg("Value"),
			Key:     Msg("Key"),
			Headers: HeaderList{List: Msg("Headers"), Key: "Key", Value: "Value"},
			Settings: map[Setting]Path{
				SettingBroker:   Recv("Brokers"),
				SettingClientID: Recv("ClientID"),
			},
		}
	}
	subscribe := Call{
		Action:   Receive,
		Message:  Recv("ReadMessage()"),
		Messages: []Path{Recv("Poll()"), Recv("Events()", "<-")},
		Address:  []Path{Arg(0)},
		Payload:  Msg("Value"),
		Key:      Msg("Key"),
		Settings: map[Setting]Path{
			SettingBroker:   Recv("Brokers"),
			SettingGroupID:  Recv("GroupID"),
			SettingClientID: Recv("ClientID"),
		},
	}
	config := Constructor{Fields: map[string]Path{
		"Brokers":  Arg(0, `["bootstrap.servers"]`),
		"GroupID":  Arg(0, `["group.id"]`),
		"ClientID": Arg(0, `["client.id"]`),
	}}
	return &Library{
		Name:     name,
		Path:     pkg,
		Protocol: Kafka,
		Calls: map[string]Call{
			method("Producer", "Produce"): produce(Arg(0)),
			// producer.ProduceChannel() <- msg
			method("Producer", "ProduceChannel"):  produce(Result(0, "<-")),
			method("Consumer", "Subscribe"):       subscribe,
			method("Consumer", "SubscribeTopics"): subscribe,
		},
		Constructors: map[string]Constructor{
			pkg + ".NewConsumer": config,
			pkg + ".NewProducer": config,
		},
	}
}
