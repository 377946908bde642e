// Package billing declares types whose names clash with those of package
// corpus, to check that components get distinct, stable names.
package billing

// Item is a billed line; corpus.Item has the same name.
type Item struct {
	// Description is what was billed.
	Description string `json:"description"`
	// AmountCents is the price in cents.
	AmountCents int64 `json:"amountCents"`
}

// Status is the state of an invoice; corpus.Status has the same name.
type Status string

const (
	// StatusOpen is an unpaid invoice.
	StatusOpen Status = "open"
	// StatusSettled is a paid invoice.
	StatusSettled Status = "settled"
)
