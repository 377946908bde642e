// Package nhooyr serves and dials WebSockets with nhooyr.io/websocket, coder/websocket's former path.
package nhooyr

import (
	"context"
	"encoding/json"
	"net/http"

	"nhooyr.io/websocket"
	"nhooyr.io/websocket/wsjson"
)

// Echo is what the echo route reads and writes back.
type Echo struct {
	Text string `json:"text"`
}

// Event is pushed by the events route, raw.
type Event struct {
	Kind string `json:"kind"`
}

// Ack is what a client of the events route sends back.
type Ack struct {
	ID int `json:"id"`
}

// echo reads and writes JSON with wsjson.
func echo(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx := r.Context()
	for {
		var e Echo
		if err := wsjson.Read(ctx, c, &e); err != nil {
			return
		}
		if err := wsjson.Write(ctx, c, e); err != nil {
			return
		}
	}
}

// events writes raw messages in a goroutine and reads acks.
func events(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"events"}})
	if err != nil {
		return
	}
	go push(r.Context(), c)
	readAcks(r.Context(), c)
}

func push(ctx context.Context, c *websocket.Conn) {
	b, _ := json.Marshal(Event{Kind: "created"})
	c.Write(ctx, websocket.MessageText, b)
}

func readAcks(ctx context.Context, c *websocket.Conn) {
	for {
		_, p, err := c.Read(ctx)
		if err != nil {
			return
		}
		var a Ack
		json.Unmarshal(p, &a)
	}
}

// plain does not upgrade.
func plain(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/echo", echo)                 // want `ws send "/echo" payload=Echo\(application/json\) method=GET` `ws receive "/echo" payload=Echo\(application/json\) method=GET`
	mux.HandleFunc("GET /events/{topic}", events) // want `ws send "GET /events/\{topic\}" payload=Event\(application/json\) method=GET` `ws receive "GET /events/\{topic\}" payload=Ack\(application/json\) method=GET`
	mux.HandleFunc("/plain", plain)               // no upgrade: no operation
}

// client dials the events route.
func client(ctx context.Context) error {
	c, _, err := websocket.Dial(ctx, "ws://events.internal:9000/events/orders", nil) // want `ws send "ws://events\.internal:9000/events/orders" payload=Ack\(application/json\) method=GET` `ws receive "ws://events\.internal:9000/events/orders" payload=Event\(application/json\) method=GET`
	if err != nil {
		return err
	}
	defer c.Close(websocket.StatusNormalClosure, "")
	_, p, err := c.Read(ctx)
	if err != nil {
		return err
	}
	var e Event
	json.Unmarshal(p, &e)
	return wsjson.Write(ctx, c, Ack{ID: 1})
}
