// Package topics names the Kafka topics of the orders service.
package topics

import "fmt"

const (
	// OrderEvents carries the life cycle of every order.
	OrderEvents = "shop.orders.events.v1"
	// Payments carries payment results from the billing service.
	Payments = "shop.billing.payments.v1"
	// Refunds carries refunds from the billing service.
	Refunds = "shop.billing.refunds.v1"
	// Audit receives a copy of every event, for compliance.
	Audit = "shop.audit"
)

// Brokers are the bootstrap brokers of the shop's Kafka cluster.
var Brokers = []string{"kafka-0.shop.internal:9092", "kafka-1.shop.internal:9092"}

// Fulfilment is the topic the warehouses of a region read orders from.
func Fulfilment(region string) string {
	return fmt.Sprintf("shop.%s.fulfilment.v1", region)
}
