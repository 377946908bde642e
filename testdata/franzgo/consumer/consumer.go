// Package consumer polls records with franz-go's kgo client. // want package:"usesClients"
package consumer

import (
	"context"
	"encoding/json"

	"github.com/twmb/franz-go/pkg/kgo"
)

// Payment is the result of charging an order.
type Payment struct {
	OrderID string `json:"order_id"`
	OK      bool   `json:"ok"`
}

// Refund is decoded from the refunds topic.
type Refund struct {
	OrderID string `json:"order_id"`
}

func newClient() (*kgo.Client, error) { // want newClient:`constructor\(Brokers=kafka:9092 GroupID=billing Topics=payments\)`
	return kgo.NewClient(
		kgo.SeedBrokers("kafka:9092"),
		kgo.ConsumerGroup("billing"),
		kgo.ConsumeTopics("payments"),
	)
}

// The topics and groups of kgo.ConsumeTopics and kgo.ConsumerGroup are
// not found yet (ConsumerOpt and GroupOpt are converted to Opt by a
// ChangeInterface, which option paths do not follow): the addresses below
// are dynamic until they are.

// EachRecord with a callback.
func eachRecord(ctx context.Context) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ConsumerGroup("billing"), kgo.ConsumeTopics("payments"))
	if err != nil {
		return err
	}
	for {
		fetches := cl.PollFetches(ctx)
		fetches.EachRecord(func(r *kgo.Record) { // want `kafka receive "payments" payload=Payment\(application/json\) broker=kafka:9092 groupId=billing`
			var p Payment
			_ = json.Unmarshal(r.Value, &p)
		})
	}
}

// Records() ranged over, topics switched on.
func records(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ConsumerGroup("ledger"), kgo.ConsumeTopics("payments", "refunds"))
	fetches := cl.PollRecords(ctx, 100)
	for _, r := range fetches.Records() { // want `kafka receive "payments" payload=Payment\(application/json\) groupId=ledger` `kafka receive "refunds" payload=Refund\(application/json\) groupId=ledger`
		switch r.Topic {
		case "payments":
			var p Payment
			_ = json.Unmarshal(r.Value, &p)
		case "refunds":
			var rf Refund
			_ = json.Unmarshal(r.Value, &rf)
		}
	}
}

// A record iterator.
func iterate(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ConsumeTopics("audit"))
	iter := cl.PollFetches(ctx).RecordIter()
	for !iter.Done() {
		r := iter.Next() // want `kafka receive "audit" payload=string key=string`
		println(string(r.Value), string(r.Key))
	}
}

// EachTopic and EachPartition, reading the records of each.
func eachTopic(ctx context.Context) {
	cl, _ := kgo.NewClient(kgo.ConsumeTopics("refunds"))
	fetches := cl.PollFetches(ctx)
	fetches.EachTopic(func(t kgo.FetchTopic) { // want `kafka receive "refunds" payload=Refund\(application/json\)`
		for _, p := range t.Partitions {
			for _, r := range p.Records {
				var rf Refund
				_ = json.Unmarshal(r.Value, &rf)
			}
		}
	})
	// p.Records is p.FetchPartition.Records, read in place through
	// nested field addresses: not followed yet.
	fetches.EachPartition(func(p kgo.FetchTopicPartition) { // want `kafka receive "refunds" payload=Refund\(application/json\)`
		for _, r := range p.Records {
			var rf Refund
			_ = json.Unmarshal(r.Value, &rf)
		}
	})
}

// A client made by a helper.
func fromHelper(ctx context.Context) {
	cl, err := newClient()
	if err != nil {
		return
	}
	cl.PollFetches(ctx).EachRecord(handle) // want `kafka receive "payments" payload=Payment\(application/json\) broker=kafka:9092 groupId=billing`
}

func handle(r *kgo.Record) {
	var p Payment
	_ = json.Unmarshal(r.Value, &p)
}

// Consume is a wrapper: the handler is the caller's.
func Consume(ctx context.Context, cl *kgo.Client, fn func(*kgo.Record)) { // want Consume:`wraps\(twmb/franz-go receive \{\$1\.Topics\} payload=\$2\(arg0\)\.Value broker=\{\$1\.Brokers\} clientId=\{\$1\.ClientID\} groupId=\{\$1\.GroupID\}\)`
	cl.PollFetches(ctx).EachRecord(fn)
}

func consumePayments(ctx context.Context) {
	cl, _ := newClient()
	Consume(ctx, cl, handle) // want `kafka receive "payments" via=consumer\.Consume payload=Payment\(application/json\) broker=kafka:9092 groupId=billing`
}
