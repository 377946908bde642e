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
