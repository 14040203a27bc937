"""Product groups of the client: one module per product, named as the spec's tags, one line per operation.

The spec's ``conversations`` operations (stored messages, history, iMessage reachability) are
methods of the product they belong to (``client.text.history``, ``client.imessage.availability``),
so they live in ``text.py`` and ``imessage.py``. ``classic.py`` is the original SDK's dict-style
surface (``client.send``, ``client.verify``, ``client.template``).
"""
