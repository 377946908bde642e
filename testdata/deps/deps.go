// Package deps imports every client library the tests use, so that the
// testdata module requires them (and go mod tidy keeps them) whatever
// the library test packages import at the moment.
package deps

import (
	_ "github.com/IBM/sarama"
	_ "github.com/Shopify/sarama"
	_ "github.com/coder/websocket"
	_ "github.com/coder/websocket/wsjson"
	_ "github.com/confluentinc/confluent-kafka-go/kafka"
	_ "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	_ "github.com/eclipse/paho.golang/autopaho"
	_ "github.com/eclipse/paho.golang/paho"
	_ "github.com/eclipse/paho.mqtt.golang"
	_ "github.com/go-redis/redis/v8"
	_ "github.com/gobwas/ws"
	_ "github.com/gobwas/ws/wsutil"
	_ "github.com/golang/protobuf/proto"
	_ "github.com/gomodule/redigo/redis"
	_ "github.com/gorilla/websocket"
	_ "github.com/nats-io/nats.go"
	_ "github.com/nats-io/nats.go/jetstream"
	_ "github.com/rabbitmq/amqp091-go"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/segmentio/kafka-go"
	_ "github.com/streadway/amqp"
	_ "github.com/twmb/franz-go/pkg/kgo"
	_ "github.com/vmihailenco/msgpack/v5"
	_ "google.golang.org/protobuf/proto"
	_ "nhooyr.io/websocket"
	_ "nhooyr.io/websocket/wsjson"
)
