"""Baseline: a bare Textual app (Header, Input, Footer), headless, until its first screen is up.

Prints READY when the screen is mounted and the first messages are processed.
"""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input()
        yield Footer()


async def main() -> None:
    app = BareApp()
    async with app.run_test() as pilot:
        while not app.query(Input):
            await pilot.pause()
        await pilot.pause()
        print("READY", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
