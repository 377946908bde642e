// Package ip exchanges binary probes over raw IP: the channel is the
// network ("ip4:icmp"), the peer the server.
package ip

import (
	"encoding/binary"
	"net"
)

// Echo is an ICMP echo message.
type Echo struct {
	Type     uint8
	Code     uint8
	Checksum uint16
	ID       uint16
	Seq      uint16
}

// ping sends an echo request and reads the reply.
func ping() error {
	raddr, err := net.ResolveIPAddr("ip4", "10.0.0.1")
	if err != nil {
		return err
	}
	conn, err := net.DialIP("ip4:icmp", nil, raddr) // want `ip send "ip4:icmp" payload=Echo\(application/octet-stream\) broker=10\.0\.0\.1` `ip receive "ip4:icmp" payload=Echo\(application/octet-stream\) broker=10\.0\.0\.1`
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := binary.Write(conn, binary.BigEndian, Echo{Type: 8}); err != nil {
		return err
	}
	var reply Echo
	return binary.Read(conn, binary.BigEndian, &reply)
}

// listen reads echo messages.
func listen() error {
	conn, err := net.ListenIP("ip4:icmp", &net.IPAddr{IP: net.IPv4zero}) // want `ip receive "ip4:icmp" payload=Echo\(application/octet-stream\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	var e Echo
	return binary.Read(conn, binary.BigEndian, &e)
}

// dialed sends a probe over raw IP dialed with net.Dial.
func dialed() error {
	// The protocol is IP, but the channel is the peer address: a Call's
	// Address cannot depend on the protocol ProtocolBy picks. It should
	// read ip send "ip4:1" payload=Echo(application/octet-stream).
	conn, err := net.Dial("ip4:1", "10.0.0.2") // want `ip send "10\.0\.0\.2" payload=Echo\(application/octet-stream\)`
	if err != nil {
		return err
	}
	defer conn.Close()
	return binary.Write(conn, binary.BigEndian, Echo{Type: 8})
}
