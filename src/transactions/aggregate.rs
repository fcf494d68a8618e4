//! Order lines to one summary per customer: the kept lines sorted by (customer, order, day,
//! line), then each customer's run summarised on its own (in parallel, collected in customer
//! order, so the result is the same at any thread count).

use super::lines::OrderLines;
use crate::roles::{Channel, channel_of_value};
use crate::table::{MISSING_CODE, MISSING_DAY};
use rayon::prelude::*;
use std::ops::Range;

/// What one customer's lines add up to.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSummary {
    /// Customer rank (index into `OrderLines::customer_ids`).
    pub customer: u32,
    /// Distinct purchase orders (an order id, or a purchase day when there is none).
    pub orders: usize,
    pub first_day: i32,
    pub last_day: i32,
    /// Purchases plus matched returns (negative).
    pub monetary: f64,
    /// Purchase lines and matched return lines.
    pub lines: usize,
    pub return_lines: usize,
    pub products: usize,
    pub categories: usize,
    /// Net spend per category code (the last entry: lines without a category).
    pub category_spend: Vec<f64>,
    /// Purchase orders per channel, in [`Channel::ALL`] order.
    pub channel_orders: [usize; 4],
    /// The country of most of the orders ([`MISSING_CODE`] when unknown).
    pub country: u32,
    pub purchase_lines: usize,
    pub discounted_lines: usize,
    pub discounted_orders: usize,
    /// Returns matched to a purchase and returns without one.
    pub matched: usize,
    pub unmatched: usize,
}

/// Every customer's summary, in customer id order, with the file-wide counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub customers: Vec<CustomerSummary>,
    /// The last date of any kept line: recency and tenure count back from it.
    pub last_day: i32,
    pub lines: usize,
    pub matched: usize,
    pub unmatched: usize,
    /// Customers with returns or cancellations only.
    pub without_purchase: usize,
}

/// One kept line in sort order: (customer, order, day, row).
type Key = (u32, u64, i32, u32);

/// Summarise the kept lines per customer. `by_category` asks for net spend per category.
pub fn aggregate(lines: &OrderLines, keep: &[bool], by_category: bool) -> Aggregate {
    let mut keys: Vec<Key> = (0..lines.len())
        .into_par_iter()
        .filter(|&i| keep[i])
        .map(|i| (lines.customer[i], lines.order[i], lines.day[i], i as u32))
        .collect();
    keys.par_sort_unstable();
    let last_day = keys.par_iter().map(|k| k.2).max().unwrap_or(MISSING_DAY);
    let groups = customer_runs(&keys);
    let context = Context::new(lines, by_category);
    let summaries: Vec<Result<CustomerSummary, (usize, usize)>> = groups
        .par_iter()
        .map(|range| summarise(&context, &keys[range.clone()]))
        .collect();
    let mut out = Aggregate {
        customers: Vec::with_capacity(summaries.len()),
        last_day,
        lines: keys.len(),
        matched: 0,
        unmatched: 0,
        without_purchase: 0,
    };
    for s in summaries {
        match s {
            Ok(c) => {
                out.matched += c.matched;
                out.unmatched += c.unmatched;
                out.customers.push(c);
            }
            Err((matched, unmatched)) => {
                out.matched += matched;
                out.unmatched += unmatched;
                out.without_purchase += 1;
            }
        }
    }
    out
}

/// The index ranges of each customer's lines.
fn customer_runs(keys: &[Key]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=keys.len() {
        if i == keys.len() || keys[i].0 != keys[start].0 {
            if i > start {
                runs.push(start..i);
            }
            start = i;
        }
    }
    runs
}

/// What every customer's summary reads.
struct Context<'a> {
    lines: &'a OrderLines,
    /// Channel of each channel level.
    channel_of_level: Vec<Channel>,
    /// Number of category levels when spend is split by category.
    category_levels: Option<usize>,
}

impl<'a> Context<'a> {
    fn new(lines: &'a OrderLines, by_category: bool) -> Self {
        let channel_of_level = lines
            .channel
            .as_ref()
            .map(|c| c.levels.iter().map(|l| channel_of_value(l)).collect())
            .unwrap_or_default();
        let category_levels = lines
            .category
            .as_ref()
            .filter(|_| by_category)
            .map(|c| c.levels.len());
        Self {
            lines,
            channel_of_level,
            category_levels,
        }
    }

    fn code(coded: Option<&super::lines::Coded>, row: usize) -> Option<u32> {
        coded.map(|c| c.codes[row]).filter(|&c| c != MISSING_CODE)
    }
}

/// A line that takes something back: of a cancelled order, or with a negative amount.
pub(super) fn is_return(lines: &OrderLines, row: usize) -> bool {
    lines.cancelled[row] || lines.amount[row] < 0.0
}

