package protocols

// TCP, UDP and IP are the transports of package net. AsyncAPI defines
// no bindings for them: the address is the listen or dial address, or
// for raw IP the network ("ip4:icmp").
var (
	TCP = &Protocol{
		Name:            "tcp",
		HostVariable:    "tcpHost",
		HostDescription: "The TCP peer (host:port); the code does not name it as a constant.",
	}
	UDP = &Protocol{
		Name:            "udp",
		HostVariable:    "udpHost",
		HostDescription: "The UDP peer (host:port); the code does not name it as a constant.",
	}
	IP = &Protocol{
		Name:            "ip",
		HostVariable:    "ipHost",
		HostDescription: "The IP peer; the code does not name it as a constant.",
	}
)

// Net is the standard library's package net.
var Net = &Library{
	Name:     "net",
	Path:     "net",
	Protocol: TCP,
}
