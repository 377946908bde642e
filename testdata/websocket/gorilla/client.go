package gorilla

import (
	"context"
	"encoding/json"

	"github.com/gorilla/websocket"
)

// subscribe dials the ticker, sends a command and reads ticks.
func subscribe(ctx context.Context) error {
	conn, _, err := websocket.DefaultDialer.DialContext(ctx, "wss://prices.example.com/feed/ticker?v=2", nil) // want `wss send "wss://prices\.example\.com/feed/ticker\?v=2" payload=Subscribe\(application/json\) method=GET` `wss receive "wss://prices\.example\.com/feed/ticker\?v=2" payload=Tick\(application/json\) method=GET`
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.WriteJSON(Subscribe{Symbols: []string{"ACME"}}); err != nil {
		return err
	}
	for {
		var t Tick
		if err := conn.ReadJSON(&t); err != nil {
			return err
		}
	}
}

// post dials with a Dialer of its own and writes raw JSON in a helper.
func post(m ChatMessage) error {
	d := &websocket.Dialer{}
	conn, _, err := d.Dial("ws://chat.example.com:8080/rooms/lobby", nil) // want `ws send "ws://chat\.example\.com:8080/rooms/lobby" payload=ChatMessage\(application/json\) method=GET`
	if err != nil {
		return err
	}
	return sendChat(conn, m)
}

func sendChat(conn *websocket.Conn, m ChatMessage) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return conn.WriteMessage(websocket.TextMessage, b)
}
