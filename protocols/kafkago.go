package protocols

// Kafka is the Kafka protocol as AsyncAPI's kafka bindings (0.5.0) write it.
var Kafka = &Protocol{
	Name:                "kafka",
	BindingVersion:      "0.5.0",
	HostVariable:        "kafkaBrokers",
	HostDescription:     "Kafka bootstrap brokers (host:port); the code does not name them as constants.",
	ChannelAddressField: "topic",
	OperationBinding: []BindingField{
		{Name: "groupId", Setting: SettingGroupID, Type: EnumSchema},
		{Name: "clientId", Setting: SettingClientID, Type: EnumSchema},
	},
	MessageKey: true,
}

const kafkaGo = "github.com/segmentio/kafka-go"

// KafkaGo is github.com/segmentio/kafka-go.
var KafkaGo = &Library{
	Name:     "segmentio/kafka-go",
	Path:     kafkaGo,
	Protocol: Kafka,
	Calls: map[string]Call{
		// A Message.Topic overrides Writer.Topic (the Writer rejects
		// having both, but either is how the topic is chosen).
		"(*" + kafkaGo + ".Writer).WriteMessages": {
			Action:   Send,
			Message:  Arg(1),
			Address:  []Path{Msg("Topic"), Recv("Topic")},
			Payload:  Msg("Value"),
			Key:      Msg("Key"),
			Headers:  kafkaHeaders,
			Settings: map[Setting]Path{SettingBroker: Recv("Addr")},
		},
		"(*" + kafkaGo + ".Conn).WriteMessages":             connWrite(0),
		"(*" + kafkaGo + ".Conn).WriteCompressedMessages":   connWrite(1),
		"(*" + kafkaGo + ".Conn).WriteCompressedMessagesAt": connWrite(1),
		"(*" + kafkaGo + ".Reader).ReadMessage":             readerRead,
		"(*" + kafkaGo + ".Reader).FetchMessage":            readerRead,
		"(*" + kafkaGo + ".Conn).ReadMessage":               connRead,
		"(*" + kafkaGo + ".Batch).ReadMessage":              connRead,
	},
	Constructors: map[string]Constructor{
		kafkaGo + ".NewWriter": {Fields: map[string]Path{
			"Topic": Arg(0, "Topic"),
			"Addr":  Arg(0, "Brokers"),
		}},
		kafkaGo + ".NewReader": {Fields: map[string]Path{
			"Topic":       Arg(0, "Topic"),
			"GroupTopics": Arg(0, "GroupTopics"),
			"GroupID":     Arg(0, "GroupID"),
			"Brokers":     Arg(0, "Brokers"),
		}},
		// kafka.TCP("a:9092", "b:9092") is the list of its arguments.
		kafkaGo + ".TCP":                        {Fields: map[string]Path{"": Arg(0)}},
		kafkaGo + ".DialLeader":                 dialLeader,
		"(*" + kafkaGo + ".Dialer).DialLeader":  dialLeader,
		kafkaGo + ".Dial":                       dial,
		kafkaGo + ".DialContext":                dialContext,
		"(*" + kafkaGo + ".Dialer).Dial":        dial,
		"(*" + kafkaGo + ".Dialer).DialContext": dialContext,
		"(*" + kafkaGo + ".Conn).ReadBatch":     connBatch,
		"(*" + kafkaGo + ".Conn).ReadBatchWith": connBatch,
	},
}

// A Conn dialed with DialLeader is bound to one topic partition; its
// "Topic" and "Broker" are the dial arguments.
var (
	dialLeader  = Constructor{Fields: map[string]Path{"Topic": Arg(3), "Broker": Arg(2)}}
	dial        = Constructor{Fields: map[string]Path{"Broker": Arg(1)}}
	dialContext = Constructor{Fields: map[string]Path{"Broker": Arg(2)}}
	// A Batch reads from the partition of the Conn it came from.
	connBatch = Constructor{Fields: map[string]Path{"Topic": Recv("Topic"), "Broker": Recv("Broker")}}
)

// connWrite is (*Conn).WriteMessages and its compressed variants, whose
// variadic messages are argument msgArg. A Conn writes to the topic it was
// dialed for, whatever the messages say.
func connWrite(msgArg int) Call {
	return Call{
		Action:   Send,
		Message:  Arg(msgArg),
		Address:  []Path{Recv("Topic")},
		Payload:  Msg("Value"),
		Key:      Msg("Key"),
		Headers:  kafkaHeaders,
		Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
	}
}

// kafkaHeaders are kafka-go's Message.Headers, []kafka.Header{Key, Value}.
var kafkaHeaders = HeaderList{List: Msg("Headers"), Key: "Key", Value: "Value"}

var (
	readerRead = Call{
		Action:  Receive,
		Message: Result(0),
		Address: []Path{Recv("Topic"), Recv("GroupTopics")},
		Payload: Msg("Value"),
		Topic:   Msg("Topic"),
		Key:     Msg("Key"),
		Settings: map[Setting]Path{
			SettingGroupID: Recv("GroupID"),
			SettingBroker:  Recv("Brokers"),
		},
	}
	connRead = Call{
		Action:   Receive,
		Message:  Result(0),
		Address:  []Path{Recv("Topic")},
		Payload:  Msg("Value"),
		Key:      Msg("Key"),
		Settings: map[Setting]Path{SettingBroker: Recv("Broker")},
	}
)
