//! The reference features, each computed only when the roles it needs are mapped: one function
//! per feature family, called in the order the features are listed. Names, kinds and
//! descriptions come from the [`catalog`](super::catalog).

use super::catalog::{self as c, FeatureSpec};
use super::{Feature, FeatureKind, FeatureTable};
use crate::config::ValidRunConfig;
use crate::roles::{Channel, Role};
use crate::stats::median;
use crate::validate::{CleanTable, CleanValues, QualityAction};
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

/// The clean table with the sums several families share.
struct Basis<'a> {
    clean: &'a CleanTable,
    n: usize,
    /// Purchases per channel column.
    channels: Vec<(Channel, &'a [f64])>,
    /// Spend per category column.
    spend: Vec<(&'a str, &'a [f64])>,
    /// Purchases over all channels.
    frequency: Option<Vec<f64>>,
    /// Spend over all categories.
    monetary: Option<Vec<f64>>,
}

impl<'a> Basis<'a> {
    fn new(clean: &'a CleanTable) -> Basis<'a> {
        let n = clean.len();
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
        Basis {
            clean,
            n,
            channels,
            spend,
            frequency,
            monetary,
        }
    }

    fn number(&self, role: &Role) -> Option<&'a [f64]> {
        self.clean.number(role)
    }

    /// The sum of every column with `role`, when there is one.
    fn sum_of(&self, role: &Role) -> Option<Vec<f64>> {
        let columns: Vec<&[f64]> = self
            .clean
            .numbers_with(role)
            .into_iter()
            .map(|(_, v)| v)
            .collect();
        (!columns.is_empty()).then(|| sum_columns(&columns, self.n))
    }
}

struct Builder {
    features: Vec<Feature>,
}

impl Builder {
    /// Add a catalog feature.
    fn add(&mut self, spec: &FeatureSpec, values: Vec<f64>) {
        self.push(
            spec.name,
            spec.kind,
            values,
            spec.default_in_segmentation,
            spec.description,
        );
    }

    /// Add a feature whose name carries a column or level.
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

    /// The values of a feature built earlier.
    fn values(&self, spec: &FeatureSpec) -> Option<&[f64]> {
        self.features
            .iter()
            .find(|f| f.name == spec.name)
            .map(|f| f.values.as_slice())
    }
}

/// Compute every feature the mapping allows. Returns the table and the one-hot report.
pub fn build_features(
    clean: &CleanTable,
    config: &ValidRunConfig,
) -> (FeatureTable, Vec<QualityAction>) {
    let basis = Basis::new(clean);
    let mut b = Builder {
        features: Vec::new(),
    };
    household(&basis, &mut b);
    rfm(&basis, &mut b);
    channel_mix(&basis, &mut b);
    campaigns(&basis, &mut b);
    deals_and_value(&basis, &mut b);
    per_column(&basis, &mut b);
    as_given(&basis, &mut b);
    let actions = one_hot(clean, config, &mut b);
    (
        FeatureTable {
            features: b.features,
        },
        actions,
    )
}

/// Income, age (or birth year) and children at home.
fn household(basis: &Basis<'_>, b: &mut Builder) {
    if let Some(income) = basis.number(&Role::Income) {
        b.add(&c::INCOME, income.to_vec());
    }
    if let Some(age) = basis.number(&Role::Age) {
        b.add(&c::AGE, age.to_vec());
    } else if let Some(birth) = basis.number(&Role::BirthYear) {
        match basis.clean.reference_year {
            Some(year) => {
                let age = birth.iter().map(|b| year as f64 - b).collect();
                b.add(&c::AGE_FROM_BIRTH_YEAR, age);
            }
            None => b.add(&c::BIRTH_YEAR, birth.to_vec()),
        }
    }
    if let Some(children) = basis.sum_of(&Role::Children) {
        b.add(&c::TOTAL_CHILDREN, children);
    }
}

/// Recency, frequency, monetary value, spend per purchase and tenure.
fn rfm(basis: &Basis<'_>, b: &mut Builder) {
    if let Some(recency) = basis.number(&Role::Recency) {
        b.add(&c::RECENCY, recency.to_vec());
    }
    if let Some(f) = &basis.frequency {
        b.add(&c::FREQUENCY, f.clone());
    }
    if let Some(m) = &basis.monetary {
        b.add(&c::MONETARY, m.clone());
    }
    if let (Some(m), Some(f)) = (&basis.monetary, &basis.frequency) {
        let avg: Vec<f64> = m
            .iter()
            .zip(f)
            .map(|(m, f)| if *f > 0.0 { m / f } else { 0.0 })
            .collect();
        b.add(&c::AVG_SPEND, avg);
    }
    if let (Some(join), Some(reference)) = (basis.clean.join_days(), basis.clean.reference_day) {
        let tenure = join.iter().map(|d| (reference - d) as f64).collect();
        b.add(&c::TENURE, tenure);
    }
}

