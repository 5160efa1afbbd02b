"""Single-file pages saved by browsers (``.mhtml``, ``.mht``) to the HTML inside them.

Chrome, Edge and Opera save "Webpage, single file" as MHTML: a MIME message
whose first ``text/html`` part is the page (quoted-printable, in its own
charset) and whose other parts are its images and styles. Only that part
matters for the text; the standard library's email parser reads it.
"""

from __future__ import annotations

import email
import email.policy
from email.message import Message


class NotAPage(ValueError):
    """The file is no MHTML archive, or holds no HTML page."""


def page_html(data: bytes) -> tuple[str, str | None]:
    """The HTML of the page an MHTML archive holds, and the address it was saved from.

    >>> archive = (b"From: <Saved by Blink>\\r\\n"
    ...            b"Snapshot-Content-Location: https://example.org/a\\r\\nMIME-Version: 1.0\\r\\n"
    ...            b"Content-Type: multipart/related; boundary=\\"B\\"\\r\\n\\r\\n"
    ...            b"--B\\r\\nContent-Type: text/html; charset=utf-8\\r\\n"
    ...            b"Content-Transfer-Encoding: quoted-printable\\r\\n\\r\\n"
    ...            b"<p>Gr=C3=BC=C3=9Fe</p>\\r\\n--B--\\r\\n")
    >>> page_html(archive)
    ('<p>Grüße</p>', 'https://example.org/a')
    """
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if not message.is_multipart() and message.get_content_type() != "text/html":
        raise NotAPage("not a saved web page (no MHTML parts)")
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return _text(part), _location(message, part)
    raise NotAPage("no HTML page inside the MHTML archive")


def _text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return payload.decode("utf-8", errors="replace")


def _location(message: Message, part: Message) -> str | None:
    location = message.get("Snapshot-Content-Location") or part.get("Content-Location")
    return str(location).strip() or None if location else None
