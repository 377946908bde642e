// Package gobwas serves and dials WebSockets with github.com/gobwas/ws
// and its wsutil helpers.
package gobwas

import (
	"context"
	"encoding/json"
	"net"
	"net/http"

	"github.com/gobwas/ws"
	"github.com/gobwas/ws/wsutil"
)

// Notice is pushed to clients.
type Notice struct {
	Level string `json:"level"`
}

// Report is what clients send.
type Report struct {
	Host string `json:"host"`
}

// notices upgrades and writes and reads in a goroutine.
func notices(w http.ResponseWriter, r *http.Request) {
	conn, _, _, err := ws.UpgradeHTTP(r, w)
	if err != nil {
		return
	}
	go serve(conn)
}

func serve(conn net.Conn) {
	defer conn.Close()
	b, _ := json.Marshal(Notice{Level: "info"})
	if err := wsutil.WriteServerMessage(conn, ws.OpText, b); err != nil {
		return
	}
	for {
		p, _, err := wsutil.ReadClientData(conn)
		if err != nil {
			return
		}
		var rep Report
		json.Unmarshal(p, &rep)
	}
}

// text writes with WriteServerText and reads with ReadClientText.
func text(w http.ResponseWriter, r *http.Request) {
	conn, _, _, err := ws.UpgradeHTTP(r, w)
	if err != nil {
		return
	}
	p, err := wsutil.ReadClientText(conn)
	if err != nil {
		return
	}
	var rep Report
	json.Unmarshal(p, &rep)
	b, _ := json.Marshal(Notice{Level: "ack"})
	wsutil.WriteServerText(conn, b)
}

// upgraded with an HTTPUpgrader value.
func upgraded(w http.ResponseWriter, r *http.Request) {
	u := ws.HTTPUpgrader{}
	conn, _, _, err := u.Upgrade(r, w)
	if err != nil {
		return
	}
	b, _ := json.Marshal(Notice{Level: "upgraded"})
	wsutil.WriteServerBinary(conn, b)
}

func metrics(w http.ResponseWriter, r *http.Request) {}

func routes() {
	http.HandleFunc("/notices", notices)   // want `ws send "/notices" payload=Notice\(application/json\) method=GET` `ws receive "/notices" payload=Report\(application/json\) method=GET`
	http.HandleFunc("/text", text)         // want `ws send "/text" payload=Notice\(application/json\) method=GET` `ws receive "/text" payload=Report\(application/json\) method=GET`
	http.HandleFunc("/upgraded", upgraded) // want `ws send "/upgraded" payload=Notice\(application/json\) method=GET`
	http.HandleFunc("/metrics", metrics)   // no upgrade: no operation
}

// report dials and sends a report, then reads a notice.
func report(ctx context.Context) error {
	conn, _, _, err := ws.Dial(ctx, "ws://monitor.internal/agent/notices") // want `ws send "ws://monitor\.internal/agent/notices" payload=Report\(application/json\) method=GET` `ws receive "ws://monitor\.internal/agent/notices" payload=Notice\(application/json\) method=GET`
	if err != nil {
		return err
	}
	defer conn.Close()
	b, _ := json.Marshal(Report{Host: "h1"})
	if err := wsutil.WriteClientMessage(conn, ws.OpText, b); err != nil {
		return err
	}
	p, _, err := wsutil.ReadServerData(conn)
	if err != nil {
		return err
	}
	var n Notice
	return json.Unmarshal(p, &n)
}

// dialer dials with a Dialer value and sends text.
func dialer(ctx context.Context) error {
	d := ws.Dialer{}
	conn, _, _, err := d.Dial(ctx, "wss://monitor.internal/agent/text") // want `wss send "wss://monitor\.internal/agent/text" payload=Report\(application/json\) method=GET`
	if err != nil {
		return err
	}
	b, _ := json.Marshal(Report{Host: "h2"})
	return wsutil.WriteClientText(conn, b)
}
