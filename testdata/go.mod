module example.com/testdata

go 1.26.0

require (
	github.com/segmentio/kafka-go v0.4.51
	github.com/vmihailenco/msgpack/v5 v5.4.1
	google.golang.org/protobuf v1.36.11
)

require (
	github.com/klauspost/compress v1.15.9 // indirect
	github.com/pierrec/lz4/v4 v4.1.15 // indirect
	github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
)
