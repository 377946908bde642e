// Command service is a small service for the pre-commit and go:generate
// tests: they copy it into a repository of its own.
package main

//go:generate asyncapi-extract -o spec.yaml ./...

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

// Greeting is sent to the greetings topic.
type Greeting struct {
	Text string `json:"text"`
}

func main() {
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092"), Topic: "greetings"}
	b, _ := json.Marshal(Greeting{Text: "hello"})
	_ = w.WriteMessages(context.Background(), kafka.Message{Value: b})
}
