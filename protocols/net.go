package protocols

// TCP, UDP and IP are the transports of package net. AsyncAPI defines
// no bindings for them: the address is the listen or dial address, or
// for raw IP the network ("ip4:icmp").
var (
	TCP = &Protocol{
		Name:            "tcp",
		HostVariable:    "tcpHost",
		HostDescription: "The TCP host; each channel's address is the address the code listens on or dials (host:port).",
	}
	UDP = &Protocol{
		Name:            "udp",
		HostVariable:    "udpHost",
		HostDescription: "The UDP host; each channel's address is the address the code listens on or dials (host:port).",
	}
	IP = &Protocol{
		Name:            "ip",
		HostVariable:    "ipHost",
		HostDescription: "The IP peer; the code does not name it as a constant.",
	}
)

// Net is the standard library's package net.
//
// Every call that opens a connection (a dial) or a listener is a channel
// whose address is the dial or listen address: a send operation of the
// messages the program writes to the connection (json.NewEncoder(conn),
// conn.Write(b) of json.Marshal's bytes, binary.Write, WriteTo on a
// packet connection, wherever the connection is passed) and a receive
// operation of those it reads from it (json.NewDecoder(conn),
// conn.Read(buf) then json.Unmarshal, binary.Read, ReadFrom). A
// listener's connections are the results of its Accept. The protocol is
// picked by the network argument ("tcp", "tcp4", "udp6", "ip4:icmp"),
// TCP when it is not a constant.
//
// Only typed messages make an operation (OnlyWithPayload): a connection
// that carries raw bytes or text alone, or that is only opened (a
// health check dialing a port), says nothing a document can describe,
// and would otherwise add a send and a receive of bytes for every dial.
var Net = &Library{
	Name:     "net",
	Path:     "net",
	Protocol: TCP,
	Calls: map[string]Call{
		"net.Dial":                  netDial(Arg(0), Arg(1), Result(0)),
		"net.DialTimeout":           netDial(Arg(0), Arg(1), Result(0)),
		"(*net.Dialer).Dial":        netDial(Arg(0), Arg(1), Result(0)),
		"(*net.Dialer).DialContext": netDial(Arg(1), Arg(2), Result(0)),
		"net.DialTCP":               netDial(Arg(0), netAddr(Arg(2), "net.ResolveTCPAddr"), Result(0)),
		"net.DialUDP":               netDial(Arg(0), netAddr(Arg(2), "net.ResolveUDPAddr"), Result(0)),
		// Raw IP: the channel is the network ("ip4:icmp"), the peer
		// the server (the only place it can be written).
		"net.DialIP": netIP(netDial(Arg(0), Arg(0), Result(0)), netAddr(Arg(2), "net.ResolveIPAddr")),

		// Stream listeners: the messages of the accepted connections.
		"net.Listen":                 netListen(Arg(0), Arg(1), Result(0, "Accept()")),
		"(*net.ListenConfig).Listen": netListen(Arg(1), Arg(2), Result(0, "Accept()")),
		// ListenTCP's connections are the results of Accept and of
		// AcceptTCP.
		"net.ListenTCP": netListen(Arg(0), netAddr(Arg(1), "net.ResolveTCPAddr"), Result(0, "Accept()"), Result(0, "AcceptTCP()")),
		// Packet listeners read and write datagrams themselves.
		"net.ListenPacket":                 netListen(Arg(0), Arg(1), Result(0)),
		"(*net.ListenConfig).ListenPacket": netListen(Arg(1), Arg(2), Result(0)),
		"net.ListenUDP":                    netListen(Arg(0), netAddr(Arg(1), "net.ResolveUDPAddr"), Result(0)),
		"net.ListenMulticastUDP":           netListen(Arg(0), netAddr(Arg(2), "net.ResolveUDPAddr"), Result(0)),
		"net.ListenIP":                     netIP(netListen(Arg(0), Arg(0), Result(0)), Path{}),
	},
}

// netChoice picks the protocol by the network argument.
func netChoice(network Path) *ProtocolChoice {
	return &ProtocolChoice{Path: network, Choices: []ProtocolPrefix{
		{"tcp", TCP}, {"udp", UDP}, {"ip", IP},
	}}
}

// netAddr is an address argument of type *TCPAddr, *UDPAddr or *IPAddr:
// the address string it was resolved from (net.ResolveUDPAddr("udp",
// ":9999")).
func netAddr(arg Path, resolve string) Path {
	return pathWith(arg, resolve+"(1)")
}

// netDial is a dial of address on network, whose connection is conn: a
// send of what is written to it, then a receive of what is read from
// it. The dialed address is the channel's, not the server's: a document
// has one server per protocol, which the addresses a program listens on
// and the peers it dials would share.
func netDial(network, address, conn Path) Call {
	return netStream(network, address, conn)
}

// netListen is a listener on address whose connections are conns.
func netListen(network, address Path, conns ...Path) Call {
	return netStream(network, address, conns...)
}

func netStream(network, address Path, conns ...Path) Call {
	return streamOps(Call{
		Address:         []Path{address},
		ProtocolBy:      netChoice(network),
		OnlyWithPayload: true,
	}, conns...)
}

// streamOps returns c as the operations of the streams (connections) at
// conns: for each, a send of the messages the code writes to it and a
// receive of those it reads from it, all in one entry (the first, with
// the others as its Then).
func streamOps(c Call, conns ...Path) Call {
	var ops []Call
	for _, conn := range conns {
		send, receive := c, c
		send.Action, send.Payload = Send, pathWith(conn, "encoded")
		receive.Action, receive.Payload = Receive, pathWith(conn, "decoded")
		ops = append(ops, send, receive)
	}
	c = ops[0]
	c.Then = ops[1:]
	return c
}

// netIP makes a dial or listen one of raw IP, whose channel is the
// network: the peer, if peer is set, is the server.
func netIP(c Call, peer Path) Call {
	c.ProtocolBy, c.Protocol = nil, IP
	c.Settings = nil
	if !peer.IsZero() {
		c.Settings = map[Setting]Path{SettingBroker: peer}
	}
	then := make([]Call, len(c.Then))
	for i, t := range c.Then {
		t.ProtocolBy, t.Protocol, t.Settings = nil, IP, c.Settings
		then[i] = t
	}
	c.Then = then
	return c
}
