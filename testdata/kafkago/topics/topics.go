// Package topics names the topics of the test services, as services keep
// them: constants in a package of their own.
package topics

import "fmt"

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

// Regional is the topic of a region's orders.
func Regional(region string) string { // want Regional:`returns\(orders\.\{\$0\}\.v1\)`
	return fmt.Sprintf("orders.%s.v1", region)
}
