//! The segmentation features in SQL, formula for formula as `features::build_features`
//! computes them (same order, so a name that two definitions share resolves the same way).

use super::inputs::{Input, Kind, Plan};
use super::{Cte, SqlError, comment, text};
use crate::features::names::*;
use crate::features::{CLV_HORIZON_YEARS, SPEND_WINDOW_YEARS};
use crate::roles::{Channel, Role};

/// `(a + b + …)` of the columns' clean values.
fn sum(columns: &[&Input]) -> String {
    let terms: Vec<&str> = columns.iter().map(|c| c.alias.as_str()).collect();
    format!("({})", terms.join(" + "))
}

/// `num ÷ den` clamped to 0..=1, and 0 when `den` is not positive.
fn ratio(num: &str, den: &str) -> String {
    format!(
        "CASE WHEN {den} > 0 THEN CASE WHEN {num} / {den} > 1 THEN 1.0 WHEN {num} / {den} < 0 THEN 0.0 ELSE {num} / {den} END ELSE 0.0 END"
    )
}

/// The running totals the features share, as columns of `totals`.
struct Totals {
    children: bool,
    frequency: bool,
    monetary: bool,
    channels: Vec<Channel>,
    campaigns: bool,
}

fn totals(plan: &Plan) -> (Totals, Cte) {
    let mut lines = vec!["  SELECT p.*".to_string()];
    let mut add = |expr: String, name: &str| lines.push(format!("    , {expr} AS {name}"));
    let children = plan.numbers_with(&Role::Children);
    if !children.is_empty() {
        add(sum(&children), "t_children");
    }
    let purchases: Vec<&Input> = plan
        .inputs
        .iter()
        .filter(|c| c.kind == Kind::Number && matches!(c.role, Role::Purchases(_)))
        .collect();
    if !purchases.is_empty() {
        add(sum(&purchases), "t_frequency");
    }
    let spend = spend(plan);
    if !spend.is_empty() {
        add(sum(&spend), "t_monetary");
    }
    let mut channels = Vec::new();
    if purchases.len() >= 2 {
        for ch in Channel::ALL {
            let of: Vec<&Input> = plan.numbers_with(&Role::Purchases(ch));
            if !of.is_empty() {
                add(sum(&of), &format!("t_{}", ch.key()));
                channels.push(ch);
            }
        }
    }
    let campaigns = plan.numbers_with(&Role::Campaign);
    if !campaigns.is_empty() {
        add(sum(&campaigns), "t_campaigns");
    }
    lines.push("  FROM prepared p".into());
    let t = Totals {
        children: !children.is_empty(),
        frequency: !purchases.is_empty(),
        monetary: !spend.is_empty(),
        channels,
        campaigns: !campaigns.is_empty(),
    };
    (
        t,
        Cte {
            name: "totals",
            body: lines.join("\n"),
        },
    )
}

fn spend<'p>(plan: &'p Plan) -> Vec<&'p Input> {
    plan.inputs
        .iter()
        .filter(|c| c.kind == Kind::Number && matches!(c.role, Role::Spend(_)))
        .collect()
}

