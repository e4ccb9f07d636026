"""Unlocking the encrypted database: first start (choose a passphrase twice, see the recovery
key once), unlock at every start (passphrase, or the recovery key and a new passphrase), and the
lock screen for auto-lock.

The screens hold no personal data and import no other screen. ``UnlockScreen`` and
``SetPassphraseScreen`` dismiss with the opened Repository; ``LockScreen`` dismisses once the
passphrase is typed again. ``unlock_store(settings)`` runs them in a small app of their own
before the main app is built (``run_app``); an app that wants them inside itself pushes
``start_screen(settings)`` and gets the Repository in the callback. Key derivation (~0.4 s) runs
on a worker thread, so the screen stays responsive.
"""

from screener.ui.screens.unlock.lock import AutoLock, ChangePassphraseScreen, LockScreen
from screener.ui.screens.unlock.start import (
    RecoveryKeyScreen,
    RecoveryScreen,
    SetPassphraseScreen,
    UnlockApp,
    UnlockScreen,
    start_screen,
    unlock_store,
)

__all__ = [
    "AutoLock",
    "ChangePassphraseScreen",
    "LockScreen",
    "RecoveryKeyScreen",
    "RecoveryScreen",
    "SetPassphraseScreen",
    "UnlockApp",
    "UnlockScreen",
    "start_screen",
    "unlock_store",
]
