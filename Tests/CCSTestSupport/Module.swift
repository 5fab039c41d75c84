// Test support: loopback servers and temp-file helpers for tests.
