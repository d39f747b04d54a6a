#!/usr/bin/env python3
"""A TCP proxy that delays what it forwards: put between the gateway and one subgraph to make it slow.

    delay_proxy.py LISTEN_PORT TARGET_HOST:TARGET_PORT CONTROL_FILE

The delay in milliseconds is read from CONTROL_FILE (a number; missing or empty: 0) before each chunk sent from
the client to the subgraph, so a script slows the subgraph and heals it again by writing the file. Prints
"listening=<port>" once it accepts connections.
"""
import asyncio
import sys


def delay_seconds(control):
    try:
        with open(control) as f:
            text = f.read().strip()
        return max(0.0, float(text) / 1000.0) if text else 0.0
    except (OSError, ValueError):
        return 0.0


async def pipe(reader, writer, control):
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            if control:
                pause = delay_seconds(control)
                if pause:
                    await asyncio.sleep(pause)
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except Exception:
            pass


async def main():
    listen, target, control = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    host, port = target.rsplit(":", 1)

    async def handle(client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, upstream_writer, control),
                             pipe(upstream_reader, client_writer, None))

    server = await asyncio.start_server(handle, "127.0.0.1", listen)
    print("listening=%d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
