"""`python -m generator serve [--root DIR] [--port N] [--host H]`: the site while the webmaster edits it.

The serving itself is MkDocs' work (generator/mkdocs/serve.py); cli/ and mkdocs/ never import each
other, so `generator/__main__.py` hands the command its host as `args.host_commands["serve"]`. What a person
reads is said here: a port that cannot be used is one line that says how to pick another.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from collections.abc import Callable
from pathlib import Path

DEFAULT_PORT = 8000
Serve = Callable[[Path, str, int], int]


def add_command(sub: argparse._SubParsersAction) -> None:
    """The `serve` subcommand; its port defaults to the PORT environment variable, else 8000."""
    serve = sub.add_parser(
        "serve", help="แสดงเว็บไซต์ขณะแก้ไข สร้างใหม่ทุกครั้งที่บันทึก / serve the site, rebuilt on every change",
        description="แสดงเว็บไซต์ที่ http://127.0.0.1:8000 สร้างใหม่และโหลดหน้าใหม่เองทุกครั้งที่บันทึกไฟล์ใน data/ content/ "
                    "overrides/ หรือ mkdocs.yml ถ้าข้อมูลผิด ทุกหน้าแสดงรายการข้อผิดพลาดแทน / serve the site, rebuilt "
                    "and reloaded on every saved change; while the data has errors every page lists them")
    serve.add_argument("--root", default=".", help="โฟลเดอร์ของสำนักงาน (ที่มี mkdocs.yml) / the office folder")
    serve.add_argument("--port", type=_port, default=os.environ.get("PORT") or str(DEFAULT_PORT),
                       help=f"พอร์ต (ค่าเริ่มต้น: ตัวแปร PORT หรือ {DEFAULT_PORT}) / port (default: $PORT or {DEFAULT_PORT})")
    serve.add_argument("--host", default="127.0.0.1",
                       help="ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้น 127.0.0.1: เครื่องนี้เท่านั้น) / address to listen on")
    serve.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C; a folder without mkdocs.yml or a port that cannot be used is one line, exit 1."""
    root = Path(args.root)
    if not (root / "mkdocs.yml").is_file():
        print(f"ไม่พบ mkdocs.yml ใน {root} ให้ระบุโฟลเดอร์ของสำนักงานด้วย --root / no mkdocs.yml in {root}: "
              "give the office folder with --root", file=sys.stderr)
        return 1
    serve: Serve | None = getattr(args, "host_commands", {}).get("serve")
    if serve is None:
        raise ValueError("serve ใช้ได้จาก python -m generator serve เท่านั้น / run it as python -m generator serve")
    try:
        return serve(root, args.host, args.port)
    except OSError as error:
        if (message := port_problem(error, args.host, args.port)) is None:
            raise
        print(message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C during the first build: stopping is what was asked
        return 0


def port_problem(error: OSError, host: str, port: int) -> str | None:
    """One Thai-first line for a port or address that cannot be listened on, None for any other error."""
    other = 8001 if port == DEFAULT_PORT else port + 1 if port < 65535 else DEFAULT_PORT
    pick = f"make serve PORT={other} หรือ python -m generator serve --port {other}"
    if error.errno == errno.EADDRINUSE:
        return (f"พอร์ต {port} มีโปรแกรมอื่นใช้อยู่ (อาจเป็น make serve ที่เปิดไว้แล้ว) ให้ปิดโปรแกรมนั้นหรือเลือกพอร์ตอื่น: "
                f"{pick} / port {port} is already in use (perhaps by another make serve): stop it or pick another "
                f"port with make serve PORT={other} or --port {other}")
    if error.errno == errno.EACCES:
        return (f"ไม่มีสิทธิ์ใช้พอร์ต {port} (พอร์ตต่ำกว่า 1024 ต้องใช้สิทธิ์ผู้ดูแลระบบ) ให้เลือกพอร์ตอื่น: {pick} / "
                f"no permission to use port {port}: pick another with make serve PORT={other} or --port {other}")
    if error.errno == errno.EADDRNOTAVAIL or isinstance(error, socket.gaierror):
        return (f"เครื่องนี้ไม่มีที่อยู่ {host} ให้ใช้ --host 127.0.0.1 / this machine has no address {host}: "
                "use --host 127.0.0.1")
    return None


def _port(text: str) -> int:
    """A TCP port 1–65535, from --port or the PORT environment variable."""
    if text.strip().isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise argparse.ArgumentTypeError(f"พอร์ตต้องเป็นตัวเลข 1–65535 เช่น 8001 (ได้ '{text}') / a port is a number 1–65535")
