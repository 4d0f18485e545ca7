"""The notebook in the interface: its session (a writer thread), keys, markers and sharing."""
