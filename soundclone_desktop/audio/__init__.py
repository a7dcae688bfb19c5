"""Audio helpers that need no Qt: waveform peaks and time formatting."""
