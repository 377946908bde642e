package protocols

// FranzGo is github.com/twmb/franz-go's kgo client.
var FranzGo = &Library{
	Name:     "twmb/franz-go",
	Path:     "github.com/twmb/franz-go/pkg/kgo",
	Protocol: Kafka,
}
