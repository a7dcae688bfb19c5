"""The voice library in the window: picker, library dialog, clone wizard."""
