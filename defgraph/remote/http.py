"""HTTP requests to a remote store, with its credentials, retried on transient failures."""

from __future__ import annotations

import threading
import time

from ..store import StoreError
from .kinds import ENV_PASSWORD, ENV_TIMEOUT, ENV_TOKEN, ENV_USER, Endpoints

TRANSIENT_STATUS = {500, 502, 503, 504}
BACKOFF_SECONDS = 0.5            # first wait before a retry; doubled each time, at most MAX_BACKOFF
MAX_BACKOFF = 8.0


class RemoteError(StoreError):
    """The remote store could not be reached or refused a request; the message says which and why."""



class Http:
    """HTTP requests to the remote store (a session per thread), retried on transient failures."""

    def __init__(self, where: Endpoints) -> None:
        self.where = where
        self._local = threading.local()

    def _session(self):
        import requests

        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            w = self.where
            if w.token:
                session.headers["Authorization"] = f"Bearer {w.token}"
            elif w.user is not None:
                session.auth = (requests.auth.HTTPDigestAuth(w.user, w.password or "") if w.auth == "digest"
                                else (w.user, w.password or ""))
            self._local.session = session
        return session

    def send(self, method: str, url: str, what: str, **kwargs: object):
        """The response to a request (2xx), retried with backoff on connection errors (an answer cut
        short included) and 5xx; RemoteError when it keeps failing or the server refuses it (a 400
        is a SyntaxError)."""
        import requests

        tries = self.where.retries + 1
        problem = ""
        for attempt in range(tries):
            if attempt:
                time.sleep(min(MAX_BACKOFF, BACKOFF_SECONDS * 2 ** (attempt - 1)))
            try:
                resp = self._session().request(method, url, timeout=(10, self.where.timeout), **kwargs)
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                # refused, reset, or cut mid-answer (a server killed while it answered): writes are idempotent
                problem = f"cannot connect ({type(exc).__name__})"
                self._local.session = None
                continue
            except requests.Timeout:
                problem = f"no answer within {self.where.timeout:g} s (${ENV_TIMEOUT})"
                continue
            if resp.status_code < 300:
                return resp
            message = resp.text.strip().splitlines()[0][:300] if resp.text.strip() else resp.reason
            if resp.status_code in TRANSIENT_STATUS:
                problem = f"HTTP {resp.status_code}: {message}"
                continue
            if resp.status_code == 400:
                raise SyntaxError(f"the store refused the {what}: {message}")
            if resp.status_code in (401, 403):
                raise RemoteError(f"{url}: the store refused the {what} (HTTP {resp.status_code}): set "
                                  f"${ENV_USER} and ${ENV_PASSWORD} (or ${ENV_TOKEN}) to credentials it accepts")
            raise RemoteError(f"{url}: the store refused the {what} (HTTP {resp.status_code}: {message})")
        raise RemoteError(f"{url}: the {what} failed after {tries} tries: {problem}")

    def close(self) -> None:
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None
