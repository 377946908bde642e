// Package events defines the messages of the orders service.
package events

import "time"

// OrderPlaced is published when a customer places an order.
type OrderPlaced struct {
	// OrderID identifies the order.
	OrderID    string    `json:"order_id" validate:"required,uuid"`
	CustomerID string    `json:"customer_id"`
	Lines      []Line    `json:"lines" validate:"min=1"`
	Total      Money     `json:"total"`
	PlacedAt   time.Time `json:"placed_at"`
	// Note is the customer's note to the shop, if any.
	Note *string `json:"note,omitempty"`
}

// Line is one product in an order.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity" validate:"gte=1"`
	Price    Money  `json:"price"`
}

// Money is an amount in minor units of a currency.
type Money struct {
	Amount   int64    `json:"amount"`
	Currency Currency `json:"currency"`
}

// Currency is an ISO 4217 code.
type Currency string

// The currencies the shop sells in.
const (
	EUR Currency = "EUR" // Euro
	USD Currency = "USD" // US dollar
	GBP Currency = "GBP" // Pound sterling
)

// OrderCancelled is published when an order is cancelled.
type OrderCancelled struct {
	OrderID string `json:"order_id"`
	Reason  string `json:"reason,omitempty"`
}

// FulfilmentRequest asks a regional warehouse to ship an order.
type FulfilmentRequest struct {
	OrderID string `json:"order_id"`
	Lines   []Line `json:"lines"`
}

// PaymentCompleted is consumed from the billing service.
type PaymentCompleted struct {
	OrderID string `json:"order_id"`
	Amount  Money  `json:"amount"`
	OK      bool   `json:"ok"`
}

// RefundIssued is consumed from the billing service.
type RefundIssued struct {
	OrderID string `json:"order_id"`
	Amount  Money  `json:"amount"`
}

// DeadLetter wraps a message that could not be processed.
type DeadLetter struct {
	Topic  string `json:"topic"`
	Error  string `json:"error"`
	Offset int64  `json:"offset"`
	Value  []byte `json:"value"`
}
