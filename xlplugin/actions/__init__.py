"""Actions, written once against the gateway and run from the CLI and the ribbon."""