/// Every feature the mapping allows, as (name, expression over `totals`), in Rust's order.
/// `Err` marks a feature the query cannot compute, with the reason.
fn catalogue(plan: &Plan, t: &Totals) -> Vec<(String, Result<String, String>)> {
    let mut out: Vec<(String, Result<String, String>)> = Vec::new();
    let mut push = |name: &str, expr: String| out.push((name.to_string(), Ok(expr)));
    let value = |role: &Role| plan.number(role).map(|c| c.alias.clone());
    if let Some(v) = value(&Role::Income) {
        push(INCOME, v);
    }
    if let Some(v) = value(&Role::Age) {
        push(AGE, v);
    } else if let Some(v) = value(&Role::BirthYear) {
        match plan.reference_year() {
            Some(year) => push(AGE, format!("({year} - {v})")),
            None => push(BIRTH_YEAR, v),
        }
    }
    if t.children {
        push(TOTAL_CHILDREN, "t_children".into());
    }
    if let Some(v) = value(&Role::Recency) {
        push(RECENCY, v);
    }
    let (f, m) = ("t_frequency", "t_monetary");
    if t.frequency {
        push(FREQUENCY, f.into());
    }
    if t.monetary {
        push(MONETARY, m.into());
    }
    if t.frequency && t.monetary {
        push(
            AVG_SPEND,
            format!("CASE WHEN {f} > 0 THEN {m} / {f} ELSE 0.0 END"),
        );
    }
    if let Some(join) = plan.join_date() {
        push(TENURE, format!("(ref_day - {})", join.alias));
    }
    for ch in &t.channels {
        let name = match ch {
            Channel::Web => WEB_RATIO,
            Channel::Store => STORE_RATIO,
            Channel::Catalog => CATALOG_RATIO,
            Channel::Other => OTHER_RATIO,
        };
        push(name, ratio(&format!("t_{}", ch.key()), f));
    }
    if t.campaigns {
        push(
            PROMO_RESPONSIVE,
            "CASE WHEN t_campaigns > 0 THEN 1.0 ELSE 0.0 END".into(),
        );
        push(CAMPAIGNS_ACCEPTED, "t_campaigns".into());
    }
    let deals = value(&Role::DealPurchases).filter(|_| t.frequency);
    if let Some(d) = &deals {
        push(DEAL_DEPENDENCY, ratio(d, f));
    }
    let spend = spend(plan);
    if spend.len() >= 2 {
        let terms: Vec<String> = spend
            .iter()
            .map(|c| format!("CASE WHEN {} > 0 THEN 1 ELSE 0 END", c.alias))
            .collect();
        push(PRODUCT_VARIETY, format!("({})", terms.join(" + ")));
    }
    if t.monetary {
        push(TOTAL_SPEND, m.into());
    }
    if deals.is_some() && t.monetary {
        out.push((
            DISCOUNT_ADDICTED.into(),
            Err("it compares with the median of the scored customers, which standard SQL has no portable function for".into()),
        ));
    }
    let mut push = |name: &str, expr: String| out.push((name.to_string(), Ok(expr)));
    if t.monetary {
        let retention = match value(&Role::Recency) {
            Some(r) => format!(
                "(1.0 - {r} / (CASE WHEN max_recency > 0 THEN max_recency ELSE 0.0 END + 1.0))"
            ),
            None => "1.0".into(),
        };
        push(
            CLV_PROXY,
            format!("{m} / {SPEND_WINDOW_YEARS:?} * {CLV_HORIZON_YEARS:?} * {retention}"),
        );
    }
    for c in &spend {
        if let Role::Spend(category) = &c.role {
            push(&format!("{SPEND_PREFIX}{category}"), c.alias.clone());
        }
    }
    for c in plan.numbers_with(&Role::Campaign) {
        push(&format!("{CAMPAIGN_PREFIX}{}", c.name), c.alias.clone());
    }
    if let Some(v) = value(&Role::WebVisits) {
        push(WEB_VISITS, v);
    }
    if let Some(v) = value(&Role::Complaints) {
        push(COMPLAINTS, v);
    }
    for role in [Role::Measure, Role::Flag] {
        for c in plan.numbers_with(&role) {
            push(&c.name, c.alias.clone());
        }
    }
    out
}

/// A one-hot feature `column=level`: 1 when the text equals the level (0 when it never does,
/// as in Rust where a level absent from the scored file is all zeros).
fn one_hot(plan: &Plan, feature: &str) -> Option<String> {
    let (name, level) = feature.split_once('=')?;
    let c = plan
        .inputs
        .iter()
        .find(|c| c.kind == Kind::Category && c.name == name)?;
    Some(format!(
        "CASE WHEN {} = {} THEN 1.0 ELSE 0.0 END",
        c.alias,
        text(level)
    ))
}

/// `totals` and `features`: one column `f1…fp` per segmentation feature, in the model's order.
pub(super) fn ctes(plan: &Plan) -> Result<Vec<Cte>, SqlError> {
    let (t, totals) = totals(plan);
    let known = catalogue(plan, &t);
    let mut lines = vec!["  SELECT customer_id".to_string()];
    for (j, feature) in plan.model.feature_names.iter().enumerate() {
        let expr = match known.iter().find(|(name, _)| name == feature) {
            Some((_, Ok(expr))) => expr.clone(),
            Some((_, Err(reason))) => {
                return Err(SqlError::UnsupportedFeature {
                    feature: feature.clone(),
                    reason: reason.clone(),
                });
            }
            None => one_hot(plan, feature).ok_or_else(|| SqlError::MissingFeature {
                feature: feature.clone(),
            })?,
        };
        lines.push(format!(
            "    , {expr} AS f{}  -- {}",
            j + 1,
            comment(feature)
        ));
    }
    lines.push("  FROM totals".into());
    Ok(vec![
        totals,
        Cte {
            name: "features",
            body: lines.join("\n"),
        },
    ])
}
