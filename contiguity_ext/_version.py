"""The SDK's version: the API version it speaks plus a release counter."""

__version__ = "2026.8.2.0"
