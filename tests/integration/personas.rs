//! A marketer reads the personas of the demo dataset: distinct names at any k, traits that
//! quote true figures, actions that fit (no discounts for the most valuable segment),
//! warnings where due, and renames that show everywhere.

use crate::common;

use common::{DemoRows, SPEND};
use sis::format::{Percent, percent, thousands, times};
use sis::personas::{PersonaEdit, apply_persona_edit, rules::RULES};
use std::collections::BTreeSet;

/// Price-based offers an action might recommend.
const OFFER_WORDS: [&str; 9] = [
    "discount",
    "coupon",
    "deal",
    "voucher",
    "markdown",
    "price cut",
    "% off",
    "value pack",
    "bundle",
];
/// Phrases that mention discounts only to rule them out.
const NEGATIONS: [&str; 2] = ["avoid heavy discounts", "do not lead with discounts"];

/// An action recommends discounts when it names a price-based offer outside a negation.
fn recommends_discounts(action: &str) -> bool {
    let mut text = action.to_lowercase();
    for n in NEGATIONS {
        text = text.replace(n, "");
    }
    OFFER_WORDS.iter().any(|w| text.contains(w))
}

#[test]
fn the_discount_check_is_meaningful() {
    // Deal-led rules do recommend price-based offers, and the check sees it.
    for key in [
        "deal_driven_families",
        "lapsed_low_spenders",
        "deal_seekers",
    ] {
        let rule = RULES.iter().find(|r| r.key == key).unwrap();
        assert!(recommends_discounts(rule.action), "{key}: {}", rule.action);
    }
    assert!(!recommends_discounts(
        "Premium ranges; avoid heavy discounts."
    ));
    assert!(recommends_discounts(
        "Avoid heavy discounts, but send a 10% off coupon."
    ));
}

#[test]
fn names_are_distinct_and_the_top_value_segment_gets_no_discounts_at_any_k() {
    let table = common::demo_table();
    for k in 2..=8 {
        let a = common::analyse_with(&table, common::fixed_k(k));
        assert_eq!(a.personas.len(), k);
        let names: BTreeSet<String> = a
            .personas
            .iter()
            .map(|p| p.label.name.to_lowercase())
            .collect();
        assert_eq!(
            names.len(),
            k,
            "k = {k}: {:?}",
            a.personas.iter().map(|p| &p.label.name).collect::<Vec<_>>()
        );
        for p in &a.personas {
            assert!(!p.label.name.trim().is_empty());
            assert!(
                !p.label.name.contains("(Segment"),
                "k = {k}: numbered name {}",
                p.label.name
            );
            assert!((3..=5).contains(&p.traits.len()), "k = {k}: {:?}", p.traits);
            assert!(!p.action.is_empty());
        }
        let revenue = a.insights.revenue.get().unwrap();
        let top = revenue.top_value_segment().unwrap();
        let persona = &a.personas[top.segment];
        assert!(
            !recommends_discounts(&persona.action),
            "k = {k}: {} (value index {:.2}) is told: {}",
            persona.label.name,
            top.value_index,
            persona.action
        );
    }
}

#[test]
fn traits_cite_true_figures() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let raw = DemoRows::load();
    let rows = raw.by_id();
    let spend_cols: Vec<usize> = SPEND.iter().map(|c| raw.col(c)).collect();
    let k = a.segmentation.k;
    let n = a.customer_ids.len() as f64;
    let (mut spend, mut recency, mut deal_share, mut size) =
        (vec![0.0; k], vec![0.0; k], vec![0.0; k], vec![0.0; k]);
    let channels = [
        ("on the web", "NumWebPurchases"),
        ("in store", "NumStorePurchases"),
        ("by catalog", "NumCatalogPurchases"),
    ];
    let mut purchases = vec![[0.0; 3]; k];
    for (id, &label) in a.customer_ids.iter().zip(&a.segmentation.labels) {
        let s = label as usize;
        let row = &rows[id];
        size[s] += 1.0;
        spend[s] += spend_cols.iter().map(|&j| row[j]).sum::<f64>();
        recency[s] += row[raw.col("Recency")];
        let counts: Vec<f64> = channels.iter().map(|(_, c)| row[raw.col(c)]).collect();
        let total: f64 = counts.iter().sum();
        for (c, v) in counts.iter().enumerate() {
            purchases[s][c] += v;
        }
        if total > 0.0 {
            deal_share[s] += (row[raw.col("NumDealsPurchases")] / total).min(1.0);
        }
    }
    let mean_spend = spend.iter().sum::<f64>() / n;
    for p in &a.personas {
        let s = p.segment;
        let seg_mean = spend[s] / size[s];
        let spend_trait = format!(
            "Spends {} the average customer ({} vs {} per customer).",
            times(seg_mean / mean_spend),
            thousands(seg_mean),
            thousands(mean_spend)
        );
        assert_eq!(p.traits[0], spend_trait, "{}", p.label.name);
        let share = format!(
            "{} of customers bring {} of revenue",
            percent(100.0 * size[s] / n, Percent::Adaptive),
            percent(100.0 * spend[s] / (mean_spend * n), Percent::Adaptive)
        );
        assert!(
            p.traits[1].starts_with(&share),
            "{} vs {share}",
            p.traits[1]
        );
        for t in &p.traits {
            if let Some((c, _)) = channels
                .iter()
                .enumerate()
                .find(|(_, (phrase, _))| t.contains(&format!("of purchases {phrase}")))
            {
                let total: f64 = purchases[s].iter().sum();
                let expected = percent(100.0 * purchases[s][c] / total, Percent::Adaptive);
                assert!(t.starts_with(&expected), "{t} should start with {expected}");
            }
            if t.starts_with("Last purchase") {
                let expected = format!("Last purchase {:.1} days ago", recency[s] / size[s]);
                assert!(t.starts_with(&expected), "{t} vs {expected}");
            }
            if t.starts_with("Makes") {
                let expected = format!(
                    "Makes {} of purchases with a deal",
                    percent(100.0 * deal_share[s] / size[s], Percent::Adaptive)
                );
                assert!(t.starts_with(&expected), "{t} vs {expected}");
            }
        }
    }
}

