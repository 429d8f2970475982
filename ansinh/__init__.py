"""ansinh: social-policy action programs (Resolution 42-NQ/TW) as live data."""

__version__ = "0.1.0"
