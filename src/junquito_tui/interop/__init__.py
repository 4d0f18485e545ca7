"""Other formats: reading chronologies kept in formats other than ours. No Textual here."""