#[test]
fn evidence_and_warnings_follow_the_figures() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(8));
    let report = a.segmentation.chosen_report().unwrap();
    let revenue = a.insights.revenue.get().unwrap();
    for p in &a.personas {
        let e = &p.evidence;
        assert_eq!(e.customers, a.segmentation.sizes[p.segment]);
        assert_eq!(e.value_index, Some(revenue.segments[p.segment].value_index));
        assert_eq!(e.stability_mean_ari, Some(report.stability_mean));
        assert!(e.promo_lift.is_some() && e.spend_lift.is_some());
        assert!(!e.distinguishing.is_empty());
        let small = p.warnings.iter().any(|w| w.starts_with("Small segment"));
        assert_eq!(
            small,
            e.share_pct < 5.0,
            "{}: {:?}",
            p.label.name,
            p.warnings
        );
        let unstable = p.warnings.iter().any(|w| w.starts_with("Unstable"));
        assert_eq!(unstable, report.stability_mean < 0.8);
    }
}

#[test]
fn names_follow_the_segment_not_its_number() {
    let mut a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let before: Vec<String> = a.personas.iter().map(|p| p.label.name.clone()).collect();
    // Number the segments backwards and synthesize again.
    common::number_backwards(&mut a);
    let after: Vec<String> = a.personas.iter().map(|p| p.label.name.clone()).collect();
    let mut reversed = before.clone();
    reversed.reverse();
    assert_eq!(after, reversed);
}

#[test]
fn a_rename_and_a_new_action_show_in_decisions_and_can_be_undone() {
    let mut a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let top = a
        .insights
        .revenue
        .get()
        .unwrap()
        .top_value_segment()
        .unwrap()
        .segment;
    let original = a.personas[top].label.name.clone();
    assert!(a.decisions().iter().any(|d| d.text.contains(&original)));
    let undo = apply_persona_edit(
        &mut a.personas,
        &PersonaEdit::Rename {
            segment: top,
            name: Some("VIP Circle".into()),
        },
    )
    .unwrap();
    apply_persona_edit(
        &mut a.personas,
        &PersonaEdit::SetAction {
            segment: top,
            action: Some("Invite them to the spring tasting.".into()),
        },
    )
    .unwrap();
    assert_eq!(a.personas[top].display_name(), "VIP Circle");
    assert_eq!(
        a.personas[top].label.name, original,
        "the synthesized name is kept"
    );
    let texts: Vec<String> = a.decisions().into_iter().map(|d| d.text).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("Protect VIP Circle:")),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| !t.contains(&original)));
    // Another persona cannot take the same name.
    let other = (top + 1) % a.personas.len();
    assert!(
        apply_persona_edit(
            &mut a.personas,
            &PersonaEdit::Rename {
                segment: other,
                name: Some("vip circle".into()),
            },
        )
        .is_err()
    );
    apply_persona_edit(&mut a.personas, &undo).unwrap();
    assert_eq!(a.personas[top].display_name(), original);
    assert_eq!(
        a.personas[top].display_action(),
        "Invite them to the spring tasting."
    );
}

#[test]
fn decisions_are_three_to_five_sentences_with_figures() {
    for k in [3, 4, 6] {
        let a = common::analyse_with(&common::demo_table(), common::fixed_k(k));
        let d = a.decisions();
        assert!((3..=5).contains(&d.len()), "k = {k}: {d:?}");
        for decision in &d {
            assert!(!decision.figures.is_empty());
            assert!(
                decision.text.chars().any(|c| c.is_ascii_digit()),
                "{}",
                decision.text
            );
            let segment = decision.segment.unwrap();
            assert!(decision.text.contains(a.personas[segment].display_name()));
        }
        let protect = d
            .iter()
            .find(|d| d.text.starts_with("Protect"))
            .expect("a protect decision");
        let revenue = a.insights.revenue.get().unwrap();
        let top = revenue.top_value_segment().unwrap();
        assert!(
            protect
                .text
                .contains(&percent(top.revenue_pct, Percent::Adaptive))
        );
    }
}

#[test]
fn the_documentation_lists_every_rule_as_the_code_has_it() {
    // The persona section lives in docs/personas.md until it is merged into the README.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = ["README.md", "docs/personas.md"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(root.join(f)).ok())
        .find(|text| text.contains("Premium Loyalists"))
        .expect("a README or docs/personas.md documents the persona rules");
    for rule in RULES {
        let row = format!("**{}** | {} | {} |", rule.name, rule.when, rule.action);
        assert!(
            doc.contains(&row),
            "the documentation misses or differs on rule {}",
            rule.key
        );
    }
}
