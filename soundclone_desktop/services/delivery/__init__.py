"""Delivering a book: mastering to a retailer's profile, checking files against it, reports."""
