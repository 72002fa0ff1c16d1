"""Use-cases: each takes domain objects and an actor, and runs inside one transaction."""
