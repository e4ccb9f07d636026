"""The hub's read-only screen (``screener hub`` without a subcommand)."""
