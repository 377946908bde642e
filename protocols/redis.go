package protocols

// Redis is Redis pub/sub and streams. AsyncAPI's redis bindings have no
// fields; the command goes into the operation's x-redis-command.
var Redis = &Protocol{
	Name:            "redis",
	HostVariable:    "redisHost",
	HostDescription: "The Redis server (host:port); the code does not name it as a constant.",
}

// GoRedisV9 is github.com/redis/go-redis/v9.
var GoRedisV9 = &Library{
	Name:     "redis/go-redis/v9",
	Path:     "github.com/redis/go-redis/v9",
	Protocol: Redis,
}

// GoRedisV8 is github.com/go-redis/redis/v8.
var GoRedisV8 = &Library{
	Name:     "go-redis/redis/v8",
	Path:     "github.com/go-redis/redis/v8",
	Protocol: Redis,
}

// Redigo is github.com/gomodule/redigo.
var Redigo = &Library{
	Name:     "gomodule/redigo",
	Path:     "github.com/gomodule/redigo/redis",
	Protocol: Redis,
}
