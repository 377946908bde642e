// Package client posts JSON to HTTP services.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
)

// Order is sent.
type Order struct {
	ID string `json:"id"`
}

// Receipt is the response.
type Receipt struct {
	OK bool `json:"ok"`
}

func post(o Order) error {
	b, _ := json.Marshal(o)
	resp, err := http.Post("http://orders.internal:8080/api/orders?dry=1", "application/json", bytes.NewReader(b)) // want `http send "http://orders\.internal:8080/api/orders\?dry=1" payload=Order\(application/json\) reply=Receipt\(application/json\) method=POST`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var rc Receipt
	return json.NewDecoder(resp.Body).Decode(&rc)
}

func do(ctx context.Context, c *http.Client, o Order) error {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(o)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPut, "https://orders.internal/api/orders/1", &buf)
	_, err := c.Do(req) // want `https send "https://orders\.internal/api/orders/1" payload=Order\(application/json\) method=PUT`
	return err
}
