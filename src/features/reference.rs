//! The reference features, each computed only when the roles it needs are mapped.

use super::names::*;
use super::{Feature, FeatureKind, FeatureTable};
use crate::config::ValidRunConfig;
use crate::roles::{Channel, Role};
use crate::validate::{CleanTable, CleanValues, QualityAction, median};
use rayon::prelude::*;

/// Years of spend the spend columns cover (the demo's `Mnt*` cover the last two years).
pub const SPEND_WINDOW_YEARS: f64 = 2.0;
/// Horizon of the CLV proxy, in years.
pub const CLV_HORIZON_YEARS: f64 = 3.0;

fn sum_columns(columns: &[&[f64]], n: usize) -> Vec<f64> {
    let mut total = vec![0.0; n];
    for c in columns {
        total
            .par_iter_mut()
            .zip(c.par_iter())
            .for_each(|(t, v)| *t += v);
    }
    total
}

fn ratio(num: &[f64], den: &[f64]) -> Vec<f64> {
    num.par_iter()
        .zip(den.par_iter())
        .map(|(a, b)| {
            if *b > 0.0 {
                (a / b).clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}

struct Builder {
    features: Vec<Feature>,
}

impl Builder {
    fn push(
        &mut self,
        name: &str,
        kind: FeatureKind,
        values: Vec<f64>,
        default: bool,
        description: &str,
    ) {
        self.features.push(Feature {
            name: name.into(),
            kind,
            values,
            default_in_segmentation: default,
            description: description.into(),
        });
    }
}

/// Compute every feature the mapping allows. Returns the table and the one-hot report.
pub fn build_features(
    clean: &CleanTable,
    config: &ValidRunConfig,
) -> (FeatureTable, Vec<QualityAction>) {
    let n = clean.len();
    let mut b = Builder {
        features: Vec::new(),
    };
    let number = |role: &Role| clean.number(role).map(<[f64]>::to_vec);

    if let Some(income) = number(&Role::Income) {
        b.push(
            INCOME,
            FeatureKind::Continuous,
            income,
            true,
            "household income",
        );
    }
    if let Some(age) = number(&Role::Age) {
        b.push(AGE, FeatureKind::Continuous, age, true, "age in years");
    } else if let Some(birth) = clean.number(&Role::BirthYear) {
        match clean.reference_year {
            Some(year) => {
                let age = birth.iter().map(|b| year as f64 - b).collect();
                b.push(
                    AGE,
                    FeatureKind::Continuous,
                    age,
                    true,
                    "reference year (latest join date) − birth year",
                );
            }
            None => b.push(
                BIRTH_YEAR,
                FeatureKind::Continuous,
                birth.to_vec(),
                true,
                "birth year (no join date to age from)",
            ),
        }
    }
    let children: Vec<&[f64]> = clean
        .numbers_with(&Role::Children)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    if !children.is_empty() {
        b.push(
            TOTAL_CHILDREN,
            FeatureKind::Continuous,
            sum_columns(&children, n),
            true,
            "children + teenagers at home",
        );
    }
    if let Some(recency) = number(&Role::Recency) {
        b.push(
            RECENCY,
            FeatureKind::Continuous,
            recency,
            true,
            "days since the last purchase",
        );
    }

    let channels: Vec<(Channel, &[f64])> = clean
        .columns
        .iter()
        .filter_map(|c| match (&c.role, &c.values) {
            (Role::Purchases(ch), CleanValues::Number(v)) => Some((*ch, v.as_slice())),
            _ => None,
        })
        .collect();
    let frequency = (!channels.is_empty()).then(|| {
        let cols: Vec<&[f64]> = channels.iter().map(|(_, v)| *v).collect();
        sum_columns(&cols, n)
    });
    let spend = clean.spend();
    let monetary = (!spend.is_empty()).then(|| {
        let cols: Vec<&[f64]> = spend.iter().map(|(_, v)| *v).collect();
        sum_columns(&cols, n)
    });
    if let Some(f) = &frequency {
        b.push(
            FREQUENCY,
            FeatureKind::Continuous,
            f.clone(),
            true,
            "total purchases over all channels",
        );
    }
    if let Some(m) = &monetary {
        b.push(
            MONETARY,
            FeatureKind::Continuous,
            m.clone(),
            true,
            "total spend over all categories",
        );
    }
    let avg_spend = match (&monetary, &frequency) {
        (Some(m), Some(f)) => {
            let avg: Vec<f64> = m
                .iter()
                .zip(f)
                .map(|(m, f)| if *f > 0.0 { m / f } else { 0.0 })
                .collect();
            b.push(
                AVG_SPEND,
                FeatureKind::Continuous,
                avg.clone(),
                true,
                "Monetary ÷ Frequency (0 without purchases)",
            );
            Some(avg)
        }
        _ => None,
    };
    if let (Some(join), Some(reference)) = (clean.join_days(), clean.reference_day) {
        let tenure = join.iter().map(|d| (reference - d) as f64).collect();
        b.push(
            TENURE,
            FeatureKind::Continuous,
            tenure,
            true,
            "days from joining to the latest join date in the data",
        );
    }
    if let Some(f) = &frequency
        && channels.len() >= 2
    {
        for (ch, name, default) in [
            (Channel::Web, WEB_RATIO, true),
            (Channel::Store, STORE_RATIO, false),
            (Channel::Catalog, CATALOG_RATIO, true),
            (Channel::Other, OTHER_RATIO, false),
        ] {
            let cols: Vec<&[f64]> = channels
                .iter()
                .filter(|(c, _)| *c == ch)
                .map(|(_, v)| *v)
                .collect();
            if !cols.is_empty() {
                let count = sum_columns(&cols, n);
                let description = format!("{} purchases ÷ Frequency", ch.label());
                b.push(
                    name,
                    FeatureKind::Ratio,
                    ratio(&count, f),
                    default,
                    &description,
                );
            }
        }
    }
    let campaigns: Vec<&[f64]> = clean
        .numbers_with(&Role::Campaign)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    if !campaigns.is_empty() {
        let accepted = sum_columns(&campaigns, n);
        let any = accepted.iter().map(|a| f64::from(*a > 0.0)).collect();
        b.push(
            PROMO_RESPONSIVE,
            FeatureKind::Flag,
            any,
            true,
            "accepted at least one campaign",
        );
        b.push(
            CAMPAIGNS_ACCEPTED,
            FeatureKind::Continuous,
            accepted,
            false,
            "number of campaigns accepted",
        );
    }
    let deal_dependency = match (clean.number(&Role::DealPurchases), &frequency) {
        (Some(deals), Some(f)) => {
            let dd = ratio(deals, f);
            b.push(
                DEAL_DEPENDENCY,
                FeatureKind::Ratio,
                dd.clone(),
                true,
                "deal purchases ÷ Frequency, capped at 1",
            );
            Some(dd)
        }
        _ => None,
    };
    if spend.len() >= 2 {
        let variety = (0..n)
            .map(|i| spend.iter().filter(|(_, v)| v[i] > 0.0).count() as f64)
            .collect();
        b.push(
            PRODUCT_VARIETY,
            FeatureKind::Continuous,
            variety,
            true,
            "product categories with spend > 0",
        );
    }
    if let Some(m) = &monetary {
        b.push(
            TOTAL_SPEND,
            FeatureKind::Continuous,
            m.clone(),
            false,
            "same as Monetary, kept for reports",
        );
    }
    if let (Some(dd), Some(avg)) = (&deal_dependency, &avg_spend) {
        let median_avg = median(avg).unwrap_or(0.0);
        let addicted = dd
            .iter()
            .zip(avg)
            .map(|(d, a)| f64::from(*d > 0.5 && *a < median_avg))
            .collect();
        b.push(
            DISCOUNT_ADDICTED,
            FeatureKind::Flag,
            addicted,
            false,
            "Deal_Dependency > 0.5 and Avg_Spend_Per_Purchase below its median",
        );
    }
    if let Some(m) = &monetary {
        let recency = clean.number(&Role::Recency);
        let max_recency = recency.map_or(0.0, |r| r.iter().copied().fold(0.0, f64::max));
        let clv = (0..n)
            .map(|i| {
                let retention = recency.map_or(1.0, |r| 1.0 - r[i] / (max_recency + 1.0));
                m[i] / SPEND_WINDOW_YEARS * CLV_HORIZON_YEARS * retention
            })
            .collect();
        b.push(
            CLV_PROXY,
            FeatureKind::Continuous,
            clv,
            false,
            "Monetary ÷ 2 years × 3-year horizon × (1 − Recency ÷ (max Recency + 1))",
        );
    }
    for (category, values) in &spend {
        let description = format!("spend on {category}");
        b.push(
            &format!("{SPEND_PREFIX}{category}"),
            FeatureKind::Continuous,
            values.to_vec(),
            false,
            &description,
        );
    }
    for (column, values) in clean.numbers_with(&Role::Campaign) {
        let description = format!("accepted campaign \"{column}\"");
        b.push(
            &format!("{CAMPAIGN_PREFIX}{column}"),
            FeatureKind::Flag,
            values.to_vec(),
            false,
            &description,
        );
    }
    if let Some(visits) = number(&Role::WebVisits) {
        b.push(
            WEB_VISITS,
            FeatureKind::Continuous,
            visits,
            false,
            "web visits (as given)",
        );
    }
    if let Some(complaints) = number(&Role::Complaints) {
        b.push(
            COMPLAINTS,
            FeatureKind::Continuous,
            complaints,
            false,
            "complaints (as given)",
        );
    }
    for (name, values) in clean.numbers_with(&Role::Measure) {
        b.push(
            name,
            FeatureKind::Continuous,
            values.to_vec(),
            true,
            "a measure from the data, used as given",
        );
    }
    for (name, values) in clean.numbers_with(&Role::Flag) {
        b.push(
            name,
            FeatureKind::Flag,
            values.to_vec(),
            true,
            "a 0/1 flag from the data",
        );
    }

    let categories = clean.categories();
    let mut added = 0;
    if config.one_hot {
        for (name, codes, levels) in &categories {
            for (code, level) in levels.iter().enumerate() {
                let values: Vec<f64> = codes
                    .iter()
                    .map(|&c| f64::from(c as usize == code))
                    .collect();
                if values.iter().any(|v| *v > 0.0) {
                    let description = format!("1 when {name} is \"{level}\"");
                    b.push(
                        &format!("{name}={level}"),
                        FeatureKind::OneHot,
                        values,
                        true,
                        &description,
                    );
                    added += 1;
                }
            }
        }
    }
    let actions = vec![QualityAction::OneHotEncoding {
        enabled: config.one_hot,
        columns: categories.iter().map(|(n, _, _)| n.to_string()).collect(),
        features_added: added,
    }];
    (
        FeatureTable {
            features: b.features,
        },
        actions,
    )
}
