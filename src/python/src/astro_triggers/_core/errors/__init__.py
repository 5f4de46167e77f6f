"""The error types of the SDK: one root, :class:`AstroTriggersError`."""
