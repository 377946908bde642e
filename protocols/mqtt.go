package protocols

// MQTT is MQTT 3.1.1 as AsyncAPI's mqtt bindings (0.2.0) write it.
var MQTT = &Protocol{
	Name:            "mqtt",
	BindingVersion:  "0.2.0",
	HostVariable:    "mqttBroker",
	HostDescription: "MQTT broker (host:port); the code does not name it as a constant.",
	Wildcards:       &Wildcards{Single: "+", Multi: "#", Separator: "/"},
}

// MQTT5 is MQTT 5: protocol mqtt, protocolVersion 5, on a server of its
// own.
var MQTT5 = &Protocol{
	Name:            "mqtt",
	ServerName:      "mqtt5",
	ProtocolVersion: "5",
	BindingVersion:  "0.2.0",
	HostVariable:    "mqtt5Broker",
	HostDescription: "MQTT 5 broker (host:port); the code does not name it as a constant.",
	Wildcards:       &Wildcards{Single: "+", Multi: "#", Separator: "/"},
}

// PahoMQTT is github.com/eclipse/paho.mqtt.golang (MQTT 3.1.1).
var PahoMQTT = &Library{
	Name:     "eclipse/paho.mqtt.golang",
	Path:     "github.com/eclipse/paho.mqtt.golang",
	Protocol: MQTT,
}

// PahoGolang is github.com/eclipse/paho.golang's paho package (MQTT 5).
var PahoGolang = &Library{
	Name:     "eclipse/paho.golang",
	Path:     "github.com/eclipse/paho.golang/paho",
	Protocol: MQTT5,
}

// AutoPaho is github.com/eclipse/paho.golang's autopaho package (MQTT 5).
var AutoPaho = &Library{
	Name:     "eclipse/paho.golang/autopaho",
	Path:     "github.com/eclipse/paho.golang/autopaho",
	Protocol: MQTT5,
}
