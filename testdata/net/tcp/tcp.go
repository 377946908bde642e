// Package tcp is a JSON-over-TCP server that decodes requests from the
// connections it accepts in goroutines, and clients that encode them.
package tcp

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"net"
	"time"
)

// Request is what clients send.
type Request struct {
	Op  string `json:"op"`
	Key string `json:"key"`
}

// Response is what the server answers.
type Response struct {
	OK    bool   `json:"ok"`
	Value string `json:"value"`
}

// Header is a fixed-size binary frame header.
type Header struct {
	Version uint8
	Length  uint32
}

// serve accepts connections and handles each in a goroutine.
func serve() error {
	ln, err := net.Listen("tcp", ":7000") // want `tcp send ":7000" payload=Response\(application/json\)` `tcp receive ":7000" payload=Request\(application/json\)`
	if err != nil {
		return err
	}
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

// handle answers the requests of one connection.
func handle(conn net.Conn) {
	defer conn.Close()
	dec := json.NewDecoder(conn)
	enc := json.NewEncoder(conn)
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			return
		}
		enc.Encode(Response{OK: true})
	}
}

// client sends one request and reads the response.
func client(ctx context.Context) (Response, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp4", "kv.internal:7000") // want `tcp send "kv\.internal:7000" payload=Request\(application/json\)` `tcp receive "kv\.internal:7000" payload=Response\(application/json\)`
	if err != nil {
		return Response{}, err
	}
	defer conn.Close()
	b, _ := json.Marshal(Request{Op: "get", Key: "a"})
	if _, err := conn.Write(b); err != nil {
		return Response{}, err
	}
	buf := make([]byte, 4096)
	n, err := conn.Read(buf)
	if err != nil {
		return Response{}, err
	}
	var resp Response
	err = json.Unmarshal(buf[:n], &resp)
	return resp, err
}

// binaryFrames dials with a timeout and exchanges binary headers.
func binaryFrames() error {
	conn, err := net.DialTimeout("tcp", "frames.internal:9000", 5*time.Second) // want `tcp send "frames\.internal:9000" payload=Header\(application/octet-stream\)` `tcp receive "frames\.internal:9000" payload=Header\(application/octet-stream\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := binary.Write(conn, binary.BigEndian, Header{Version: 1}); err != nil {
		return err
	}
	var h Header
	return binary.Read(conn, binary.BigEndian, &h)
}

// probe only checks that a port is open: no operation (OnlyWithPayload).
func probe() bool {
	conn, err := net.DialTimeout("tcp", "db.internal:5432", time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// tcpListener serves with ListenTCP and AcceptTCP, decoding in a
// goroutine closure.
func tcpListener() error {
	// The closure captures the variable conn: its loads inside the
	// closure are the stream's uses.
	addr, err := net.ResolveTCPAddr("tcp", ":7100")
	if err != nil {
		return err
	}
	ln, err := net.ListenTCP("tcp", addr) // want `tcp receive ":7100" payload=Request\(application/json\)`
	if err != nil {
		return err
	}
	for {
		conn, err := ln.AcceptTCP()
		if err != nil {
			return err
		}
		go func() {
			defer conn.Close()
			var req Request
			_ = json.NewDecoder(conn).Decode(&req)
		}()
	}
}

// tcpDial dials with DialTCP.
func tcpDial() error {
	raddr, _ := net.ResolveTCPAddr("tcp", "kv.internal:7100")
	conn, err := net.DialTCP("tcp", nil, raddr) // want `tcp send "kv\.internal:7100" payload=Request\(application/json\)`
	if err != nil {
		return err
	}
	return json.NewEncoder(conn).Encode(Request{Op: "put"})
}

// Event is a line of a newline-delimited JSON stream.
type Event struct {
	Kind string `json:"kind"`
}

// lines reads newline-delimited JSON through a bufio.Scanner and
// writes acknowledgements through a bufio.Writer.
func lines() error {
	conn, err := net.Dial("tcp", "events.internal:7200") // want `tcp send "events\.internal:7200" payload=Response\(application/json\)` `tcp receive "events\.internal:7200" payload=Event\(application/json\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	w := bufio.NewWriter(conn)
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return err
		}
		b, _ := json.Marshal(Response{OK: true})
		_, _ = w.Write(append(b, '\n'))
		_ = w.Flush()
	}
	return sc.Err()
}