/// Each channel's share of purchases, with two or more channels.
fn channel_mix(basis: &Basis<'_>, b: &mut Builder) {
    let Some(f) = &basis.frequency else {
        return;
    };
    if basis.channels.len() < 2 {
        return;
    }
    for (channel, spec) in [
        (Channel::Web, &c::WEB_RATIO),
        (Channel::Store, &c::STORE_RATIO),
        (Channel::Catalog, &c::CATALOG_RATIO),
        (Channel::Other, &c::OTHER_RATIO),
    ] {
        let cols: Vec<&[f64]> = basis
            .channels
            .iter()
            .filter(|(c, _)| *c == channel)
            .map(|(_, v)| *v)
            .collect();
        if !cols.is_empty() {
            let count = sum_columns(&cols, basis.n);
            b.add(spec, ratio(&count, f));
        }
    }
}

/// Whether a customer accepted any campaign, and how many.
fn campaigns(basis: &Basis<'_>, b: &mut Builder) {
    if let Some(accepted) = basis.sum_of(&Role::Campaign) {
        let any = accepted.iter().map(|a| f64::from(*a > 0.0)).collect();
        b.add(&c::PROMO_RESPONSIVE, any);
        b.add(&c::CAMPAIGNS_ACCEPTED, accepted);
    }
}

/// Deal dependency, product variety, total spend, discount addiction and the CLV proxy.
fn deals_and_value(basis: &Basis<'_>, b: &mut Builder) {
    if let (Some(deals), Some(f)) = (basis.number(&Role::DealPurchases), &basis.frequency) {
        b.add(&c::DEAL_DEPENDENCY, ratio(deals, f));
    }
    let spend = &basis.spend;
    if spend.len() >= 2 {
        let variety = (0..basis.n)
            .map(|i| spend.iter().filter(|(_, v)| v[i] > 0.0).count() as f64)
            .collect();
        b.add(&c::PRODUCT_VARIETY, variety);
    }
    if let Some(m) = &basis.monetary {
        b.add(&c::TOTAL_SPEND, m.clone());
    }
    if let (Some(dd), Some(avg)) = (b.values(&c::DEAL_DEPENDENCY), b.values(&c::AVG_SPEND)) {
        let median_avg = median(avg).unwrap_or(0.0);
        let addicted = dd
            .iter()
            .zip(avg)
            .map(|(d, a)| f64::from(*d > 0.5 && *a < median_avg))
            .collect();
        b.add(&c::DISCOUNT_ADDICTED, addicted);
    }
    if let Some(m) = &basis.monetary {
        let recency = basis.number(&Role::Recency);
        let max_recency = recency.map_or(0.0, |r| r.iter().copied().fold(0.0, f64::max));
        let clv = (0..basis.n)
            .map(|i| {
                let retention = recency.map_or(1.0, |r| 1.0 - r[i] / (max_recency + 1.0));
                m[i] / SPEND_WINDOW_YEARS * CLV_HORIZON_YEARS * retention
            })
            .collect();
        b.add(&c::CLV_PROXY, clv);
    }
}

/// Spend per category and acceptance per campaign, one feature per column.
fn per_column(basis: &Basis<'_>, b: &mut Builder) {
    for (category, values) in &basis.spend {
        let description = format!("spend on {category}");
        b.push(
            &format!("{}{category}", c::SPEND_PREFIX),
            FeatureKind::Continuous,
            values.to_vec(),
            false,
            &description,
        );
    }
    for (column, values) in basis.clean.numbers_with(&Role::Campaign) {
        let description = format!("accepted campaign \"{column}\"");
        b.push(
            &format!("{}{column}", c::CAMPAIGN_PREFIX),
            FeatureKind::Flag,
            values.to_vec(),
            false,
            &description,
        );
    }
}

/// Web visits, complaints, and the `measure` and `flag` columns, used as given.
fn as_given(basis: &Basis<'_>, b: &mut Builder) {
    if let Some(visits) = basis.number(&Role::WebVisits) {
        b.add(&c::WEB_VISITS, visits.to_vec());
    }
    if let Some(complaints) = basis.number(&Role::Complaints) {
        b.add(&c::COMPLAINTS, complaints.to_vec());
    }
    for (name, values) in basis.clean.numbers_with(&Role::Measure) {
        b.push(
            name,
            FeatureKind::Continuous,
            values.to_vec(),
            true,
            c::MEASURE_DESCRIPTION,
        );
    }
    for (name, values) in basis.clean.numbers_with(&Role::ClvModel) {
        b.push(
            name,
            FeatureKind::Continuous,
            values.to_vec(),
            false,
            c::CLV_MODEL_DESCRIPTION,
        );
    }
    for (name, values) in basis.clean.numbers_with(&Role::Flag) {
        b.push(
            name,
            FeatureKind::Flag,
            values.to_vec(),
            true,
            c::FLAG_DESCRIPTION,
        );
    }
}

/// One 0/1 feature per level of each categorical column, when the config asks for it.
fn one_hot(clean: &CleanTable, config: &ValidRunConfig, b: &mut Builder) -> Vec<QualityAction> {
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
    vec![QualityAction::OneHotEncoding {
        enabled: config.one_hot,
        columns: categories.iter().map(|(n, _, _)| n.to_string()).collect(),
        features_added: added,
    }]
}
