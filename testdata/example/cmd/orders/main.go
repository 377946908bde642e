// Command orders is the orders service of the example shop: it publishes
// order events and fulfilment requests, and consumes payment results.
//
//asyncapi:info title="Orders service" version=1.4.0 contact.name="Shop platform team" contact.email=platform@shop.example
package main

import (
	"context"
	"flag"
	"log"

	"example.com/shop/orders/internal/events"
	"example.com/shop/orders/internal/kafkabus"
	"example.com/shop/orders/internal/ledger"
	"example.com/shop/orders/internal/orders"
	"example.com/shop/orders/internal/topics"
)

func main() {
	region := flag.String("region", "eu", "the region this instance serves")
	flag.Parse()
	ctx := context.Background()

	svc := orders.NewService(
		kafkabus.NewPublisher(topics.Brokers, topics.OrderEvents),
		kafkabus.NewPublisher(topics.Brokers, topics.Fulfilment(*region)),
	)
	audit := kafkabus.NewPublisher(topics.Brokers, topics.Audit)

	go func() {
		err := kafkabus.Consume(ctx, topics.Brokers, topics.Payments, "orders-service",
			func(ctx context.Context, p events.PaymentCompleted) error {
				if err := audit.Publish(ctx, p.OrderID, p); err != nil {
					return err
				}
				return svc.HandlePayment(ctx, p)
			})
		log.Fatal(err)
	}()
	go func() { log.Fatal(ledger.Run(ctx)) }()

	if err := svc.PlaceOrder(ctx, "c-1", []events.Line{{SKU: "sku-1", Quantity: 1}}); err != nil {
		log.Fatal(err)
	}
}