/// Whether an earlier purchase of the customer matches a return: the same product (when there
/// is a product column) bought on or before the return's day, for at least the returned
/// quantity (or amount, without a quantity).
fn returns_purchase(lines: &OrderLines, purchase: usize, ret: usize) -> bool {
    if lines.day[purchase] > lines.day[ret] {
        return false;
    }
    if let Some(p) = &lines.product
        && p.codes[purchase] != p.codes[ret]
    {
        return false;
    }
    match &lines.quantity {
        Some(q) => q[purchase] >= q[ret].abs(),
        None => lines.amount[purchase] >= lines.amount[ret].abs(),
    }
}

/// One customer's summary, or (matched, unmatched) returns for a customer without purchases.
fn summarise(ctx: &Context<'_>, keys: &[Key]) -> Result<CustomerSummary, (usize, usize)> {
    let lines = ctx.lines;
    let (returns, purchases): (Vec<&Key>, Vec<&Key>) =
        keys.iter().partition(|k| is_return(lines, k.3 as usize));
    let matched_returns: Vec<usize> = returns
        .iter()
        .map(|r| r.3 as usize)
        .filter(|&r| {
            purchases
                .iter()
                .any(|p| returns_purchase(lines, p.3 as usize, r))
        })
        .collect();
    let (matched, unmatched) = (matched_returns.len(), returns.len() - matched_returns.len());
    if purchases.is_empty() {
        return Err((matched, unmatched));
    }
    let mut s = CustomerSummary {
        customer: keys[0].0,
        orders: 0,
        first_day: i32::MAX,
        last_day: i32::MIN,
        monetary: 0.0,
        lines: purchases.len() + matched,
        return_lines: matched,
        products: 0,
        categories: 0,
        category_spend: vec![0.0; ctx.category_levels.map_or(0, |n| n + 1)],
        channel_orders: [0; 4],
        country: MISSING_CODE,
        purchase_lines: purchases.len(),
        discounted_lines: 0,
        discounted_orders: 0,
        matched,
        unmatched,
    };
    let mut country_orders: Vec<(u32, usize)> = Vec::new();
    let mut previous_order = None;
    let mut order_discounted = false;
    for k in &purchases {
        let row = k.3 as usize;
        s.first_day = s.first_day.min(k.2);
        s.last_day = s.last_day.max(k.2);
        let discounted = lines.discount.as_ref().is_some_and(|d| d[row]);
        s.discounted_lines += usize::from(discounted);
        if previous_order != Some(k.1) {
            previous_order = Some(k.1);
            s.orders += 1;
            order_discounted = false;
            if lines.channel.is_some() {
                // An order without a channel counts as "other", so the channels add up.
                let ch = Context::code(lines.channel.as_ref(), row)
                    .map_or(Channel::Other, |code| ctx.channel_of_level[code as usize]);
                let slot = Channel::ALL.iter().position(|c| *c == ch).unwrap_or(3);
                s.channel_orders[slot] += 1;
            }
            if let Some(code) = Context::code(lines.country.as_ref(), row) {
                match country_orders.iter_mut().find(|(c, _)| *c == code) {
                    Some(entry) => entry.1 += 1,
                    None => country_orders.push((code, 1)),
                }
            }
        }
        if discounted && !order_discounted {
            order_discounted = true;
            s.discounted_orders += 1;
        }
    }
    let spent = purchases
        .iter()
        .map(|k| k.3 as usize)
        .chain(matched_returns.iter().copied());
    for row in spent {
        s.monetary += lines.amount[row];
        if !s.category_spend.is_empty() {
            let slot = Context::code(lines.category.as_ref(), row)
                .map_or(s.category_spend.len() - 1, |c| c as usize);
            s.category_spend[slot] += lines.amount[row];
        }
    }
    let rows: Vec<usize> = purchases.iter().map(|k| k.3 as usize).collect();
    s.products = distinct(lines.product.as_ref(), &rows);
    s.categories = distinct(lines.category.as_ref(), &rows);
    s.country = main_country(lines, &country_orders);
    Ok(s)
}

/// Distinct present codes among `rows`.
fn distinct(coded: Option<&super::lines::Coded>, rows: &[usize]) -> usize {
    let Some(c) = coded else {
        return 0;
    };
    let mut codes: Vec<u32> = rows
        .iter()
        .map(|&r| c.codes[r])
        .filter(|&c| c != MISSING_CODE)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}

/// The country with most orders; ties go to the alphabetically first.
fn main_country(lines: &OrderLines, counts: &[(u32, usize)]) -> u32 {
    let Some(country) = &lines.country else {
        return MISSING_CODE;
    };
    counts
        .iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| country.levels[b.0 as usize].cmp(&country.levels[a.0 as usize]))
        })
        .map_or(MISSING_CODE, |(c, _)| *c)
}
