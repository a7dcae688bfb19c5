"""Export: the dialog (formats, loudness, captions) and the worker that writes the files."""
