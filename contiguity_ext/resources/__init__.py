"""Product groups of the client: one module per product, one line per operation."""
