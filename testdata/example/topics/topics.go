// Package topics names the Kafka topics of the orders service.
package topics

const (
	// OrderEvents carries the life cycle of every order.
	OrderEvents = "shop.orders.events.v1"
	// Payments carries payment results from the billing service.
	Payments = "shop.billing.payments.v1"
	// Audit receives a copy of every event, for compliance.
	Audit = "shop.audit"
)

// Brokers are the bootstrap brokers.
var Brokers = []string{"kafka-0.shop.internal:9092", "kafka-1.shop.internal:9092"}
