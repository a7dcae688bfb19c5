"""Delivering a book: the profile and outputs dialog, its background run, the check report."""

from soundclone_desktop.ui.delivery.attach import DeliveryNeeds, attach_delivery

__all__ = ["DeliveryNeeds", "attach_delivery"]
