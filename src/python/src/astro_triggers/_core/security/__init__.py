"""Secret masking: every text the SDK surfaces goes through :class:`KnownSecrets`."""
