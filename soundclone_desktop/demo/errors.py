"""The error every layer of the demo server raises to answer with a non-success envelope."""

from __future__ import annotations

CODE_OK = 20000
CODE_AUTH = 20001
CODE_BAD_REQUEST = 20002
CODE_SERVER = -1


class ApiError(Exception):
    """An envelope error: ``code`` and ``msg`` go to the client as ``{code, msg, data: null}``.

    ``http_status`` is the status used when the server runs with ``http_status_errors=True``;
    by default every envelope error travels with HTTP 200, as the reference shows.
    """

    def __init__(self, code: int, msg: str, http_status: int = 400) -> None:
        super().__init__(msg)
        self.code = code
        self.msg = msg
        self.http_status = http_status


def bad_request(msg: str, http_status: int = 400) -> ApiError:
    return ApiError(CODE_BAD_REQUEST, msg, http_status)
