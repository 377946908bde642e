// Package server serves JSON over HTTP routes, the ways services do.
package server

import (
	"encoding/json"
	"io"
	"net/http"
)

// CreateOrder is the body of POST /orders.
type CreateOrder struct {
	SKU string `json:"sku"`
}

// Order is the response.
type Order struct {
	ID string `json:"id"`
}

// Status is a health report.
type Status struct {
	OK bool `json:"ok"`
}

// createOrder decodes the request body and encodes the response.
func createOrder(w http.ResponseWriter, r *http.Request) {
	var req CreateOrder
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	json.NewEncoder(w).Encode(Order{ID: "1"})
}

// getOrder reads no body: its operation is the response.
func getOrder(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, Order{ID: r.PathValue("id")})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

type health struct{}

func (health) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := json.Marshal(Status{OK: true})
	w.Write(b)
}

func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

func ignoredBody(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "ok")
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /orders", createOrder)                          // want `http receive "POST /orders" payload=CreateOrder\(application/json\) reply=Order\(application/json\)`
	mux.HandleFunc("GET /orders/{id}", getOrder)                         // want `http receive "GET /orders/\{id\}" reply=Order\(application/json\)`
	mux.Handle("GET /health", health{})                                  // want `http receive "GET /health" reply=Status\(application/json\)`
	mux.Handle("POST /v2/orders", logged(http.HandlerFunc(createOrder))) // want `http receive "POST /v2/orders" payload=CreateOrder\(application/json\) reply=Order\(application/json\)`
	http.HandleFunc("/ping", ignoredBody)
	http.HandleFunc("PUT /orders/{id}/raw", func(w http.ResponseWriter, r *http.Request) { // want `http receive "PUT /orders/\{id\}/raw" payload=CreateOrder\(application/json\)`
		b, _ := io.ReadAll(r.Body)
		var req CreateOrder
		_ = json.Unmarshal(b, &req)
	})
}
