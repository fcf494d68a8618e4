//! The per-customer columns a simulation reads, picked by feature name, and one customer's
//! row of figures (the contributions that segment sums and bootstrap blocks add up).

use super::figures::{BaseError, Coverage, PopulationFacts, RESPONSE_WIDTH, field};
use crate::features::names;
use crate::stats::median;

/// The name of the response column "accepted any campaign" (from `Promo_Responsive`).
pub const ANY_CAMPAIGN: &str = "any";

/// One campaign response column (0/1 per customer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResponseColumn<'a> {
    pub name: &'a str,
    pub values: &'a [f64],
}

/// The feature columns the levers use; a missing one disables the levers that need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerColumns<'a> {
    pub monetary: Option<&'a [f64]>,
    pub frequency: Option<&'a [f64]>,
    pub deal_dependency: Option<&'a [f64]>,
    /// The CLV the levers read: the model's (`Model_CLV`, BG/NBD + Gamma-Gamma over 52 weeks)
    /// when the order lines had one fitted, else the CLV proxy.
    pub clv_proxy: Option<&'a [f64]>,
    pub recency: Option<&'a [f64]>,
    pub web_ratio: Option<&'a [f64]>,
    pub store_ratio: Option<&'a [f64]>,
    pub catalog_ratio: Option<&'a [f64]>,
    /// `"any"` (from Promo_Responsive) first, then each campaign column.
    pub responses: Vec<ResponseColumn<'a>>,
}

impl<'a> CustomerColumns<'a> {
    /// Pick the columns from `(feature name, values)` pairs (the feature table's names).
    pub fn from_named(columns: impl IntoIterator<Item = (&'a str, &'a [f64])>) -> Self {
        let mut out = Self::default();
        let mut campaigns = Vec::new();
        let mut model_clv = None;
        for (name, values) in columns {
            match name {
                crate::transactions::value_columns::CLV => model_clv = Some(values),
                names::MONETARY => out.monetary = Some(values),
                names::FREQUENCY => out.frequency = Some(values),
                names::DEAL_DEPENDENCY => out.deal_dependency = Some(values),
                names::CLV_PROXY => out.clv_proxy = Some(values),
                names::RECENCY => out.recency = Some(values),
                names::WEB_RATIO => out.web_ratio = Some(values),
                names::STORE_RATIO => out.store_ratio = Some(values),
                names::CATALOG_RATIO => out.catalog_ratio = Some(values),
                names::PROMO_RESPONSIVE => out.responses.insert(
                    0,
                    ResponseColumn {
                        name: ANY_CAMPAIGN,
                        values,
                    },
                ),
                _ => {
                    if let Some(campaign) = name.strip_prefix(names::CAMPAIGN_PREFIX) {
                        campaigns.push(ResponseColumn {
                            name: campaign,
                            values,
                        });
                    }
                }
            }
        }
        out.responses.extend(campaigns);
        out.clv_proxy = model_clv.or(out.clv_proxy);
        out
    }

    fn named(&self) -> Vec<(&'static str, Option<&'a [f64]>)> {
        vec![
            (names::MONETARY, self.monetary),
            (names::FREQUENCY, self.frequency),
            (names::DEAL_DEPENDENCY, self.deal_dependency),
            (names::CLV_PROXY, self.clv_proxy),
            (names::RECENCY, self.recency),
            (names::WEB_RATIO, self.web_ratio),
            (names::STORE_RATIO, self.store_ratio),
            (names::CATALOG_RATIO, self.catalog_ratio),
        ]
    }
}

/// Reads one customer's figures, with the population thresholds fixed up front.
pub(crate) struct Row<'c, 'a> {
    columns: &'c CustomerColumns<'a>,
    population: PopulationFacts,
}

fn at(column: Option<&[f64]>, i: usize) -> f64 {
    column.map_or(0.0, |c| c[i])
}

