//! What the synthetic shoppers buy: a fixed product catalogue, each customer's country,
//! channel and discount habits, the lines of each order, and the noise real exports carry
//! (returns, cancelled orders, exact duplicate lines, guest orders without a customer id).

use super::super::draw::Draw;

/// Product categories, in the `Category` column.
pub(super) const CATEGORIES: [&str; 8] = [
    "Home",
    "Kitchen",
    "Garden",
    "Toys",
    "Stationery",
    "Fashion",
    "Beauty",
    "Electronics",
];
/// Sales channels, in the `Channel` column, and the share of customers who prefer each.
pub(super) const CHANNELS: [&str; 3] = ["Web", "Store", "Phone"];
const CHANNEL_WEIGHTS: [f64; 3] = [0.55, 0.35, 0.10];
/// Countries, in the `Country` column, and their share of customers.
pub(super) const COUNTRIES: [&str; 8] = [
    "United Kingdom",
    "Germany",
    "France",
    "Netherlands",
    "Spain",
    "Ireland",
    "Belgium",
    "Sweden",
];
const COUNTRY_WEIGHTS: [f64; 8] = [0.62, 0.09, 0.08, 0.06, 0.05, 0.04, 0.03, 0.03];

/// Products in the catalogue (`StockCode` P0001…P0400).
pub(super) const PRODUCTS: usize = 400;
/// Share of a customer's orders placed in their preferred channel.
const CHANNEL_LOYALTY: f64 = 0.8;
/// Share of a customer's lines from their favourite category.
const CATEGORY_LOYALTY: f64 = 0.6;
/// A discounted line's price, as a share of the list price.
const DISCOUNTED_PRICE: f64 = 0.8;
/// Chance per order of a later return of one of its lines (negative quantity).
pub(super) const RETURN_RATE: f64 = 0.04;
/// Chance per order of an extra order that the customer cancels (a `C` invoice).
pub(super) const CANCEL_RATE: f64 = 0.02;
/// Chance per order of a guest order, without a customer id, at about the same time.
pub(super) const GUEST_RATE: f64 = 0.004;
/// Chance per line of an exact duplicate of it.
pub(super) const DUPLICATE_RATE: f64 = 0.005;

const SECONDS_PER_DAY: i64 = 86_400;

/// A catalogue product.
#[derive(Debug, Clone, Copy)]
pub(super) struct Product {
    pub category: u8,
    pub price_cents: u32,
}

/// The catalogue of a run, drawn from its own stream of the run's seed.
pub(super) fn catalogue(draw: &mut Draw) -> Vec<Product> {
    (0..PRODUCTS)
        .map(|_| Product {
            category: draw.index(CATEGORIES.len()) as u8,
            price_cents: (draw.log_normal(2.0, 0.9).clamp(0.29, 250.0) * 100.0).round() as u32,
        })
        .collect()
}

/// What kind of invoice a line is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Invoice {
    /// An order, or a return (a line with a negative quantity).
    Normal,
    /// A cancellation, numbered with a `C` prefix.
    Cancellation,
}

/// One order line before it is numbered and formatted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Line {
    /// Seconds after the generator's first day began.
    pub time: i64,
    /// The invoice this line is on, numbered within the chunk.
    pub order: u32,
    pub invoice: Invoice,
    pub customer: Option<u64>,
    pub product: u16,
    pub category: u8,
    pub quantity: i32,
    pub price_cents: u32,
    pub channel: u8,
    pub country: u8,
    pub discount: bool,
    pub duplicate: bool,
}

/// One customer's habits.
pub(super) struct Habits {
    pub id: u64,
    country: u8,
    channel: u8,
    category: u8,
    discount_share: f64,
}

impl Habits {
    pub(super) fn draw(draw: &mut Draw, id: u64) -> Self {
        Self {
            id,
            country: draw.pick(&COUNTRY_WEIGHTS) as u8,
            channel: draw.pick(&CHANNEL_WEIGHTS) as u8,
            category: draw.index(CATEGORIES.len()) as u8,
            discount_share: 0.6 * draw.unit().powi(3),
        }
    }
}

/// Builds the lines of a chunk, numbering invoices as it goes.
pub(super) struct LineBuilder<'a> {
    pub lines: Vec<Line>,
    catalogue: &'a [Product],
    next_order: u32,
    /// The end of observation, in seconds; nothing is dated at or after it.
    end: i64,
}

