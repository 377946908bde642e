package protocols

// IBMSarama is github.com/IBM/sarama.
var IBMSarama = saramaLibrary("IBM/sarama", "github.com/IBM/sarama")

// ShopifySarama is github.com/Shopify/sarama, sarama's old import path.
var ShopifySarama = saramaLibrary("Shopify/sarama", "github.com/Shopify/sarama")

// saramaLibrary is the table of sarama at import path pkg: both import
// paths have the same API.
//
// Producers and consumers are interfaces made by constructors
// (NewSyncProducer(addrs, cfg)), which keep the broker list ("Addrs"),
// the consumer group ("GroupID") and the client id of the Config
// ("ClientID"); a PartitionConsumer keeps the topic it was made for.
func saramaLibrary(name, pkg string) *Library {
	iface := func(typ, method string) string { return "(" + pkg + "." + typ + ")." + method }
	fromAddrs := Constructor{Fields: map[string]Path{
		"Addrs":    Arg(0),
		"ClientID": Arg(1, "ClientID"),
	}}
	// A client's producers and consumers share its brokers and config.
	fromClient := func(client int) Constructor {
		return Constructor{Fields: map[string]Path{
			"Addrs":    Arg(client, "Addrs"),
			"ClientID": Arg(client, "ClientID"),
		}}
	}
	produced := map[Setting]Path{
		SettingBroker:   Recv("Addrs"),
		SettingClientID: Recv("ClientID"),
	}
	syncSend := func(message Path) Call {
		return Call{
			Action:   Send,
			Message:  message,
			Address:  []Path{Msg("Topic")},
			Payload:  Msg("Value"),
			Key:      Msg("Key"),
			Headers:  saramaHeaders,
			Settings: produced,
		}
	}
	return &Library{
		Name:     name,
		Path:     pkg,
		Protocol: Kafka,
		// A Value or Key is a sarama.Encoder: sarama.StringEncoder(s),
		// sarama.ByteEncoder(b), or a user type whose Encode makes the
		// bytes.
		ByteMethods: map[string]string{pkg + ".Encoder": "Encode"},
		Calls: map[string]Call{
			iface("SyncProducer", "SendMessage"):  syncSend(Arg(0)),
			iface("SyncProducer", "SendMessages"): syncSend(Arg(0)),
			// producer.Input() <- msg
			iface("AsyncProducer", "Input"): syncSend(Result(0, "<-")),
			// pc, _ := consumer.ConsumePartition(topic, p, offset)
			// for m := range pc.Messages() {...}
			iface("PartitionConsumer", "Messages"): {
				Action:  Receive,
				Message: Result(0, "<-"),
				Address: []Path{Recv("Topic")},
				Payload: Msg("Value"),
				Key:     Msg("Key"),
				Topic:   Msg("Topic"),
				Settings: map[Setting]Path{
					SettingBroker:   Recv("Addrs"),
					SettingClientID: Recv("ClientID"),
				},
			},
			// group.Consume(ctx, topics, handler): the handler's
			// ConsumeClaim(sess, claim) ranges over claim.Messages().
			iface("ConsumerGroup", "Consume"): {
				Action:  Receive,
				Address: []Path{Arg(1)},
				Handler: &Handler{Func: Arg(2), Method: "ConsumeClaim", Arg: 1},
				Payload: Msg("Messages()", "<-", "Value"),
				Key:     Msg("Messages()", "<-", "Key"),
				Settings: map[Setting]Path{
					SettingGroupID:  Recv("GroupID"),
					SettingBroker:   Recv("Addrs"),
					SettingClientID: Recv("ClientID"),
				},
			},
		},
		Constructors: map[string]Constructor{
			pkg + ".NewClient":                  fromAddrs,
			pkg + ".NewSyncProducer":            fromAddrs,
			pkg + ".NewAsyncProducer":           fromAddrs,
			pkg + ".NewConsumer":                fromAddrs,
			pkg + ".NewSyncProducerFromClient":  fromClient(0),
			pkg + ".NewAsyncProducerFromClient": fromClient(0),
			pkg + ".NewConsumerFromClient":      fromClient(0),
			pkg + ".NewConsumerGroupFromClient": {Fields: map[string]Path{
				"GroupID":  Arg(0),
				"Addrs":    Arg(1, "Addrs"),
				"ClientID": Arg(1, "ClientID"),
			}},
			pkg + ".NewConsumerGroup": {Fields: map[string]Path{
				"Addrs":    Arg(0),
				"GroupID":  Arg(1),
				"ClientID": Arg(2, "ClientID"),
			}},
			iface("Consumer", "ConsumePartition"): {Fields: map[string]Path{
				"Topic":    Arg(0),
				"Addrs":    Recv("Addrs"),
				"ClientID": Recv("ClientID"),
			}},
		},
	}
}

// saramaHeaders are a ProducerMessage's Headers, []sarama.RecordHeader{Key,
// Value} (both []byte).
var saramaHeaders = HeaderList{List: Msg("Headers"), Key: "Key", Value: "Value"}
