// Command orders is the orders service of the example shop: it publishes
// order events and consumes payment results.
package main

import (
	"context"
	"log"

	"example.com/shop/orders/consume"
	"example.com/shop/orders/events"
	"example.com/shop/orders/publish"
)

func main() {
	ctx := context.Background()
	p := publish.New()
	err := consume.Payments(ctx, func(pc events.PaymentCompleted) error {
		log.Printf("order %s paid: %v", pc.OrderID, pc.OK)
		return p.OrderPlaced(ctx, events.OrderPlaced{OrderID: pc.OrderID})
	})
	if err != nil {
		log.Fatal(err)
	}
}