impl<'a> LineBuilder<'a> {
    pub(super) fn new(catalogue: &'a [Product], end: i64) -> Self {
        Self {
            lines: Vec::new(),
            catalogue,
            next_order: 0,
            end,
        }
    }

    /// One purchase of the process at `time`, with its returns, cancelled twin and guest order.
    pub(super) fn purchase(&mut self, draw: &mut Draw, habits: &Habits, time: i64) {
        let first = self.lines.len();
        self.order(draw, habits, Some(habits.id), time);
        let last = self.lines.len();
        if draw.chance(RETURN_RATE) {
            let returned = self.lines[first + draw.index(last - first)];
            let when = time + i64::from(draw.between(1, 21)) * SECONDS_PER_DAY;
            if when < self.end && returned.quantity > 0 {
                let order = self.new_order();
                let quantity = -(draw.between(1, returned.quantity as u32) as i32);
                self.push(
                    draw,
                    Line {
                        time: when,
                        order,
                        quantity,
                        duplicate: false,
                        ..returned
                    },
                );
            }
        }
        if draw.chance(CANCEL_RATE) {
            self.cancelled_order(draw, habits, time);
        }
        if draw.chance(GUEST_RATE) {
            let when = time + i64::from(draw.between(0, 86_399));
            if when < self.end {
                let guest = Habits {
                    id: 0,
                    country: draw.pick(&COUNTRY_WEIGHTS) as u8,
                    channel: 1,
                    category: draw.index(CATEGORIES.len()) as u8,
                    discount_share: 0.1,
                };
                self.order(draw, &guest, None, when);
            }
        }
    }

    /// An order placed up to three days after `time` and cancelled 10 minutes to 2 days later.
    fn cancelled_order(&mut self, draw: &mut Draw, habits: &Habits, time: i64) {
        let placed = time + i64::from(draw.between(0, 3 * 86_400));
        let cancelled = placed + i64::from(draw.between(600, 2 * 86_400));
        if cancelled >= self.end {
            return;
        }
        let first = self.lines.len();
        self.order(draw, habits, Some(habits.id), placed);
        let order = self.new_order();
        for i in first..self.lines.len() {
            let original = self.lines[i];
            if original.duplicate {
                continue;
            }
            self.lines.push(Line {
                time: cancelled,
                order,
                invoice: Invoice::Cancellation,
                quantity: -original.quantity,
                ..original
            });
        }
    }

    /// The lines of one order: 1 + Geometric (mean 2) extra lines, each a product (mostly from
    /// the favourite category), a quantity (1 + Geometric, sometimes a bulk 6–24) and a price.
    fn order(&mut self, draw: &mut Draw, habits: &Habits, customer: Option<u64>, time: i64) {
        let order = self.new_order();
        let channel = if draw.chance(CHANNEL_LOYALTY) {
            habits.channel
        } else {
            draw.index(CHANNELS.len()) as u8
        };
        let mut extra = 0;
        while extra < 40 && draw.chance(2.0 / 3.0) {
            extra += 1;
        }
        for _ in 0..=extra {
            let product = self.product(draw, habits.category);
            let discount = draw.chance(habits.discount_share);
            let Product {
                category,
                price_cents: list,
            } = self.catalogue[product as usize];
            let price_cents = if discount {
                (f64::from(list) * DISCOUNTED_PRICE).round().max(1.0) as u32
            } else {
                list
            };
            let quantity = if draw.chance(0.05) {
                draw.between(6, 24) as i32
            } else {
                let mut q = 1;
                while q < 12 && draw.chance(0.4) {
                    q += 1;
                }
                q
            };
            self.push(
                draw,
                Line {
                    time,
                    order,
                    invoice: Invoice::Normal,
                    customer,
                    product,
                    category,
                    quantity,
                    price_cents,
                    channel,
                    country: habits.country,
                    discount,
                    duplicate: false,
                },
            );
        }
    }

    fn product(&self, draw: &mut Draw, favourite: u8) -> u16 {
        loop {
            let product = draw.index(self.catalogue.len());
            let in_favourite = self.catalogue[product].category == favourite;
            if in_favourite || !draw.chance(CATEGORY_LOYALTY) {
                return product as u16;
            }
        }
    }

    /// Adds a line, and now and then an exact duplicate of it.
    fn push(&mut self, draw: &mut Draw, line: Line) {
        self.lines.push(line);
        if draw.chance(DUPLICATE_RATE) {
            self.lines.push(Line {
                duplicate: true,
                ..line
            });
        }
    }

    fn new_order(&mut self) -> u32 {
        self.next_order += 1;
        self.next_order
    }
}
