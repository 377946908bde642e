// Package consumer receives with sarama's Consumer and ConsumerGroup. // want package:"usesClients"
package consumer

import (
	"context"
	"encoding/json"

	"github.com/IBM/sarama"
)

// Payment is the result of charging an order.
type Payment struct {
	OrderID string `json:"order_id"`
	OK      bool   `json:"ok"`
}

// Refund is decoded from the refunds topic.
type Refund struct {
	OrderID string `json:"order_id"`
}

// A partition consumer.
func partition() error {
	c, err := sarama.NewConsumer([]string{"kafka:9092"}, sarama.NewConfig())
	if err != nil {
		return err
	}
	pc, err := c.ConsumePartition("payments", 0, sarama.OffsetNewest)
	if err != nil {
		return err
	}
	for m := range pc.Messages() { // want `kafka receive "payments" payload=Payment\(application/json\) key=string broker=kafka:9092`
		var p Payment
		if err := json.Unmarshal(m.Value, &p); err != nil {
			return err
		}
		_ = string(m.Key)
	}
	return nil
}

// A consumer group and its handler type.
type handler struct{}

func (handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (h handler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		var p Payment
		if err := json.Unmarshal(msg.Value, &p); err != nil {
			return err
		}
		sess.MarkMessage(msg, "")
	}
	return nil
}

func group(ctx context.Context) error {
	g, err := sarama.NewConsumerGroup([]string{"kafka:9092"}, "billing", sarama.NewConfig())
	if err != nil {
		return err
	}
	for {
		if err := g.Consume(ctx, []string{"payments", "payments.retry"}, handler{}); err != nil { // want `kafka receive "payments" payload=Payment\(application/json\) broker=kafka:9092 groupId=billing` `kafka receive "payments\.retry" payload=Payment\(application/json\) broker=kafka:9092 groupId=billing`
			return err
		}
	}
}

// A pointer handler ranging over the claim's messages and handing the
// value to a helper.
type refunds struct{ seen int }

func (*refunds) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (*refunds) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (r *refunds) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for msg := range claim.Messages() {
		r.seen++
		decodeRefund(msg.Value)
		sess.MarkMessage(msg, "")
	}
	return nil
}

// A handler that receives in a select, as sarama's own example does.
// The analyzer does not follow a value received in a select case (an
// ssa.Select, not a receive UnOp), so the payload is not found.
type selecting struct{}

func (selecting) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (selecting) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (selecting) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for {
		select {
		case msg, ok := <-claim.Messages():
			if !ok {
				return nil
			}
			var p Payment
			_ = json.Unmarshal(msg.Value, &p)
		case <-sess.Context().Done():
			return nil
		}
	}
}

func selected(ctx context.Context, g sarama.ConsumerGroup) error {
	return g.Consume(ctx, []string{"payments.selected"}, selecting{}) // want `kafka receive "payments\.selected" payload=Payment\(application/json\)`
}

func decodeRefund(b []byte) {
	var r Refund
	_ = json.Unmarshal(b, &r)
}

// Consume is a wrapper: the topic and the handler are the caller's.
func Consume(ctx context.Context, g sarama.ConsumerGroup, topic string, h sarama.ConsumerGroupHandler) error { // want Consume:`wraps\(IBM/sarama receive \{\$2\} payload=\$3\(arg1\)\.Messages\(\)\.<-\.Value broker=\{\$1\.Addrs\} clientId=\{\$1\.ClientID\} groupId=\{\$1\.GroupID\}\)`
	return g.Consume(ctx, []string{topic}, h)
}

func consumeRefunds(ctx context.Context) error {
	g, err := sarama.NewConsumerGroup([]string{"kafka:9092"}, "refunder", sarama.NewConfig())
	if err != nil {
		return err
	}
	return Consume(ctx, g, "refunds", &refunds{}) // want `kafka receive "refunds" via=consumer\.Consume payload=Refund\(application/json\) broker=kafka:9092 groupId=refunder`
}

func refundsDirect(ctx context.Context, g sarama.ConsumerGroup) error {
	return g.Consume(ctx, []string{"refunds.direct"}, &refunds{}) // want `kafka receive "refunds\.direct" payload=Refund\(application/json\)`
}
