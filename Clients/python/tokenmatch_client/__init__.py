"""A small Python client of the TokenMatch gateway, written from docs/protocol.md."""

from .client import Client, GatewayError, LocalBook, PROTOCOL_VERSION

__all__ = ["Client", "GatewayError", "LocalBook", "PROTOCOL_VERSION"]
