//! A persona's key traits: 3–5 sentences, each quoting the segment's figure and the
//! population's, most telling first (spend and revenue share lead when spend is mapped).

use crate::features::names;
use crate::format::{Percent, number, percent, thousands, times};
use crate::insights::format::{channel_phrase, feature_label, plain_label, sd_words, value};
use crate::insights::{FeatureProfile, Insights};

/// Traits per persona, at most.
pub(super) const MAX_TRAITS: usize = 5;
/// Traits per persona, at least (when the data has that many features).
pub(super) const MIN_TRAITS: usize = 3;
/// Below this |z| a trait is only used to reach [`MIN_TRAITS`].
const TELLING_Z: f64 = 0.2;

/// Features a dedicated sentence covers (or that repeat another).
const COVERED: [&str; 16] = [
    names::MONETARY,
    names::TOTAL_SPEND,
    names::WEB_RATIO,
    names::STORE_RATIO,
    names::CATALOG_RATIO,
    names::OTHER_RATIO,
    names::DEAL_DEPENDENCY,
    names::RECENCY,
    names::PROMO_RESPONSIVE,
    names::INCOME,
    names::TOTAL_CHILDREN,
    names::AGE,
    names::FREQUENCY,
    names::CLV_PROXY,
    names::DISCOUNT_ADDICTED,
    names::CAMPAIGNS_ACCEPTED,
];

struct Fact {
    salience: f64,
    text: String,
}

fn vs(seg: String, pop: String) -> String {
    format!("{seg} (vs {pop} overall)")
}

/// The traits of one segment: the lead sentences, then the most telling facts.
pub(super) fn traits(insights: &Insights, segment: usize) -> Vec<String> {
    let mut facts = Facts {
        segment,
        facts: Vec::new(),
    };
    channel_fact(insights, &mut facts);
    feature_facts(insights, &mut facts);
    distinguishing_facts(insights, &mut facts);
    // Most telling first; a stable sort keeps the order above for equal salience.
    let mut facts = facts.facts;
    facts.sort_by(|a, b| b.salience.total_cmp(&a.salience));
    let mut out = lead(insights, segment);
    for fact in &facts {
        if out.len() >= MAX_TRAITS {
            break;
        }
        if fact.salience >= TELLING_Z || out.len() < MIN_TRAITS {
            out.push(fact.text.clone());
        }
    }
    out
}

/// The facts of one segment, gathered in a fixed order.
struct Facts {
    segment: usize,
    facts: Vec<Fact>,
}

impl Facts {
    /// A fact about a profiled feature, as telling as the segment's |z| on it.
    fn push(&mut self, f: Option<&FeatureProfile>, text: &dyn Fn(&FeatureProfile) -> String) {
        if let Some(f) = f {
            self.facts.push(Fact {
                salience: f.z_scores[self.segment].abs(),
                text: text(f),
            });
        }
    }
}

/// The sentences that always lead: spend against the average, and the revenue share.
fn lead(insights: &Insights, segment: usize) -> Vec<String> {
    let mut lead = Vec::new();
    if let Some(m) = insights
        .profile
        .feature(names::MONETARY)
        .filter(|m| m.population_mean > 0.0)
    {
        let seg = m.segment_means[segment];
        lead.push(format!(
            "Spends {} the average customer ({} vs {} per customer).",
            times(seg / m.population_mean),
            thousands(seg),
            thousands(m.population_mean)
        ));
    }
    if let Some(r) = insights.revenue.get().and_then(|r| r.segments.get(segment)) {
        lead.push(format!(
            "{} of customers bring {} of revenue (value index {:.2}).",
            percent(r.customer_pct, Percent::Adaptive),
            percent(r.revenue_pct, Percent::Adaptive),
            r.value_index
        ));
    }
    lead
}

