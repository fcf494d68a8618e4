//! Persona synthesis: for each segment, its signals pick a rule (or a composed name), the
//! traits quote its figures, the evidence and warnings are attached, and names made distinct.

use super::names::{compose, make_distinct, qualifiers};
use super::rules::{RULES, action_for};
use super::signals::Signals;
use super::traits::traits;
use super::{Persona, PersonaEvidence, PersonaLabel};
use crate::features::{feature_label, names};
use crate::format::{Percent, percent};
use crate::insights::{DistinguishingFeature, Insights};
use crate::segment::Segmentation;
use crate::segment::segmentation::SEGMENT_STABLE;

/// Segments below this % of customers carry a warning.
pub const SMALL_SEGMENT_PCT: f64 = 5.0;
/// A mean adjusted Rand index across seeds below this carries a warning.
pub const UNSTABLE_ARI: f64 = 0.8;
/// Distinguishing features kept in the evidence.
const EVIDENCE_FEATURES: usize = 3;

/// A persona carried over from a previous model onto a matched segment: its label, so the
/// name stays, and so do the user's edits.
pub type CarriedPersona = PersonaLabel;

/// Synthesize one persona per segment. `carried[s]`, when given, keeps segment `s`'s name and
/// edits (after matching to a previous model); other names are made distinct from them.
pub fn synthesize_personas(
    insights: &Insights,
    segmentation: &Segmentation,
    carried: &[Option<CarriedPersona>],
) -> Vec<Persona> {
    let mut personas: Vec<Persona> = (0..segmentation.k)
        .map(|s| synthesize_one(insights, segmentation, s))
        .collect();
    let fixed = carry_over(&mut personas, carried);
    make_names_distinct(&mut personas, &fixed, insights);
    personas
}

/// The most distinguishing features of a segment.
fn top_features(insights: &Insights, segment: usize) -> &[DistinguishingFeature] {
    insights
        .profile
        .top
        .get(segment)
        .map_or(&[][..], |t| t.features.as_slice())
}

/// One segment's persona, from its signals: the first rule that applies names it, else a
/// name composed from its distinguishing features.
fn synthesize_one(insights: &Insights, segmentation: &Segmentation, s: usize) -> Persona {
    let n = segmentation.labels.len().max(1) as f64;
    let share_pct = 100.0 * segmentation.sizes[s] as f64 / n;
    let signals = Signals::of(insights, s, share_pct);
    let top = top_features(insights, s);
    let (name, naming, action) = match RULES.iter().find(|r| (r.applies)(&signals)) {
        Some(rule) => (
            rule.name.to_string(),
            format!("rule \"{}\": {}", rule.key, rule.when),
            rule.action.to_string(),
        ),
        None => {
            let composed = compose(top);
            let action = match (signals.value_index, &composed.lead) {
                (None, Some(lead)) => lead.action.clone(),
                _ => action_for(&signals).to_string(),
            };
            (composed.name, composed.basis, action)
        }
    };
    let evidence = evidence(insights, segmentation, s, share_pct, &signals);
    let mut warnings = warnings(&evidence);
    warnings.extend(segmentation_warnings(segmentation, s));
    Persona {
        segment: s,
        label: PersonaLabel::named(name),
        naming,
        traits: traits(insights, s),
        action,
        evidence,
        warnings,
    }
}

/// The figures behind segment `s`'s persona.
fn evidence(
    insights: &Insights,
    segmentation: &Segmentation,
    s: usize,
    share_pct: f64,
    signals: &Signals,
) -> PersonaEvidence {
    let report = segmentation.chosen_report();
    let profile_mean = |feature: &str| {
        insights
            .profile
            .feature(feature)
            .map(|f| (f.segment_means[s], f.population_mean))
    };
    let revenue = insights.revenue.get().and_then(|r| r.segments.get(s));
    PersonaEvidence {
        customers: segmentation.sizes[s],
        share_pct,
        revenue_pct: revenue.map(|r| r.revenue_pct),
        value_index: revenue.map(|r| r.value_index),
        spend_lift: profile_mean(names::MONETARY)
            .and_then(|(seg, pop)| (pop > 0.0).then(|| seg / pop)),
        promo_lift: signals.promo_lift,
        deal_dependency_pct: profile_mean(names::DEAL_DEPENDENCY).map(|(seg, _)| 100.0 * seg),
        discount_addicted_pct: insights
            .discount
            .get()
            .and_then(|d| d.segments.get(s))
            .map(|d| d.addicted_pct),
        distinguishing: top_features(insights, s)
            .iter()
            .take(EVIDENCE_FEATURES)
            .cloned()
            .collect(),
        stability_mean_ari: report.map(|r| r.stability_mean),
        stability_min_ari: report.map(|r| r.stability_min),
    }
}

/// Carry names and edits over onto matched segments; returns which personas are fixed.
fn carry_over(personas: &mut [Persona], carried: &[Option<CarriedPersona>]) -> Vec<bool> {
    let mut fixed = vec![false; personas.len()];
    for (s, carry) in carried.iter().enumerate().take(personas.len()) {
        if let Some(c) = carry {
            let p = &mut personas[s];
            p.naming = format!("carried over from the previous model (was \"{}\")", c.name);
            p.label = c.clone();
            fixed[s] = true;
        }
    }
    fixed
}

/// Make the names distinct, qualifying the ones that are not fixed.
fn make_names_distinct(personas: &mut [Persona], fixed: &[bool], insights: &Insights) {
    let quals: Vec<Vec<String>> = personas
        .iter()
        .map(|p| qualifiers(&p.label.name, top_features(insights, p.segment)))
        .collect();
    let mut names: Vec<String> = personas.iter().map(|p| p.label.name.clone()).collect();
    make_distinct(&mut names, fixed, &quals);
    for (p, name) in personas.iter_mut().zip(names) {
        p.label.name = name;
    }
}

/// The one-feature-split warning (every persona of such a segmentation carries it) and a
/// segment that moves a lot between seeds.
fn segmentation_warnings(segmentation: &Segmentation, s: usize) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(split) = segmentation.split.as_ref().filter(|x| x.warn) {
        out.push(split.sentence(&feature_label(&split.feature).0));
    }
    if let Some(&jaccard) = segmentation
        .segment_stability
        .get(s)
        .filter(|j| **j < SEGMENT_STABLE)
    {
        out.push(format!(
            "Moves between seeds: across the other seeds this segment keeps on average only {} of its customers together (best-match Jaccard {jaccard:.2}, below {SEGMENT_STABLE}); its edges are not firm.",
            percent(jaccard * 100.0, Percent::Adaptive)
        ));
    }
    out
}

fn warnings(evidence: &PersonaEvidence) -> Vec<String> {
    let mut out = Vec::new();
    if evidence.share_pct < SMALL_SEGMENT_PCT {
        out.push(format!(
            "Small segment: {} customers ({} of the base, below {}); treat its figures as indicative.",
            evidence.customers,
            percent(evidence.share_pct, Percent::Adaptive),
            percent(SMALL_SEGMENT_PCT, Percent::Adaptive)
        ));
    }
    if let Some(ari) = evidence.stability_mean_ari.filter(|a| *a < UNSTABLE_ARI) {
        out.push(format!(
            "Unstable segmentation: runs from different seeds agree only {ari:.2} (mean adjusted Rand index, below {UNSTABLE_ARI}); confirm the segment before acting on it."
        ));
    }
    out
}
