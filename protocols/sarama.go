package protocols

// IBMSarama is github.com/IBM/sarama.
var IBMSarama = &Library{
	Name:     "IBM/sarama",
	Path:     "github.com/IBM/sarama",
	Protocol: Kafka,
}

// ShopifySarama is github.com/Shopify/sarama, sarama's old import path.
var ShopifySarama = &Library{
	Name:     "Shopify/sarama",
	Path:     "github.com/Shopify/sarama",
	Protocol: Kafka,
}