impl<'c, 'a> Row<'c, 'a> {
    /// Check lengths and labels, and compute the medians and the largest recency.
    pub(crate) fn prepare(
        columns: &'c CustomerColumns<'a>,
        labels: &[u32],
        k: usize,
    ) -> Result<Self, BaseError> {
        if k == 0 {
            return Err(BaseError::NoSegments);
        }
        let n = labels.len();
        let lengths = columns
            .named()
            .into_iter()
            .filter_map(|(name, c)| c.map(|c| (name.to_string(), c.len())))
            .chain(columns.responses.iter().map(|r| {
                (
                    format!("{}{}", names::CAMPAIGN_PREFIX, r.name),
                    r.values.len(),
                )
            }));
        for (column, len) in lengths {
            if len != n {
                return Err(BaseError::Length {
                    column,
                    len,
                    expected: n,
                });
            }
        }
        if let Some((row, &label)) = labels.iter().enumerate().find(|(_, l)| **l as usize >= k) {
            return Err(BaseError::Label { row, label, k });
        }
        let population = PopulationFacts {
            customers: n,
            median_deal_dependency: columns.deal_dependency.and_then(median),
            median_clv: columns.clv_proxy.and_then(median),
            max_recency: columns
                .recency
                .map(|r| r.iter().copied().fold(0.0, f64::max)),
        };
        Ok(Self {
            columns,
            population,
        })
    }

    pub(crate) fn width(&self) -> usize {
        field::FIXED + RESPONSE_WIDTH * self.columns.responses.len()
    }

    pub(crate) fn population(&self) -> PopulationFacts {
        self.population
    }

    pub(crate) fn coverage(&self) -> Coverage {
        let c = self.columns;
        Coverage {
            revenue: c.monetary.is_some(),
            purchases: c.frequency.is_some(),
            deal_dependency: c.deal_dependency.is_some(),
            clv: c.clv_proxy.is_some(),
            recency: c.recency.is_some(),
            web: c.web_ratio.is_some() && c.frequency.is_some(),
            store: c.store_ratio.is_some() && c.frequency.is_some(),
            catalog: c.catalog_ratio.is_some() && c.frequency.is_some(),
        }
    }

    pub(crate) fn response_names(&self) -> Vec<String> {
        self.columns
            .responses
            .iter()
            .map(|r| r.name.to_string())
            .collect()
    }

    /// Customer `i`'s contribution to every sum, written into `out` (length [`Row::width`]).
    pub(crate) fn fill(&self, i: usize, out: &mut [f64]) {
        let c = self.columns;
        let m = at(c.monetary, i);
        let f = at(c.frequency, i);
        let dd = at(c.deal_dependency, i);
        let clv = at(c.clv_proxy, i);
        let r = at(c.recency, i);
        let high_deal = self
            .population
            .median_deal_dependency
            .is_some_and(|med| dd >= med);
        let high_clv = self.population.median_clv.is_some_and(|med| clv >= med);
        out[field::CUSTOMERS] = 1.0;
        out[field::REVENUE] = m;
        out[field::PURCHASES] = f;
        out[field::DEAL_DEPENDENCY] = dd;
        out[field::DEAL_REVENUE] = m * dd;
        out[field::CLV] = clv;
        out[field::RECENCY] = r;
        out[field::REVENUE_RECENCY] = m * r;
        out[field::WEB] = f * at(c.web_ratio, i);
        out[field::STORE] = f * at(c.store_ratio, i);
        out[field::CATALOG] = f * at(c.catalog_ratio, i);
        out[field::POP_SOURCE_REVENUE] = if high_deal { m } else { 0.0 };
        out[field::POP_TARGET_REVENUE] = if high_clv { m } else { 0.0 };
        out[field::POP_SOURCE_CUSTOMERS] = f64::from(high_deal);
        out[field::POP_TARGET_CUSTOMERS] = f64::from(high_clv);
        for (j, response) in c.responses.iter().enumerate() {
            let responded = response.values[i].clamp(0.0, 1.0);
            let slot = &mut out[field::FIXED + RESPONSE_WIDTH * j..][..RESPONSE_WIDTH];
            slot[field::RESPONDERS] = responded;
            slot[field::RESPONDER_REVENUE] = responded * m;
            slot[field::RESPONDER_PURCHASES] = responded * f;
        }
    }
}
