"""The API key: from the environment, the OS credential store, or this session only.

``SOUNDCLONE_API_KEY`` wins (CI, scripts, developers). Otherwise the key lives in the OS
keyring. When there is no usable keyring (a headless Linux box has only keyring's
``fail`` backend; the ``null`` backend and an empty chainer accept writes and keep
nothing) the key is kept in memory for this session and :attr:`TokenStore.persistent`
says so, with a sentence the UI can show.

The key itself never reaches a log, an exception message or ``repr``.

``keyring`` is imported, and its backend looked up, on first use, not at import: finding
the backend loads every installed backend (and may talk to D-Bus), which the app does in
a worker thread after its window is shown. One store may be used from several threads.
"""

from __future__ import annotations

import logging
import os
import threading
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "SoundClone Desktop"
USERNAME = "api-key"
ENV_VAR = "SOUNDCLONE_API_KEY"

NO_STORE_REASON = (
    "This computer has no credential store, so the API key is kept for this session only; "
    "you will need to enter it again next time."
)


class TokenSource(StrEnum):
    """Where the current key comes from."""

    ENVIRONMENT = "environment"
    KEYRING = "keyring"
    SESSION = "session"
    NONE = "none"


class TokenStore:
    """Reads and remembers the API key. Instances cache the key in memory after one read."""

    def __init__(
        self, *, service: str = SERVICE, username: str = USERNAME, env_var: str = ENV_VAR
    ) -> None:
        self._service = service
        self._username = username
        self._env_var = env_var
        self._token: str | None = None
        self._source = TokenSource.NONE
        self._loaded = False
        self._reason: str | None = None
        self._backend_checked = False
        # Reads and writes from the GUI thread and worker threads: one at a time.
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"TokenStore(source={self.source.value!r}, persistent={self.persistent})"

    @property
    def persistent(self) -> bool:
        """True when a key set now would still be there after a restart."""
        return self.reason is None

    @property
    def reason(self) -> str | None:
        """Why the key is not remembered (a sentence for the UI), or None when it is."""
        self._check_backend()
        return self._reason

    @property
    def loaded(self) -> bool:
        """True once the key has been read (so :meth:`get` returns at once)."""
        return self._loaded

    @property
    def source(self) -> TokenSource:
        self._load()
        return self._source

    @property
    def from_environment(self) -> bool:
        return bool(os.environ.get(self._env_var, "").strip())

    def get(self) -> str | None:
        """The key to use, or None when none is configured.

        The first call may read the keyring (slow: call it off the GUI thread)."""
        self._load()
        return self._token

    def known(self) -> str | None:
        """The key if it is already known (read, or in the environment), else None; never
        touches the keyring, so a log filter can call it on any thread at any time."""
        if self._loaded:
            return self._token
        return os.environ.get(self._env_var, "").strip() or None

    def set(self, token: str) -> bool:
        """Remember ``token``; returns :attr:`persistent` (False: session only, see reason)."""
        token = token.strip()
        if not token:
            raise ValueError("The API key is empty.")
        with self._lock:
            stored = self._keyring_set(token)
            if self.from_environment:
                # The environment still wins for this process; the stored key is for later runs.
                self._token = os.environ[self._env_var].strip()
                self._source = TokenSource.ENVIRONMENT
            else:
                self._token = token
                self._source = TokenSource.KEYRING if stored else TokenSource.SESSION
            self._loaded = True
            return stored

    def clear(self) -> None:
        """Forget the key (keyring and session). The environment variable is left alone."""
        with self._lock:
            if self.reason is None:
                import keyring
                import keyring.errors

                try:
                    keyring.delete_password(self._service, self._username)
                except keyring.errors.PasswordDeleteError:
                    pass  # nothing stored: already the state we want
                except keyring.errors.KeyringError as exc:
                    self._fall_back(exc)
            self._loaded = False
            self._token, self._source = None, TokenSource.NONE

    def _load(self) -> None:
        with self._lock:  # a second reader waits for the first one's answer
            if self._loaded:
                return
            env = os.environ.get(self._env_var, "").strip()
            if env:
                self._token, self._source = env, TokenSource.ENVIRONMENT
            else:
                stored = self._keyring_get()
                if stored:
                    self._token, self._source = stored, TokenSource.KEYRING
                else:
                    self._token, self._source = None, TokenSource.NONE
            self._loaded = True  # last: known() trusts _token once this is set

    def _check_backend(self) -> None:
        """Look the keyring backend up once (the first read, write or question about it)."""
        if self._backend_checked:
            return
        with self._lock:
            if not self._backend_checked:
                self._reason = _unusable_backend_reason()
                self._backend_checked = True

    def _keyring_get(self) -> str | None:
        if self.reason is not None:
            return None
        import keyring
        import keyring.errors

        try:
            return keyring.get_password(self._service, self._username)
        except keyring.errors.KeyringError as exc:
            self._fall_back(exc)
            return None

    def _keyring_set(self, token: str) -> bool:
        if self.reason is not None:
            return False
        import keyring
        import keyring.errors

        try:
            keyring.set_password(self._service, self._username, token)
            # Null-like backends accept the write and keep nothing: only a read-back proves it.
            read_back = keyring.get_password(self._service, self._username)
        except keyring.errors.KeyringError as exc:
            self._fall_back(exc)
            return False
        if read_back != token:
            self._reason = NO_STORE_REASON
            log.warning("The keyring accepted the API key but did not keep it; session only.")
            return False
        return True

    def _fall_back(self, exc: keyring.errors.KeyringError) -> None:
        import keyring.errors

        # Only the exception's type is logged: backend messages are not ours to trust.
        log.warning(
            "Keyring unavailable (%s); keeping the API key for this session only.",
            type(exc).__name__,
        )
        if isinstance(exc, keyring.errors.NoKeyringError):
            self._reason = NO_STORE_REASON
        else:
            self._reason = (
                "The system credential store could not be used, so the API key is kept for "
                "this session only; unlock the store or enter the key again next time."
            )


def _unusable_backend_reason() -> str | None:
    """A reason when the active backend is known to keep nothing (fail, null, empty chain)."""
    import keyring
    import keyring.errors

    try:
        backend = keyring.get_keyring()
    except keyring.errors.KeyringError:
        return NO_STORE_REASON
    name = type(backend).__module__
    if name in ("keyring.backends.fail", "keyring.backends.null"):
        return NO_STORE_REASON
    chained = getattr(backend, "backends", None)
    if name == "keyring.backends.chainer" and not chained:
        return NO_STORE_REASON
    return None
