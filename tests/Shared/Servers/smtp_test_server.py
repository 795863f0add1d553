"""A real SMTP server for the sender tests, on loopback, built on aiosmtpd (Debian: python3-aiosmtpd).

Usage: smtp_test_server.py MAILDIR CERT KEY [--reject ADDRESS]... [--data-delay SECONDS] [--no-tls]
The login is read from the environment (SMTP_TEST_USER, SMTP_TEST_PASSWORD), never from arguments.
STARTTLS is required before AUTH (unless --no-tls: no STARTTLS, AUTH in the clear on loopback), and AUTH before mail. Each accepted message is saved as
MAILDIR/NNNN.eml exactly as received. Prints "READY <port>" once listening; exits when stdin closes,
so it never outlives the test that started it.
"""
import argparse
import asyncio
import os
import socket
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, maildir, rejected, data_delay):
        self.maildir = maildir
        self.rejected = {address.lower() for address in rejected}
        self.data_delay = data_delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.rejected:
            return "554 5.7.1 <%s>: Recipient address rejected" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_delay > 0:
            await asyncio.sleep(self.data_delay)
        self.count += 1
        name = os.path.join(self.maildir, "%04d.eml" % self.count)
        with open(name + ".tmp", "wb") as out:
            out.write(envelope.original_content or envelope.content)
        os.replace(name + ".tmp", name)
        return "250 2.0.0 Ok: queued as Q%04d" % self.count


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return check


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("maildir")
    parser.add_argument("cert")
    parser.add_argument("key")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--data-delay", type=float, default=0)
    parser.add_argument("--no-tls", action="store_true")
    args = parser.parse_args()

    user = os.environ["SMTP_TEST_USER"].encode()
    password = os.environ["SMTP_TEST_PASSWORD"].encode()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    handler = Recorder(args.maildir, args.reject, args.data_delay)

    def factory():
        if args.no_tls:
            return SMTP(handler, hostname="localhost", auth_required=True, auth_require_tls=False,
                        authenticator=authenticator(user, password))
        return SMTP(handler, hostname="localhost", tls_context=context, require_starttls=True,
                    auth_required=True, auth_require_tls=True, authenticator=authenticator(user, password))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    server = await asyncio.get_running_loop().create_server(factory, sock=sock)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print("READY %d" % sock.getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
