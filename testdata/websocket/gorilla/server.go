// Package gorilla is a chat server and client over
// github.com/gorilla/websocket, the ways services write them.
package gorilla

import (
	"encoding/json"
	"log"
	"net/http"

	"github.com/gorilla/websocket"
)

// ChatMessage is what clients post to a room and what the server
// broadcasts.
type ChatMessage struct {
	User string `json:"user"`
	Text string `json:"text"`
}

// Presence is pushed to clients when someone joins.
type Presence struct {
	Online int `json:"online"`
}

// Subscribe is the command a ticker client sends.
type Subscribe struct {
	Symbols []string `json:"symbols"`
}

// Tick is a price update.
type Tick struct {
	Symbol string  `json:"symbol"`
	Price  float64 `json:"price"`
}

var upgrader = websocket.Upgrader{ReadBufferSize: 1024, WriteBufferSize: 1024}

// chat upgrades and hands the connection to a read pump and a write
// pump, each in its own goroutine.
func chat(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		log.Println(err)
		return
	}
	send := make(chan ChatMessage)
	go writePump(conn, send)
	go readPump(conn, send)
}

// readPump reads raw messages and decodes them.
func readPump(conn *websocket.Conn, out chan<- ChatMessage) {
	defer conn.Close()
	for {
		_, p, err := conn.ReadMessage()
		if err != nil {
			return
		}
		var m ChatMessage
		if err := json.Unmarshal(p, &m); err != nil {
			continue
		}
		out <- m
	}
}

// writePump encodes and writes raw messages, and a presence with
// WriteJSON.
func writePump(conn *websocket.Conn, in <-chan ChatMessage) {
	conn.WriteJSON(Presence{Online: 1})
	for m := range in {
		b, _ := json.Marshal(m)
		if err := conn.WriteMessage(websocket.TextMessage, b); err != nil {
			return
		}
	}
}

// ticker reads JSON commands and writes JSON ticks in the handler.
func ticker(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	var sub Subscribe
	if err := conn.ReadJSON(&sub); err != nil {
		return
	}
	for _, s := range sub.Symbols {
		conn.WriteJSON(Tick{Symbol: s, Price: 1})
	}
}

// streamed writes through NextWriter and reads through NextReader: the
// writer and the reader are derived from the connection.
func streamed(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	_, rd, err := conn.NextReader()
	if err != nil {
		return
	}
	var sub Subscribe
	json.NewDecoder(rd).Decode(&sub)
	wr, err := conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return
	}
	json.NewEncoder(wr).Encode(Tick{Symbol: "X"})
	wr.Close()
}

// hub keeps the connection in a struct: the chat example's Client.
type client struct {
	conn *websocket.Conn
}

func (c *client) write(t Tick) error { return c.conn.WriteJSON(t) }

func stored(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &client{conn: conn}
	c.write(Tick{Symbol: "Y"})
}

// legacy upgrades with the package's Upgrade function and reads and
// writes with its ReadJSON and WriteJSON functions.
func legacy(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Upgrade(w, r, nil, 1024, 1024)
	if err != nil {
		return
	}
	var sub Subscribe
	websocket.ReadJSON(conn, &sub)
	websocket.WriteJSON(conn, Tick{Symbol: "Z"})
}

// health does not upgrade: no WebSocket operation.
func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
}

type tickerHandler struct{}

func (tickerHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ticker(w, r)
}

func routes(mux *http.ServeMux) {
	mux.HandleFunc("/ws/chat", chat)         // want `ws send "/ws/chat" payload=Presence\(application/json\) payload=ChatMessage\(application/json\) method=GET` `ws receive "/ws/chat" payload=ChatMessage\(application/json\) method=GET`
	mux.HandleFunc("GET /ws/ticker", ticker) // want `ws send "GET /ws/ticker" payload=Tick\(application/json\) method=GET` `ws receive "GET /ws/ticker" payload=Subscribe\(application/json\) method=GET`
	// NextReader and NextWriter return a reader and a writer of one message.
	mux.HandleFunc("/ws/streamed", streamed) // want `ws send "/ws/streamed" payload=Tick\(application/json\) method=GET` `ws receive "/ws/streamed" payload=Subscribe\(application/json\) method=GET`
	// The connection is kept in a struct field (client{conn: conn}) and written
	// through c.conn in a method.
	mux.HandleFunc("/ws/stored", stored)         // want `ws send "/ws/stored" payload=Tick\(application/json\) method=GET`
	mux.HandleFunc("/ws/legacy", legacy)         // want `ws send "/ws/legacy" payload=Tick\(application/json\) method=GET` `ws receive "/ws/legacy" payload=Subscribe\(application/json\) method=GET`
	mux.HandleFunc("/health", health)            // no upgrade: no operation
	mux.Handle("/ws/v2/ticker", tickerHandler{}) // want `ws send "/ws/v2/ticker" payload=Tick\(application/json\) method=GET` `ws receive "/ws/v2/ticker" payload=Subscribe\(application/json\) method=GET`
	// The connection is captured by the closure of a goroutine (go func() { conn.ReadJSON(&m) }()).
	http.HandleFunc("/ws/rooms/{room}", func(w http.ResponseWriter, r *http.Request) { // want `ws send "/ws/rooms/\{room\}" payload=ChatMessage\(application/json\) method=GET` `ws receive "/ws/rooms/\{room\}" payload=ChatMessage\(application/json\) method=GET`
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		go func() {
			for {
				var m ChatMessage
				if err := conn.ReadJSON(&m); err != nil {
					return
				}
				conn.WriteJSON(m)
			}
		}()
	})
}
