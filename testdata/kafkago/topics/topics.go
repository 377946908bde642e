// Package topics names the topics of the test services, as services keep
// them: constants in a package of their own.
package topics

const (
	prefix = "shop."
	// Orders carries every order placed.
	Orders = prefix + "orders.v1"
	// Payments carries payment results.
	Payments = "shop.payments.v1"
)

// Brokers are the bootstrap brokers.
var Brokers = []string{"kafka-1:9092", "kafka-2:9092"} // want Brokers:`var\(kafka-1:9092, kafka-2:9092\)`

// Region is set by flags at run time.
var Region = "eu"

func init() { Region = "us" }
