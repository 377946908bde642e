// Package billing handles payment messages; its handler is summarised
// for the packages that register it.
package billing

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

// Payment is a payment.
type Payment struct {
	ID string `json:"id"`
}

// HandlePayment decodes a payment message.
func HandlePayment(ctx context.Context, m kafka.Message) error { // want HandlePayment:`handles\(\$1.Value=example.com/testdata/kafkago/handlers/billing.Payment\)`
	var p Payment
	return json.Unmarshal(m.Value, &p)
}
