package protocols

const kgo = "github.com/twmb/franz-go/pkg/kgo"

// FranzGo is github.com/twmb/franz-go's kgo client.
//
// A Client is configured by functional options (kgo.NewClient(
// kgo.SeedBrokers("b:9092"), kgo.DefaultProduceTopic("t"), ...)), which
// its constructor keeps as fields. Records are produced with a topic of
// their own or the client's default one. Consuming polls Fetches, which
// keep the client's consumed topics and group; the records are read from
// them (EachRecord, Records, RecordIter).
var FranzGo = &Library{
	Name:     "twmb/franz-go",
	Path:     kgo,
	Protocol: Kafka,
	Calls: map[string]Call{
		"(*" + kgo + ".Client).Produce":     kgoProduce(Arg(1)),
		"(*" + kgo + ".Client).TryProduce":  kgoProduce(Arg(1)),
		"(*" + kgo + ".Client).ProduceSync": kgoProduce(Arg(1)),
		// fetches.EachRecord(func(r *kgo.Record) {...})
		"(" + kgo + ".Fetches).EachRecord": kgoConsume(Call{
			Handler: &Handler{Func: Arg(0), Arg: 0},
			Payload: Msg("Value"),
			Key:     Msg("Key"),
		}),
		// for _, r := range fetches.Records() {...}
		"(" + kgo + ".Fetches).Records": kgoConsume(Call{
			Message: Result(0, "[]"),
			Payload: Msg("Value"),
			Key:     Msg("Key"),
			Topic:   Msg("Topic"),
		}),
		// iter := fetches.RecordIter(); for !iter.Done() { r := iter.Next() }
		"(*" + kgo + ".FetchesRecordIter).Next": kgoConsume(Call{
			Message: Result(0),
			Payload: Msg("Value"),
			Key:     Msg("Key"),
			Topic:   Msg("Topic"),
		}),
		// fetches.EachTopic(func(t kgo.FetchTopic) { for _, r := range t.Records() {...} })
		"(" + kgo + ".Fetches).EachTopic": kgoConsume(Call{
			Handler: &Handler{Func: Arg(0), Arg: 0},
			Payload: Msg("Partitions", "[]", "Records", "[]", "Value"),
			Key:     Msg("Partitions", "[]", "Records", "[]", "Key"),
		}),
		// fetches.EachPartition(func(p kgo.FetchTopicPartition) { for _, r := range p.Records {...} })
		"(" + kgo + ".Fetches).EachPartition": kgoConsume(Call{
			Handler: &Handler{Func: Arg(0), Arg: 0},
			Payload: Msg("FetchPartition", "Records", "[]", "Value"),
			Key:     Msg("FetchPartition", "Records", "[]", "Key"),
		}),
	},
	Constructors: map[string]Constructor{
		kgo + ".NewClient": {Fields: map[string]Path{
			"DefaultTopic": Arg(0, "[]", kgo+".DefaultProduceTopic(0)"),
			"Topics":       Arg(0, "[]", kgo+".ConsumeTopics(0)"),
			"GroupID":      Arg(0, "[]", kgo+".ConsumerGroup(0)"),
			"Brokers":      Arg(0, "[]", kgo+".SeedBrokers(0)"),
			"ClientID":     Arg(0, "[]", kgo+".ClientID(0)"),
		}},
		// Fetches, and iterators over them, come from the client.
		"(*" + kgo + ".Client).PollFetches": kgoFetches,
		"(*" + kgo + ".Client).PollRecords": kgoFetches,
		"(" + kgo + ".Fetches).RecordIter":  kgoFetches,
		// kgo.StringRecord("v"), kgo.KeySliceRecord(k, v): records
		// built by helpers.
		kgo + ".StringRecord":    {Fields: map[string]Path{"Value": Arg(0)}},
		kgo + ".SliceRecord":     {Fields: map[string]Path{"Value": Arg(0)}},
		kgo + ".KeyStringRecord": {Fields: map[string]Path{"Key": Arg(0), "Value": Arg(1)}},
		kgo + ".KeySliceRecord":  {Fields: map[string]Path{"Key": Arg(0), "Value": Arg(1)}},
	},
}

// kgoFetches is a method whose result keeps the consuming configuration
// of its receiver: a client's, or its fetches'.
var kgoFetches = Constructor{Fields: map[string]Path{
	"Topics":   Recv("Topics"),
	"GroupID":  Recv("GroupID"),
	"Brokers":  Recv("Brokers"),
	"ClientID": Recv("ClientID"),
}}

// kgoProduce is a produce call whose records are at message: a record's
// Topic overrides the client's default topic.
func kgoProduce(message Path) Call {
	return Call{
		Action:  Send,
		Message: message,
		Address: []Path{Msg("Topic"), Recv("DefaultTopic")},
		Payload: Msg("Value"),
		Key:     Msg("Key"),
		Headers: HeaderList{List: Msg("Headers"), Key: "Key", Value: "Value"},
		Settings: map[Setting]Path{
			SettingBroker:   Recv("Brokers"),
			SettingClientID: Recv("ClientID"),
		},
	}
}

// kgoConsume completes a call that reads records from Fetches: they come
// from the client's consumed topics.
func kgoConsume(c Call) Call {
	c.Action = Receive
	c.Address = []Path{Recv("Topics")}
	c.Settings = map[Setting]Path{
		SettingGroupID:  Recv("GroupID"),
		SettingBroker:   Recv("Brokers"),
		SettingClientID: Recv("ClientID"),
	}
	return c
}