/// The channel whose share sets the segment most apart.
fn channel_fact(insights: &Insights, facts: &mut Facts) {
    let Some(channels) = insights.channel.get() else {
        return;
    };
    let segment = facts.segment;
    let feature = |name: &str| insights.profile.feature(name);
    let ratio_of = |ch: crate::roles::Channel| match ch {
        crate::roles::Channel::Web => names::WEB_RATIO,
        crate::roles::Channel::Store => names::STORE_RATIO,
        crate::roles::Channel::Catalog => names::CATALOG_RATIO,
        crate::roles::Channel::Other => names::OTHER_RATIO,
    };
    let seg = &channels.segments[segment];
    let strongest = seg
        .mix
        .iter()
        .filter_map(|s| feature(ratio_of(s.channel)).map(|f| (s, f)))
        .fold(
            None,
            |best: Option<(_, &FeatureProfile)>, (s, f)| match best {
                Some((_, b)) if b.z_scores[segment].abs() >= f.z_scores[segment].abs() => best,
                _ => Some((s, f)),
            },
        );
    if let Some((share, f)) = strongest {
        facts.push(Some(f), &|_| {
            format!(
                "{} of purchases {} (vs {} overall).",
                percent(share.pct, Percent::Adaptive),
                channel_phrase(share.channel),
                percent(channels.population_share(share.channel), Percent::Adaptive)
            )
        });
    }
}

/// The features with a sentence of their own: deals, recency, campaigns, income, children,
/// age, frequency.
fn feature_facts(insights: &Insights, facts: &mut Facts) {
    let segment = facts.segment;
    let feature = |name: &str| insights.profile.feature(name);
    facts.push(feature(names::DEAL_DEPENDENCY), &|f| {
        let addicted = insights
            .discount
            .get()
            .and_then(|d| d.segments.get(segment))
            .map(|d| {
                format!(
                    "; {} are discount-addicted",
                    percent(d.addicted_pct, Percent::Adaptive)
                )
            })
            .unwrap_or_default();
        format!(
            "Makes {} of purchases with a deal on average (vs {} overall){addicted}.",
            percent(100.0 * f.segment_means[segment], Percent::Adaptive),
            percent(100.0 * f.population_mean, Percent::Adaptive)
        )
    });
    facts.push(feature(names::RECENCY), &|f| {
        format!(
            "Last purchase {} days ago on average (vs {} overall).",
            number(f.segment_means[segment], 100.0),
            number(f.population_mean, 100.0)
        )
    });
    if let Some(p) = insights.promotion.get() {
        facts.push(feature(names::PROMO_RESPONSIVE), &|_| {
            let seg = &p.segments[segment];
            let lift = seg
                .lift
                .map(|l| format!(", {} the rate", times(l)))
                .unwrap_or_default();
            format!(
                "{} accepted at least one campaign (vs {} overall{lift}).",
                percent(seg.response_pct, Percent::Adaptive),
                percent(p.population_response_pct, Percent::Adaptive)
            )
        });
    }
    // "Average income 72,000 (vs 52,000 overall).", and the same for age.
    let average = |what: &str, f: &FeatureProfile| {
        format!(
            "Average {what} {}.",
            vs(
                number(f.segment_means[segment], 100.0),
                number(f.population_mean, 100.0)
            )
        )
    };
    facts.push(feature(names::INCOME), &|f| average("income", f));
    facts.push(feature(names::TOTAL_CHILDREN), &|f| {
        format!(
            "{:.1} children at home on average (vs {:.1} overall).",
            f.segment_means[segment], f.population_mean
        )
    });
    facts.push(feature(names::AGE), &|f| average("age", f));
    facts.push(feature(names::FREQUENCY), &|f| {
        format!(
            "{} purchases per customer (vs {} overall).",
            number(f.segment_means[segment], 100.0),
            number(f.population_mean, 100.0)
        )
    });
}

/// The segment's other distinguishing features (one spend category at most).
fn distinguishing_facts(insights: &Insights, facts: &mut Facts) {
    let Some(top) = insights.profile.top.get(facts.segment) else {
        return;
    };
    let mut spend_told = false;
    for d in top.features.iter().filter(|d| {
        !COVERED.contains(&d.feature.as_str()) && !d.feature.starts_with(names::CAMPAIGN_PREFIX)
    }) {
        let text = match d.feature.strip_prefix(names::SPEND_PREFIX) {
            // One category is enough: the spend sentence already leads.
            Some(_) if spend_told => continue,
            Some(category) => {
                spend_told = true;
                format!(
                    "Spends {} on {} on average (vs {} overall).",
                    thousands(d.segment_mean),
                    feature_label(category).to_lowercase(),
                    thousands(d.population_mean)
                )
            }
            None => format!(
                "{}: {} on average vs {} overall ({}).",
                plain_label(&d.feature),
                value(d.kind, d.segment_mean),
                value(d.kind, d.population_mean),
                sd_words(d.z)
            ),
        };
        facts.facts.push(Fact {
            salience: d.z.abs(),
            text,
        });
    }
}
