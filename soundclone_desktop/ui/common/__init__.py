"""Small pieces every feature uses: asyncio on Qt, error sentences, the message bar, money."""
