#!/usr/bin/env python3
"""Peer of `benches/transactions.rs`: the same order-line aggregation in pandas groupby.

Generates online-retail-like lines with numpy (one customer per 10 lines, orders of 1-6 lines
over two years, 2% cancelled orders with negative quantities, 1% free lines, 3% of lines
without a customer, 3,000 products, 20 countries), then times the cleaning and the
per-customer aggregation that `sis::transactions::prepare_customers` does: drop lines without a
customer or with a price <= 0, drop exact duplicates, match cancellations to an earlier purchase
of the same customer and product, and per customer compute recency, frequency (distinct
orders), net monetary, average order value, tenure, distinct products, return rate, the main
country and the mean inter-purchase time.

Usage: bench/.venv/bin/python bench/peer_transactions.py [LINES ...]   (default 1000000)
Prints one JSON line per size: lines, customers, seconds (best of 3), peak RSS in MB.
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd


def order_lines(n, seed=7):
    rng = np.random.default_rng(seed)
    customers = max(n // 10, 1)
    orders = n // 3 + 1
    sizes = rng.integers(1, 7, size=orders)
    order = np.repeat(np.arange(orders), sizes)[:n]
    orders = order[-1] + 1
    cust = rng.integers(0, customers, size=orders)
    cancelled = rng.random(orders) < 0.02
    missing = rng.random(orders) < 0.03
    day = 14_975 + rng.integers(0, 730, size=orders)
    qty = rng.integers(1, 13, size=n).astype(float)
    qty[cancelled[order]] *= -1
    price = rng.integers(50, 5000, size=n) / 100.0
    price[rng.random(n) < 0.01] = 0.0
    customer = (12_000 + cust[order]).astype(float)
    customer[missing[order]] = np.nan
    return pd.DataFrame(
        {
            "InvoiceNo": order,
            "Cancelled": cancelled[order],
            "StockCode": rng.integers(0, 3000, size=n),
            "Quantity": qty,
            "InvoiceDate": pd.to_datetime(day[order], unit="D"),
            "UnitPrice": price,
            "CustomerID": customer,
            "Country": (cust[order] % 20),
        }
    )


def aggregate(df):
    df = df[df["CustomerID"].notna() & (df["UnitPrice"] > 0)]
    df = df.drop_duplicates()
    df = df.assign(Amount=df["Quantity"] * df["UnitPrice"])
    last = df["InvoiceDate"].max()
    ret = df["Cancelled"] | (df["Amount"] < 0)
    buys, rets = df[~ret], df[ret]
    # A return matches when the customer bought the product on or before its day.
    first_buy = buys.groupby(["CustomerID", "StockCode"], sort=False)["InvoiceDate"].min()
    rets = rets.join(first_buy.rename("FirstBuy"), on=["CustomerID", "StockCode"])
    rets = rets[rets["FirstBuy"].notna() & (rets["FirstBuy"] <= rets["InvoiceDate"])]
    kept = pd.concat([buys, rets.drop(columns="FirstBuy")])
    g = buys.groupby("CustomerID", sort=True)
    out = pd.DataFrame(
        {
            "Orders": g["InvoiceNo"].nunique(),
            "First": g["InvoiceDate"].min(),
            "Last": g["InvoiceDate"].max(),
            "Products": g["StockCode"].nunique(),
            "Country": g["Country"].agg(lambda s: s.value_counts().idxmax()),
        }
    )
    k = kept.groupby("CustomerID", sort=True)
    out["Monetary"] = k["Amount"].sum()
    out["Lines"] = k.size()
    out["Returns"] = rets.groupby("CustomerID").size().reindex(out.index, fill_value=0)
    out["Recency"] = (last - out["Last"]).dt.days
    out["Tenure"] = (last - out["First"]).dt.days
    out["AOV"] = out["Monetary"] / out["Orders"]
    out["ReturnRate"] = out["Returns"] / out["Lines"]
    gaps = (out["Last"] - out["First"]).dt.days / (out["Orders"] - 1)
    out["Interpurchase"] = gaps.where(out["Orders"] > 1)
    return out


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1_000_000]
    for n in sizes:
        df = order_lines(n)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            out = aggregate(df)
            best = min(best, time.perf_counter() - t)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"lines": n, "customers": len(out), "seconds": round(best, 3), "peak_rss_mb": round(rss)}))


if __name__ == "__main__":
    main()
