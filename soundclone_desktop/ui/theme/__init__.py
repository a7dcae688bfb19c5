"""Light and dark themes: the palettes, the semantic colours drawn from them, and the switch.

Every custom colour in the studio (banners, warnings, pause chips, highlights, the waveform)
comes from :func:`~.colours.colours_for` on the widget's palette, so a theme change is one
palette change: widgets that cache colours rebuild them on Qt's ``PaletteChange`` event.
"""
