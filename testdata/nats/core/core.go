// Package core publishes, requests and subscribes with nats.go's core
// API: handlers as named functions, method values and closures,
// channels, synchronous subscriptions, queue groups, wildcard subjects.
package core

import (
	"encoding/json"
	"time"

	"github.com/nats-io/nats.go"
)

// Order is an order event.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Event is an audit event.
type Event struct {
	Kind string `json:"kind"`
}

// Quote is asked for by a request.
type Quote struct {
	SKU string `json:"sku"`
}

// Price answers a Quote.
type Price struct {
	Cents int `json:"cents"`
}

// Shipment is a shipping notice.
type Shipment struct {
	Carrier string `json:"carrier"`
}

// Invoice is an invoice.
type Invoice struct {
	Number string `json:"number"`
}

// Refund is a refund.
type Refund struct {
	Amount int `json:"amount"`
}

func onOrder(m *nats.Msg) {
	var o Order
	_ = json.Unmarshal(m.Data, &o)
}

type auditor struct{ n int }

func (a *auditor) onEvent(m *nats.Msg) {
	var e Event
	if json.Unmarshal(m.Data, &e) == nil {
		a.n++
	}
}

func run() error {
	nc, err := nats.Connect("nats://nats.internal:4222")
	if err != nil {
		return err
	}
	defer nc.Close()

	b, _ := json.Marshal(Order{ID: "1"})
	nc.Publish("orders.created", b) // want `nats send "orders\.created" payload=Order\(application/json\) broker=nats://nats\.internal:4222`
	eb, _ := json.Marshal(Event{Kind: "login"})
	nc.PublishMsg(&nats.Msg{Subject: "events.user.login", Data: eb, Header: nats.Header{"Trace-Id": []string{"t1"}}}) // want `nats send "events\.user\.login" payload=Event\(application/json\) header\[Trace-Id\]=\[\]string broker=nats://nats\.internal:4222`

	// Request/reply.
	qb, _ := json.Marshal(Quote{SKU: "a"})
	resp, err := nc.Request("pricing.quote", qb, time.Second) // want `nats send "pricing\.quote" payload=Quote\(application/json\) reply=Price\(application/json\) broker=nats://nats\.internal:4222`
	if err != nil {
		return err
	}
	var p Price
	_ = json.Unmarshal(resp.Data, &p)

	// Handlers: a named function on a wildcard subject, a method value on
	// a multi-level wildcard, a closure in a queue group.
	nc.Subscribe("orders.*", onOrder) // want `nats receive "orders\.\*" payload=Order\(application/json\) broker=nats://nats\.internal:4222`
	a := &auditor{}
	nc.Subscribe("events.>", a.onEvent)                            // want `nats receive "events\.>" payload=Event\(application/json\) broker=nats://nats\.internal:4222`
	nc.QueueSubscribe("shipments", "shippers", func(m *nats.Msg) { // want `nats receive "shipments" payload=Shipment\(application/json\) broker=nats://nats\.internal:4222 queue=shippers`
		var s Shipment
		_ = json.Unmarshal(m.Data, &s)
	})

	// The responder side of pricing.quote: what m.Respond(data) answers
	// is the reply.
	nc.Subscribe("pricing.quote", func(m *nats.Msg) { // want `nats receive "pricing\.quote" payload=Quote\(application/json\) reply=Price\(application/json\) broker=nats://nats\.internal:4222`
		var q Quote
		_ = json.Unmarshal(m.Data, &q)
		out, _ := json.Marshal(Price{Cents: 100})
		m.Respond(out)
	})

	// A channel subscription read in a goroutine that captures it.
	ch := make(chan *nats.Msg, 64)
	nc.ChanSubscribe("invoices", ch) // want `nats receive "invoices" payload=Invoice\(application/json\) broker=nats://nats\.internal:4222`
	go func() {
		for m := range ch {
			var inv Invoice
			_ = json.Unmarshal(m.Data, &inv)
		}
	}()

	// A channel read in the same function.
	ch2 := make(chan *nats.Msg, 64)
	nc.ChanQueueSubscribe("invoices.eu", "billing", ch2) // want `nats receive "invoices\.eu" payload=Invoice\(application/json\) broker=nats://nats\.internal:4222 queue=billing`
	for m := range ch2 {
		var inv Invoice
		_ = json.Unmarshal(m.Data, &inv)
		break
	}

	// A synchronous subscription.
	sub, _ := nc.SubscribeSync("refunds") // want `nats receive "refunds" payload=Refund\(application/json\) broker=nats://nats\.internal:4222`
	m, err := sub.NextMsg(time.Second)
	if err == nil {
		var r Refund
		_ = json.Unmarshal(m.Data, &r)
	}

	// A synchronous responder: the reply is what it answers.
	rs, _ := nc.SubscribeSync("stock.check") // want `nats receive "stock\.check" payload=\[\]byte reply=Price\(application/json\) broker=nats://nats\.internal:4222`
	for {
		req, err := rs.NextMsg(time.Second)
		if err != nil {
			return err
		}
		b, _ := json.Marshal(Price{Cents: 1})
		_ = req.Respond(b)
	}
}

// legacy archives orders and works off refunds in JetStream.
func legacy() error {
	nc, err := nats.Connect("nats://nats.internal:4222")
	if err != nil {
		return err
	}
	js, err := nc.JetStream()
	if err != nil {
		return err
	}
	b, _ := json.Marshal(Order{ID: "2"})
	js.Publish("orders.archived", b)                           // want `nats send "orders\.archived" payload=Order\(application/json\) broker=nats://nats\.internal:4222`
	js.Subscribe("orders.*", onOrder)                          // want `nats receive "orders\.\*" payload=Order\(application/json\) broker=nats://nats\.internal:4222`
	sub, err := js.PullSubscribe("refunds.>", "refund-worker") // want `nats receive "refunds\.>" payload=Refund\(application/json\) broker=nats://nats\.internal:4222`
	if err != nil {
		return err
	}
	msgs, _ := sub.Fetch(10)
	for _, m := range msgs {
		var r Refund
		_ = json.Unmarshal(m.Data, &r)
		m.Ack()
	}
	return nil
}

// encoded publishes with the deprecated EncodedConn.
func encoded() {
	nc, _ := nats.Connect(nats.DefaultURL)
	ec, _ := nats.NewEncodedConn(nc, nats.JSON_ENCODER)
	// The EncodedConn encodes Go values with the encoder it is made
	// with: the call itself encodes (Call.Encodes).
	ec.Publish("invoices", Invoice{Number: "7"}) // want `nats send "invoices" payload=Invoice\(application/json\) broker=nats://127\.0\.0\.1:4222`
}
