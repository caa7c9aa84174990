"""TokenMatch gateway client (protocol version 1; see docs/protocol.md).

Frames: a 4-byte little-endian length of the body, then the body: one MessagePack array
[type, correlation, fields...]. Requests are answered with the same correlation id; unsolicited
server messages (execution reports, market data, goodbye) carry correlation 0.
"""

import socket
import struct
import threading
import queue
import itertools

import msgpack

PROTOCOL_VERSION = 1

# Message types (docs/protocol.md, "Messages").
HELLO, LOGIN, PING, BYE, COMMAND = 1, 2, 3, 4, 10
ISSUE_KEY, REVOKE_KEY = 20, 21
ORDER_STATUS, OPEN_ORDERS, FILLS, ACCOUNT, MARKET, DEPTH, STATE_HASH = 30, 31, 32, 33, 34, 35, 36
SUBSCRIBE, UNSUBSCRIBE = 40, 41
SUBSCRIBE_ALERTS, UNSUBSCRIBE_ALERTS = 42, 43
ERROR, WELCOME, LOGGED_IN, PONG, GOODBYE = 100, 101, 102, 103, 104
RESULT, EXECUTION, KEY_ISSUED = 110, 111, 120
ORDER, ORDERS, FILL_LIST, ACCOUNT_INFO, MARKET_INFO, DEPTH_INFO, STATE_HASH_INFO = 130, 131, 132, 133, 134, 135, 136
SUBSCRIBED, BOOK_SNAPSHOT, BOOK_UPDATE, TRADE_TICK, TICKER = 140, 141, 142, 143, 144
ALERTS_SUBSCRIBED, ALERT = 145, 146

# Command types, sides, order types, roles (docs/protocol.md, "Enumerations").
PLACE, CANCEL, AMEND, MASS_CANCEL = 2, 3, 4, 5
CREATE_ACCOUNT, DEPOSIT, GRANT = 20, 21, 22
CREATE_MARKET, OPEN_MARKET = 40, 43
BUY, SELL = 1, 2
LIMIT, MARKET_ORDER, POST_ONLY = 1, 2, 3
TRADER, PROVIDER, MARKET_DATA = 1, 2, 3
SUB_TRADES, SUB_DEPTH, SUB_TICKER = 1, 2, 4

OK = 0
NOT_AUTHORIZED, NO_SURVEILLANCE = 501, 517

