// Package jetstream publishes and consumes with the jetstream package:
// consumers made from a stream or from the JetStream with a filter
// subject, messages delivered to Consume handlers, pulled from
// Messages(), Next() and Fetch batches.
package jetstream

import (
	"context"
	"encoding/json"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Payment is a payment event.
type Payment struct {
	ID     string `json:"id"`
	Amount int    `json:"amount"`
}

// Dispute is a dispute.
type Dispute struct {
	Reason string `json:"reason"`
}

// Ledger is a ledger entry.
type Ledger struct {
	Account string `json:"account"`
}

// Audit is an audit entry.
type Audit struct {
	Who string `json:"who"`
}

func handlePayment(m jetstream.Msg) {
	var p Payment
	if json.Unmarshal(m.Data(), &p) == nil {
		m.Ack()
	}
}

type disputes struct{}

func (disputes) handle(m jetstream.Msg) {
	var d Dispute
	_ = json.Unmarshal(m.Data(), &d)
}

func run(ctx context.Context) error {
	nc, err := nats.Connect("nats://js.internal:4222")
	if err != nil {
		return err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}

	b, _ := json.Marshal(Payment{ID: "p1"})
	if _, err := js.Publish(ctx, "payments.captured", b); err != nil { // want `nats send "payments\.captured" payload=Payment\(application/json\) broker=nats://js\.internal:4222`
		return err
	}
	db, _ := json.Marshal(Dispute{Reason: "fraud"})
	js.PublishMsg(ctx, &nats.Msg{Subject: "disputes.opened", Data: db}) // want `nats send "disputes\.opened" payload=Dispute\(application/json\) broker=nats://js\.internal:4222`

	// A consumer of the JetStream with a wildcard filter; a named
	// handler.
	pays, err := js.CreateOrUpdateConsumer(ctx, "PAYMENTS", jetstream.ConsumerConfig{
		Durable:       "payments-worker",
		FilterSubject: "payments.*",
	})
	if err != nil {
		return err
	}
	pays.Consume(handlePayment) // want `nats receive "payments\.\*" payload=Payment\(application/json\) broker=nats://js\.internal:4222`

	// A stream's consumer with no filter reads every subject of the
	// stream; a method value.
	stream, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name:     "DISPUTES",
		Subjects: []string{"disputes.>"},
	})
	if err != nil {
		return err
	}
	dc, err := stream.CreateConsumer(ctx, jetstream.ConsumerConfig{Durable: "disputes"})
	if err != nil {
		return err
	}
	dc.Consume(disputes{}.handle) // want `nats receive "disputes\.>" payload=Dispute\(application/json\) broker=nats://js\.internal:4222`

	// Several filters, a closure.
	lc, err := stream.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		FilterSubjects: []string{"ledger.credit", "ledger.debit"},
	})
	if err != nil {
		return err
	}
	lc.Consume(func(m jetstream.Msg) { // want `nats receive "ledger\.credit" payload=Ledger\(application/json\) broker=nats://js\.internal:4222` `nats receive "ledger\.debit" payload=Ledger\(application/json\) broker=nats://js\.internal:4222`
		var l Ledger
		_ = json.Unmarshal(m.Data(), &l)
	})

	// Pulled: the Messages iterator, Next, and a Fetch batch.
	ac, err := js.OrderedConsumer(ctx, "AUDIT", jetstream.OrderedConsumerConfig{FilterSubjects: []string{"audit.>"}})
	if err != nil {
		return err
	}
	it, err := ac.Messages() // want `nats receive "audit\.>" payload=Audit\(application/json\) broker=nats://js\.internal:4222`
	if err != nil {
		return err
	}
	defer it.Stop()
	m, err := it.Next()
	if err == nil {
		var a Audit
		_ = json.Unmarshal(m.Data(), &a)
	}
	one, err := pays.Next() // want `nats receive "payments\.\*" payload=Payment\(application/json\) broker=nats://js\.internal:4222`
	if err == nil {
		var p Payment
		_ = json.Unmarshal(one.Data(), &p)
	}
	batch, err := dc.Fetch(10) // want `nats receive "disputes\.>" payload=Dispute\(application/json\) broker=nats://js\.internal:4222`
	if err != nil {
		return err
	}
	for m := range batch.Messages() {
		var d Dispute
		_ = json.Unmarshal(m.Data(), &d)
	}

	// A consumer looked up by name: its filter is configured elsewhere
	// (by another program, or the server's configuration).
	named, err := js.Consumer(ctx, "PAYMENTS", "payments-worker")
	if err != nil {
		return err
	}
	named.Consume(handlePayment) // want `cannot resolve the channel address of \(jetstream\.Consumer\)\.Consume: it is never set where the client is created \(name it with //asyncapi:channel <address> above the call\)` `nats receive <dynamic> payload=Payment\(application/json\) broker=nats://js\.internal:4222`
	return nil
}
