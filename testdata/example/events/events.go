// Package events defines the messages of the orders service.
package events

import "time"

// OrderPlaced is published when a customer places an order.
type OrderPlaced struct {
	OrderID    string    `json:"order_id"`
	CustomerID string    `json:"customer_id"`
	Lines      []Line    `json:"lines"`
	Total      Money     `json:"total"`
	PlacedAt   time.Time `json:"placed_at"`
	Note       *string   `json:"note,omitempty"`
}

// Line is one product in an order.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	Price    Money  `json:"price"`
}

// Money is an amount in minor units of a currency.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// OrderCancelled is published when an order is cancelled.
type OrderCancelled struct {
	OrderID string `json:"order_id"`
	Reason  string `json:"reason,omitempty"`
}

// PaymentCompleted is consumed from the billing service.
type PaymentCompleted struct {
	OrderID string `json:"order_id"`
	Amount  Money  `json:"amount"`
	OK      bool   `json:"ok"`
}
