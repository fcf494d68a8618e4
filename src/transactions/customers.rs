//! The customer table made from the summaries: one row per customer in id order, each
//! aggregated column mapped to the existing role with the same meaning (recency, spend,
//! purchases per channel, deal purchases, country as a category), the rest as measures.

use super::aggregate::Aggregate;
use super::lines::OrderLines;
use crate::roles::{Channel, ColumnMapping, Role};
use crate::table::{Column, ColumnData, DateFormat, RawTable};

/// Up to this many product categories, spend is split by category (`Spend_<category>`).
pub const MAX_SPEND_CATEGORIES: usize = 12;

/// Column names of the customer table.
pub mod columns {
    pub const RECENCY: &str = "Recency";
    pub const ORDERS: &str = "Orders";
    pub const ORDERS_PREFIX: &str = "Orders_";
    pub const MONETARY: &str = "Monetary";
    pub const SPEND_PREFIX: &str = "Net_Spend_";
    pub const AVG_ORDER_VALUE: &str = "Avg_Order_Value";
    pub const TENURE: &str = "Tenure_Days";
    pub const PRODUCTS: &str = "Distinct_Products";
    pub const CATEGORIES: &str = "Distinct_Categories";
    pub const RETURN_RATE: &str = "Return_Rate";
    pub const COUNTRY: &str = "Country";
    pub const DISCOUNTED_ORDERS: &str = "Discounted_Orders";
    pub const DISCOUNTED_SHARE: &str = "Discounted_Line_Share";
    pub const INTERPURCHASE: &str = "Mean_Interpurchase_Days";
    pub const FIRST_PURCHASE: &str = "First_Purchase";
    pub const LAST_PURCHASE: &str = "Last_Purchase";
}

/// Whether spend is split by category: a category column with few enough levels.
pub fn spend_by_category(lines: &OrderLines) -> bool {
    lines
        .category
        .as_ref()
        .is_some_and(|c| c.levels.len() <= MAX_SPEND_CATEGORIES)
}

struct Builder {
    columns: Vec<Column>,
    mapping: Vec<(String, Role)>,
}

impl Builder {
    fn push(&mut self, name: &str, role: Role, data: ColumnData) {
        self.columns.push(Column {
            name: name.to_string(),
            data,
        });
        self.mapping.push((name.to_string(), role));
    }

    fn number(&mut self, name: &str, role: Role, values: Vec<f64>) {
        self.push(name, role, ColumnData::Numeric(values));
    }
}

/// The customer table of `aggregate`, named after `source` (file name and format kept).
pub fn customer_table(
    source: &RawTable,
    lines: &OrderLines,
    aggregate: &Aggregate,
) -> (RawTable, ColumnMapping) {
    let c = &aggregate.customers;
    let num = |f: &dyn Fn(&super::aggregate::CustomerSummary) -> f64| -> Vec<f64> {
        c.iter().map(f).collect()
    };
    let mut b = Builder {
        columns: Vec::new(),
        mapping: Vec::new(),
    };
    let ids: Vec<String> = c
        .iter()
        .map(|s| lines.customer_ids[s.customer as usize].clone())
        .collect();
    b.push(
        &lines.customer_column,
        Role::CustomerId,
        ColumnData::Text {
            codes: (0..ids.len() as u32).collect(),
            levels: ids,
        },
    );
    let dated = aggregate.last_day != crate::table::MISSING_DAY;
    let last = aggregate.last_day;
    if dated {
        b.number(
            columns::RECENCY,
            Role::Recency,
            num(&|s| f64::from(last - s.last_day)),
        );
    }
    if lines.channel.is_some() {
        for (slot, ch) in Channel::ALL.iter().enumerate() {
            if c.iter().any(|s| s.channel_orders[slot] > 0) {
                let name = format!("{}{}", columns::ORDERS_PREFIX, ch.label());
                b.number(
                    &name,
                    Role::Purchases(*ch),
                    num(&|s| s.channel_orders[slot] as f64),
                );
            }
        }
    } else {
        b.number(
            columns::ORDERS,
            Role::Purchases(Channel::Other),
            num(&|s| s.orders as f64),
        );
    }
    match &lines.category {
        Some(category) if spend_by_category(lines) => {
            let mut labels = category.levels.clone();
            labels.push("Unknown".into());
            for (slot, label) in labels.iter().enumerate() {
                if c.iter().any(|s| s.category_spend[slot] != 0.0) {
                    let name = format!("{}{label}", columns::SPEND_PREFIX);
                    b.number(
                        &name,
                        Role::Spend(label.clone()),
                        num(&|s| s.category_spend[slot]),
                    );
                }
            }
            b.number(columns::MONETARY, Role::Ignore, num(&|s| s.monetary));
        }
        _ => b.number(
            columns::MONETARY,
            Role::Spend("Total".into()),
            num(&|s| s.monetary),
        ),
    }
    b.number(
        columns::AVG_ORDER_VALUE,
        Role::Ignore,
        num(&|s| s.monetary / s.orders as f64),
    );
    if dated {
        b.number(
            columns::TENURE,
            Role::Measure,
            num(&|s| f64::from(last - s.first_day)),
        );
    }
    if lines.product.is_some() {
        b.number(
            columns::PRODUCTS,
            Role::Measure,
            num(&|s| s.products as f64),
        );
    }
    if lines.category.is_some() {
        let role = if spend_by_category(lines) {
            Role::Ignore
        } else {
            Role::Measure
        };
        b.number(columns::CATEGORIES, role, num(&|s| s.categories as f64));
    }
    b.number(
        columns::RETURN_RATE,
        Role::Measure,
        num(&|s| s.return_lines as f64 / s.lines as f64),
    );
    if let Some(country) = &lines.country {
        b.push(
            columns::COUNTRY,
            Role::Categorical,
            ColumnData::Text {
                codes: c.iter().map(|s| s.country).collect(),
                levels: country.levels.clone(),
            },
        );
    }
    if lines.discount.is_some() {
        b.number(
            columns::DISCOUNTED_ORDERS,
            Role::DealPurchases,
            num(&|s| s.discounted_orders as f64),
        );
        b.number(
            columns::DISCOUNTED_SHARE,
            Role::Ignore,
            num(&|s| s.discounted_lines as f64 / s.purchase_lines as f64),
        );
    }
    if dated {
        b.number(
            columns::INTERPURCHASE,
            Role::Ignore,
            num(&|s| {
                if s.orders > 1 {
                    f64::from(s.last_day - s.first_day) / (s.orders - 1) as f64
                } else {
                    f64::NAN
                }
            }),
        );
        for (name, day) in [
            (columns::FIRST_PURCHASE, true),
            (columns::LAST_PURCHASE, false),
        ] {
            let days = c
                .iter()
                .map(|s| if day { s.first_day } else { s.last_day })
                .collect();
            b.push(
                name,
                Role::Ignore,
                ColumnData::Date {
                    days,
                    format: DateFormat::Iso,
                },
            );
        }
    }
    debug_assert!(b.columns.iter().all(|col| col.data.len() == c.len()));
    (
        RawTable {
            file_name: source.file_name.clone(),
            format: source.format.clone(),
            columns: b.columns,
        },
        ColumnMapping::new(b.mapping),
    )
}
