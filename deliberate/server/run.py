"""`deliberate serve`: the ballot server under uvicorn, its LAN address and a QR code in the terminal."""

from __future__ import annotations

import logging
import sys


def lan_address() -> str:
    """This computer's address on the local network (the room's Wi-Fi), else loopback."""
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: only a route is looked up
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def serve(session, host: str, port: int) -> None:
    import segno
    import uvicorn

    from deliberate.server.app import make_app

    session.app()  # the database must open (else exit 2 before listening)
    session.close()
    shown = lan_address() if host in ("0.0.0.0", "") else host
    url = f"http://{shown}:{port}/"
    if session.json:
        session.emit({"url": url, "host": host, "port": port}, "")
    else:
        session.echo(session.t("poll.cli.serving", url=url))
        qr = segno.make_qr(url)
        qr.terminal(out=sys.stdout, compact=True)
        session.echo(session.t("poll.cli.stop"))
    sys.stdout.flush()
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(make_app(session.db_path, session.lang), host=host, port=port, log_level="warning", access_log=False,
                server_header=False, date_header=False, timeout_graceful_shutdown=2)
