"""Settings: the dialog and its pages (account, general, prices), and the first-run welcome."""
