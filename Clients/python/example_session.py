#!/usr/bin/env python3
"""A first session against `tokenmatch serve`: the provider sets up a market and two traders, who trade
while a market-data session follows the book; then a reconnect and recovery. Exits 0 when every check holds.

    tokenmatch serve --port 7340 &
    python3 Clients/python/example_session.py --port 7340 --key-file data/demo-keys.txt

The key file is the one `tokenmatch serve` writes (lines `<role> <account> <key>`; the provider's line
is used), or a file holding only a provider key. Its market and accounts (1000; 9101, 9102) are kept
clear of the demo's.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tokenmatch_client import Client, GatewayError  # noqa: E402
from tokenmatch_client import client as tm  # noqa: E402


def check(condition, what):
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok - {what}")


def eventually(condition, what, seconds=10.0):
    deadline = time.time() + seconds
    while not condition():
        if time.time() > deadline:
            check(False, what)
        time.sleep(0.01)
    check(True, what)


def read_provider_key(path):
    lines = [line.split() for line in open(path).read().splitlines() if line.strip()]
    if len(lines) == 1 and len(lines[0]) == 1:
        return lines[0][0]
    for fields in lines:
        if len(fields) == 3 and fields[0] == "provider":
            return fields[2]
    print(f"FAILED: no provider key in {path}", file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7340)
    parser.add_argument("--key-file", default="data/demo-keys.txt")
    args = parser.parse_args()
    provider_key = read_provider_key(args.key_file)

    provider = Client(args.host, args.port)
    info = provider.connect(provider_key)
    check(info["role"] == tm.PROVIDER, f"provider logged in as account {info['account']}")

    # Setup over the protocol: a market, two funded traders with allocated lots, their keys.
    now = time.time_ns()
    day = 86_400 * 10**9
    market = 1000
    low, high = tm.pack_symbol("LLM-L/PY")
    r = provider.command(type=tm.CREATE_MARKET, market=market, order_id=low, client_id=high, a0=1000, a1=1000,
                         a2=10_000_000, a3=1000, a4=20_000_000, a5=1, a6=1_000_000, a7=now - day, quantity=now + 30 * day)
    check(r["code"] == tm.OK, "create market")
    check(provider.command(type=tm.OPEN_MARKET, market=market)["code"] == tm.OK, "open market")
    keys = {}
    for account in (9101, 9102):
        check(provider.command(type=tm.CREATE_ACCOUNT, account=account, code=2)["code"] == tm.OK, f"create account {account}")
        check(provider.command(type=tm.DEPOSIT, account=account, quantity=10**12)["code"] == tm.OK, f"deposit {account}")
        check(provider.command(type=tm.GRANT, account=account, market=market, quantity=1000)["code"] == tm.OK, f"grant {account}")
        issued = provider.issue_key(account, tm.TRADER)
        check(issued["code"] == tm.OK and issued["key"].startswith("tmk1_"), f"key for {account}")
        keys[account] = issued["key"]

    md_key = provider.issue_key(0, tm.MARKET_DATA)["key"]
    md = Client(args.host, args.port)
    md.connect(md_key)
    md.subscribe(market)

    seller, buyer = Client(args.host, args.port), Client(args.host, args.port)
    seller.connect(keys[9101])
    buyer.connect(keys[9102])

    ask = seller.place(9101, market, tm.SELL, 5_000_000, 10, client_id=1)
    check(ask["code"] == tm.OK and ask["order_id"] > 0, f"ask placed as order {ask['order_id']}")
    bid = buyer.place(9102, market, tm.BUY, 5_000_000, 4, client_id=2)
    check(bid["code"] == tm.OK, "bid placed and traded")

    trade = md.trades.get(timeout=10)
    check((trade["price"], trade["quantity"], trade["taker_side"]) == (5_000_000, 4, tm.BUY), "market data saw the trade")
    book = md.book(market)
    depth = md.depth(market, 100)
    eventually(lambda: not book.stale and book.levels() == (depth["bids"], depth["asks"]), "local L2 book equals the engine's depth")

    # Refused beyond the role: a trader acting for another account, market data sending a command.
    check(buyer.place(9101, market, tm.BUY, 5_000_000, 1)["code"] == 501, "cross-account order refused (NotAuthorized)")
    check(md.place(9102, market, tm.BUY, 5_000_000, 1)["code"] == 501, "market-data order refused (NotAuthorized)")
    try:
        buyer.open_orders(9101)
        check(False, "cross-account query refused")
    except GatewayError as e:
        check(e.code == 501, "cross-account query refused")

    # Reconnect and recovery: the seller drops, is filled while away, comes back and asks.
    last_seen = ask["sequence"]
    seller.sever()
    check(buyer.place(9102, market, tm.BUY, 5_000_000, 6)["code"] == tm.OK, "filled while the seller is away")
    seller = Client(args.host, args.port)
    seller.connect(keys[9101])
    status = seller.order_status(9101, 0, market, 1)
    check(status["open"] is None and sum(f["quantity"] for f in status["fills"]) == 10, "order status by client id: filled 10")
    missed = seller.fills(9101, last_seen)
    check(missed["complete"] and [f["quantity"] for f in missed["fills"]] == [4, 6], "fills since the last sequence seen")
    check(seller.open_orders(9101) == [], "no open orders left")
    acct = seller.account(9101)
    check(acct["code"] == tm.OK and acct["available"] > 10**12, "credits received")

    ticker = md.tickers.get(timeout=10)
    check(ticker["face"] == 10_000_000 and ticker["decay_ppm"] == 1_000_000, "ticker with face and decay")

    # Surveillance: a provider streams alerts; a trader may not. Three trades at 190% of face between the
    # same two accounts move credits (docs/surveillance.md, collusion); with after_id=0 the server first
    # sends the alerts it kept, so the pair's alert arrives however fast the detectors were.
    try:
        buyer.subscribe_alerts()
        check(False, "trader alert subscription refused")
    except GatewayError as e:
        check(e.code == tm.NOT_AUTHORIZED, "trader alert subscription refused (NotAuthorized)")
    for i in range(3):
        check(seller.place(9101, market, tm.SELL, 19_000_000, 10)["code"] == tm.OK, f"off-market ask {i + 1}")
        check(buyer.place(9102, market, tm.BUY, 19_000_000, 10)["code"] == tm.OK, f"off-market bid {i + 1} traded")
    provider.command(type=tm.DEPOSIT, account=1_999_999)  # a rejected probe: the detectors judge the last trade now
    try:
        provider.subscribe_alerts(0)
        pair = []
        def collusion_seen():
            while not provider.alerts.empty():
                a = provider.alerts.get()
                if a["detector"] == "collusion" and a["accounts"] == [9101, 9102]:
                    pair.append(a)
            return bool(pair)
        eventually(collusion_seen, "collusion alert for 9101 and 9102 streamed to the provider")
        check(pair[0]["market"] == market and pair[0]["trades"] and pair[0]["figures"], "the alert carries market, trades and figures")
    except GatewayError as e:
        check(e.code == tm.NO_SURVEILLANCE, "server runs without surveillance (NoSurveillance)")

    h = provider.state_hash()
    check(h["code"] == tm.OK and h["hash"] > 0 and h["sequence"] > 0, f"state hash {h['hash']:016x} at sequence {h['sequence']}")

    for c in (seller, buyer, md, provider):
        c.close()
    print("python session: all checks passed")


if __name__ == "__main__":
    main()
