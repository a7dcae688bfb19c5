"""Delivering a finished book: files a retailer or a reading app takes as they are."""
