// Package udp sends and receives JSON datagrams: a packet listener with
// ReadFrom and WriteTo, a dialed UDP connection, a multicast group.
package udp

import (
	"encoding/json"
	"net"
)

// Metric is a metric datagram.
type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Ack acknowledges a metric.
type Ack struct {
	Seq int `json:"seq"`
}

// Beacon is announced on a multicast group.
type Beacon struct {
	Node string `json:"node"`
}

// collector receives metrics and acknowledges each to its sender.
func collector() error {
	pc, err := net.ListenPacket("udp", ":8125") // want `udp send ":8125" payload=Ack\(application/json\)` `udp receive ":8125" payload=Metric\(application/json\)`
	if err != nil {
		return err
	}
	defer pc.Close()
	buf := make([]byte, 65535)
	for {
		n, from, err := pc.ReadFrom(buf)
		if err != nil {
			return err
		}
		var m Metric
		if json.Unmarshal(buf[:n], &m) != nil {
			continue
		}
		b, _ := json.Marshal(Ack{Seq: 1})
		pc.WriteTo(b, from)
	}
}

// emitter sends metrics on a dialed *UDPConn.
func emitter(m Metric) error {
	// No operation is found: Write and Read of a *UDPConn (and of
	// *TCPConn, *IPConn) are promoted from the unexported net.conn, whose
	// full names are (*net.conn).Write and (*net.conn).Read;
	// Codecs.Writes and Codecs.Reads list (*net.UDPConn).Write and
	// (*net.UDPConn).Read, which no call has. It should read udp send
	// "metrics.internal:8125" payload=Metric(application/json).
	raddr, err := net.ResolveUDPAddr("udp4", "metrics.internal:8125")
	if err != nil {
		return err
	}
	conn, err := net.DialUDP("udp4", nil, raddr)
	if err != nil {
		return err
	}
	defer conn.Close()
	b, _ := json.Marshal(m)
	_, err = conn.Write(b)
	return err
}

// dialed sends a metric on a connection of net.Dial.
func dialed(m Metric) error {
	conn, err := net.Dial("udp", "metrics.internal:8125") // want `udp send "metrics\.internal:8125" payload=Metric\(application/json\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	return json.NewEncoder(conn).Encode(m)
}

// listenUDP receives metrics on a *UDPConn.
func listenUDP() error {
	laddr, _ := net.ResolveUDPAddr("udp", ":8126")
	conn, err := net.ListenUDP("udp", laddr) // want `udp receive ":8126" payload=Metric\(application/json\)`
	if err != nil {
		return err
	}
	buf := make([]byte, 1500)
	n, _, err := conn.ReadFromUDP(buf)
	if err != nil {
		return err
	}
	var m Metric
	return json.Unmarshal(buf[:n], &m)
}

// multicast receives the beacons of a multicast group.
func multicast() error {
	group, _ := net.ResolveUDPAddr("udp4", "239.1.2.3:9999")
	conn, err := net.ListenMulticastUDP("udp4", nil, group) // want `udp receive "239\.1\.2\.3:9999" payload=Beacon\(application/json\)`
	if err != nil {
		return err
	}
	buf := make([]byte, 1500)
	n, _, err := conn.ReadFromUDP(buf)
	if err != nil {
		return err
	}
	var b Beacon
	return json.Unmarshal(buf[:n], &b)
}
