package protocols

// ConfluentV1 is github.com/confluentinc/confluent-kafka-go (v1).
var ConfluentV1 = &Library{
	Name:     "confluent-kafka-go",
	Path:     "github.com/confluentinc/confluent-kafka-go/kafka",
	Protocol: Kafka,
}

// ConfluentV2 is github.com/confluentinc/confluent-kafka-go/v2.
var ConfluentV2 = &Library{
	Name:     "confluent-kafka-go/v2",
	Path:     "github.com/confluentinc/confluent-kafka-go/v2/kafka",
	Protocol: Kafka,
}