_COMMAND_FIELDS = ["type", "account", "market", "side", "order_type", "tif", "stp", "price_kind", "code",
                   "order_id", "client_id", "price", "quantity", "arg",
                   "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]


class GatewayError(Exception):
    """An error frame answering a request: .code (a result code number) and the server's message."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def pack_symbol(symbol):
    """A market symbol (up to 16 ASCII characters) as the two longs a create-market command carries."""
    raw = symbol.encode("ascii").ljust(16, b"\0")
    low, high = struct.unpack("<qq", raw)
    return low, high


class LocalBook:
    """A market's L2 book rebuilt from a snapshot and the updates after it; stale from a gap until the next snapshot."""

    def __init__(self, market):
        self.market = market
        self.bids = {}
        self.asks = {}
        self.sequence = 0
        self.stale = True
        self.gaps = 0
        self.snapshots = 0

    def snapshot(self, sequence, bids, asks):
        self.bids = {p: q for p, q in bids}
        self.asks = {p: q for p, q in asks}
        self.sequence = sequence
        self.stale = False
        self.snapshots += 1

    def update(self, sequence, side, price, quantity):
        """Applies an update; returns False on a gap."""
        if self.stale:
            return True
        if sequence != self.sequence + 1:
            self.stale = True
            self.gaps += 1
            return False
        book = self.bids if side == BUY else self.asks
        if quantity == 0:
            book.pop(price, None)
        else:
            book[price] = quantity
        self.sequence = sequence
        return True

    def levels(self):
        """(bids best first, asks best first) as lists of (price, quantity)."""
        return (sorted(self.bids.items(), key=lambda l: -l[0]), sorted(self.asks.items()))


class Client:
    """A blocking client: requests wait for their answer; a reader thread routes unsolicited messages."""

    def __init__(self, host="127.0.0.1", port=7340, timeout=10.0):
        self.host, self.port, self.timeout = host, port, timeout
        self._corr = itertools.count(1)
        self._waiting = {}
        self._lock = threading.Lock()
        self._send_lock = threading.Lock()
        self.books = {}
        self.subscriptions = {}
        self.executions = queue.Queue()
        self.trades = queue.Queue()
        self.tickers = queue.Queue()
        self.alerts = queue.Queue()
        self.alerts_subscribed = False
        self.last_alert_id = 0
        self.goodbye = None
        self.login_info = None
        self._sock = None

    # --- connection -------------------------------------------------------------------------

    def connect(self, api_key, cancel_on_disconnect=False, client_name="tokenmatch-python"):
        """Connects, says hello (version 1) and logs in; returns (account, role, key id)."""
        self._sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock.settimeout(None)
        self._reader = threading.Thread(target=self._read_loop, args=(self._sock,), daemon=True)
        self._reader.start()
        self.welcome = self._request(HELLO, PROTOCOL_VERSION, client_name)
        self.login_info = self._request(LOGIN, api_key, cancel_on_disconnect)
        for market, what in list(self.subscriptions.items()):
            self.subscribe(market, what)
        if self.alerts_subscribed:
            self.subscribe_alerts(self.last_alert_id)
        return self.login_info

    def close(self):
        """Says goodbye and closes."""
        if self._sock is None:
            return
        try:
            self._send(BYE, 0)
        except OSError:
            pass
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        self._sock = None

    def sever(self):
        """Drops the connection without a goodbye (as a network failure would)."""
        self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
        self._sock = None

    # --- framing ----------------------------------------------------------------------------

    def _send(self, msg_type, corr, *fields):
        body = msgpack.packb([msg_type, corr, *fields], use_bin_type=True)
        with self._send_lock:
            self._sock.sendall(struct.pack("<I", len(body)) + body)

    def _request(self, msg_type, *fields):
        corr = next(self._corr)
        slot = queue.Queue(1)
        with self._lock:
            self._waiting[corr] = slot
        self._send(msg_type, corr, *fields)
        try:
            kind, value = slot.get(timeout=self.timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer to message {msg_type} within {self.timeout} s")
        finally:
            with self._lock:
                self._waiting.pop(corr, None)
        if kind == "error":
            raise GatewayError(*value)
        return value

    def _read_loop(self, sock):
        buffer = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                buffer += chunk
                while len(buffer) >= 4:
                    (length,) = struct.unpack_from("<I", buffer)
                    if len(buffer) < 4 + length:
                        break
                    body, buffer = buffer[4:4 + length], buffer[4 + length:]
                    self._dispatch(msgpack.unpackb(body, raw=False, strict_map_key=False))
        except OSError:
            pass
        with self._lock:
            for slot in self._waiting.values():
                slot.put(("error", (516, "connection lost")))

    def _answer(self, corr, kind, value):
        with self._lock:
            slot = self._waiting.get(corr)
        if slot is not None:
            slot.put((kind, value))

    def _dispatch(self, m):
        t, corr, f = m[0], m[1], m[2:]
        if t == ERROR:
            self._answer(corr, "error", (f[0], f[1]))
        elif t == WELCOME:
            self._answer(corr, "ok", {"version": f[0], "server": f[1], "max_frame": f[2]})
        elif t == LOGGED_IN:
            self._answer(corr, "ok", {"account": f[0], "role": f[1], "key_id": f[2]})
        elif t == PONG:
            self._answer(corr, "ok", f[1])
        elif t == GOODBYE:
            self.goodbye = (f[0], f[1])
        elif t == RESULT:
            self._answer(corr, "ok", dict(zip(["code", "sequence", "timestamp", "order_id", "event_count"], f)))
        elif t == KEY_ISSUED:
            self._answer(corr, "ok", {"code": f[0], "key_id": f[1], "key": f[2]})
        elif t == ORDER:
            self._answer(corr, "ok", {"code": f[0], "open": _order(f[2]) if f[2] is not None else None,
                                      "fills": [_fill(x) for x in f[3]]})
        elif t == ORDERS:
            self._answer(corr, "ok", [_order(x) for x in f[1]])
        elif t == FILL_LIST:
            self._answer(corr, "ok", {"complete": f[1], "fills": [_fill(x) for x in f[2]]})
        elif t == ACCOUNT_INFO:
            self._answer(corr, "ok", dict(zip(["code", "account", "tier", "frozen", "group", "available", "held", "spent",
                                               "open_orders", "stp_default", "lots"], f)))
        elif t == MARKET_INFO:
            self._answer(corr, "ok", dict(zip(["code", "market", "symbol", "state", "lot_size", "tick", "face", "min_price",
                                               "max_price", "min_quantity", "max_quantity", "cycle_start", "cycle_end",
                                               "curve", "maker_bps", "taker_bps", "buyback_rate_bps", "buyback_budget",
                                               "decay_ppm"], f)))
        elif t == DEPTH_INFO:
            self._answer(corr, "ok", {"code": f[0], "market": f[1], "bids": [tuple(l[:2]) for l in f[2]],
                                      "asks": [tuple(l[:2]) for l in f[3]]})
        elif t == STATE_HASH_INFO:
            self._answer(corr, "ok", {"code": f[0], "hash": f[1], "sequence": f[2]})
        elif t == SUBSCRIBED:
            self._answer(corr, "ok", f[0])
        elif t == EXECUTION:
            self.executions.put(dict(zip(["event_type", "sequence", "timestamp", "market", "account", "order_id", "client_id",
                                          "side", "price", "exec_price", "quantity", "remaining", "fee", "reason", "maker",
                                          "other_order_id"], f)))
        elif t == BOOK_SNAPSHOT:
            self.book(f[0]).snapshot(f[1], f[2], f[3])
        elif t == BOOK_UPDATE:
            book = self.book(f[0])
            if not book.update(f[1], f[2], f[3], f[4]) and f[0] in self.subscriptions:
                # A gap: ask for a new snapshot, off this thread (it must keep reading to receive it).
                threading.Thread(target=self.subscribe, args=(f[0], self.subscriptions[f[0]]), daemon=True).start()
        elif t == TRADE_TICK:
            self.trades.put(dict(zip(["market", "sequence", "timestamp", "taker_side", "price", "exec_price", "quantity"], f)))
        elif t == ALERTS_SUBSCRIBED:
            self._answer(corr, "ok", (f[0], f[1]))
        elif t == ALERT:
            alert = _alert(f)
            self.last_alert_id = max(self.last_alert_id, alert["id"])
            self.alerts.put(alert)
        elif t == TICKER:
            self.tickers.put(dict(zip(["market", "timestamp", "last", "last_exec", "best_bid", "best_ask", "volume", "vwap",
                                       "face", "decay_ppm", "fair_value"], f)))

    # --- requests ---------------------------------------------------------------------------

    def book(self, market):
        return self.books.setdefault(market, LocalBook(market))

    def command(self, **fields):
        """Any engine command: keyword fields named as in docs/protocol.md (type=..., account=..., ...); others 0."""
        values = [int(fields.pop(name, 0)) for name in _COMMAND_FIELDS]
        if fields:
            raise ValueError(f"unknown command fields: {sorted(fields)}")
        return self._request(COMMAND, *values)

    def place(self, account, market, side, price, quantity, client_id=0, order_type=LIMIT, tif=0):
        return self.command(type=PLACE, account=account, market=market, side=side, order_type=order_type, tif=tif,
                            client_id=client_id, price=price, quantity=quantity)

    def cancel(self, account, order_id):
        return self.command(type=CANCEL, account=account, order_id=order_id)

    def issue_key(self, account, role):
        return self._request(ISSUE_KEY, account, role)

    def revoke_key(self, key_id):
        return self._request(REVOKE_KEY, key_id)

    def order_status(self, account, order_id, market=0, client_id=0):
        return self._request(ORDER_STATUS, account, order_id, market, client_id)

    def open_orders(self, account):
        return self._request(OPEN_ORDERS, account)

    def fills(self, account, after_sequence):
        return self._request(FILLS, account, after_sequence)

    def account(self, account):
        return self._request(ACCOUNT, account)

    def market(self, market):
        return self._request(MARKET, market)

    def depth(self, market, levels=10):
        return self._request(DEPTH, market, levels)

    def state_hash(self):
        return self._request(STATE_HASH)

    def ping(self, time_ns=0):
        return self._request(PING, time_ns)

    def subscribe(self, market, what=SUB_TRADES | SUB_DEPTH | SUB_TICKER):
        self.subscriptions[market] = what
        code = self._request(SUBSCRIBE, market, what)
        if code != OK:
            raise GatewayError(code, f"subscribe to market {market} refused")

    def subscribe_alerts(self, after_id=None):
        """Provider: streams surveillance alerts into .alerts (dicts); with after_id, the server's kept alerts
        with a greater id come first. Returns the latest alert id the server had raised. Kept across reconnects."""
        fields = () if after_id is None else (after_id,)
        code, last_id = self._request(SUBSCRIBE_ALERTS, *fields)
        if code != OK:
            raise GatewayError(code, "alert subscription refused")
        self.alerts_subscribed = True
        self.last_alert_id = max(self.last_alert_id, last_id)
        return last_id

    def unsubscribe_alerts(self):
        self.alerts_subscribed = False
        return self._request(UNSUBSCRIBE_ALERTS)


def _alert(f):
    a = dict(zip(["id", "detector", "severity", "market", "accounts", "first_sequence", "last_sequence", "timestamp",
                  "summary", "figures", "orders", "trades"], f))
    a["figures"] = {x[0]: x[1] for x in a.get("figures", [])}
    a["trades"] = [dict(zip(["sequence", "maker_order", "taker_order", "buyer", "seller", "quantity", "exec_price",
                             "fair_value"], x)) for x in a.get("trades", [])]
    return a


def _order(x):
    return dict(zip(["order_id", "client_id", "account", "market", "side", "type", "price", "remaining", "expire_at"], x))


def _fill(x):
    return dict(zip(["sequence", "timestamp", "market", "order_id", "side", "price", "exec_price", "quantity", "fee",
                     "maker", "other_order_id"], x))
