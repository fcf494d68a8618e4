//! A marketer runs the demo dataset and reads the business insights: every figure agrees
//! with a direct computation from the CSV, and families without their columns say why.

use crate::common;

use common::{CAMPAIGNS, DemoRows, SPEND};
use sis::features::names;
use sis::insights::Availability;
use sis::roles::Channel;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn revenue_shares_sum_to_100_and_the_value_index_is_consistent() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let raw = DemoRows::load();
    let rows = raw.by_id();
    let spend_cols: Vec<usize> = SPEND.iter().map(|c| raw.col(c)).collect();
    let revenue = a.insights.revenue.get().expect("revenue is available");

    let customer_pct: f64 = revenue.segments.iter().map(|s| s.customer_pct).sum();
    let revenue_pct: f64 = revenue.segments.iter().map(|s| s.revenue_pct).sum();
    assert!(close(customer_pct, 100.0), "{customer_pct}");
    assert!(close(revenue_pct, 100.0), "{revenue_pct}");

    // Revenue per segment straight from the CSV's spend columns, by customer id.
    let mut direct = vec![0.0; a.segmentation.k];
    for (id, &label) in a.customer_ids.iter().zip(&a.segmentation.labels) {
        direct[label as usize] += spend_cols.iter().map(|&j| rows[id][j]).sum::<f64>();
    }
    let total: f64 = direct.iter().sum();
    assert!(close(revenue.total_revenue, total));
    assert_eq!(
        a.insights.kpis.total_revenue,
        Availability::Available(revenue.total_revenue)
    );
    for s in &revenue.segments {
        assert!(close(s.revenue, direct[s.segment]));
        assert!(close(s.revenue_pct, 100.0 * direct[s.segment] / total));
        assert_eq!(s.customers, a.segmentation.sizes[s.segment]);
        assert!(close(s.value_index, s.revenue_pct / s.customer_pct));
    }
    // The value index averages to 1 when weighted by customer share.
    let weighted: f64 = revenue
        .segments
        .iter()
        .map(|s| s.value_index * s.customer_pct / 100.0)
        .sum();
    assert!(close(weighted, 1.0));
}

#[test]
fn kpis_match_the_cleaned_customers() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let k = &a.insights.kpis;
    // 2,240 rows less the 182 exact duplicates.
    assert_eq!(k.customers, 2058);
    let spend = a.features.get(names::MONETARY).unwrap();
    let mean = spend.iter().sum::<f64>() / spend.len() as f64;
    assert_eq!(k.avg_spend_per_customer, Availability::Available(mean));
    assert_eq!(k.avg_monetary, Availability::Available(mean));
    let promo = k.promo_response_pct.get().copied().unwrap();
    assert!(promo > 0.0 && promo < 100.0);
    assert!(k.discount_addicted_pct.is_available());
    assert!(k.avg_recency_days.is_available() && k.avg_frequency.is_available());
}

#[test]
fn promotion_response_per_segment_matches_a_direct_computation() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let raw = DemoRows::load();
    let rows = raw.by_id();
    let k = a.segmentation.k;
    let (mut responders, mut per_campaign) = (vec![0.0; k], vec![vec![0.0; k]; CAMPAIGNS.len()]);
    for (id, &label) in a.customer_ids.iter().zip(&a.segmentation.labels) {
        let accepted: Vec<bool> = CAMPAIGNS
            .iter()
            .map(|c| rows[id][raw.col(c)] > 0.0)
            .collect();
        if accepted.iter().any(|x| *x) {
            responders[label as usize] += 1.0;
        }
        for (c, yes) in accepted.iter().enumerate() {
            if *yes {
                per_campaign[c][label as usize] += 1.0;
            }
        }
    }
    let promo = a.insights.promotion.get().expect("campaign columns exist");
    let n = a.customer_ids.len() as f64;
    let population = 100.0 * responders.iter().sum::<f64>() / n;
    assert!(close(promo.population_response_pct, population));
    for s in &promo.segments {
        let size = a.segmentation.sizes[s.segment] as f64;
        let direct = 100.0 * responders[s.segment] / size;
        assert!(close(s.response_pct, direct), "segment {}", s.segment + 1);
        assert!(close(s.lift.unwrap(), direct / population));
        for rate in &s.campaigns {
            let c = CAMPAIGNS.iter().position(|c| *c == rate.campaign).unwrap();
            assert!(close(
                rate.response_pct,
                100.0 * per_campaign[c][s.segment] / size
            ));
        }
        assert!(s.avg_deal_dependency_pct.is_some() && s.avg_spend.is_some());
    }
}

#[test]
fn channel_mix_discount_risk_rfm_and_clv_agree_with_the_data() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let raw = DemoRows::load();
    let rows = raw.by_id();
    let k = a.segmentation.k;
    let cols = [
        (Channel::Web, "NumWebPurchases"),
        (Channel::Store, "NumStorePurchases"),
        (Channel::Catalog, "NumCatalogPurchases"),
    ];
    let mut counts = vec![[0.0; 3]; k];
    for (id, &label) in a.customer_ids.iter().zip(&a.segmentation.labels) {
        for (c, (_, col)) in cols.iter().enumerate() {
            counts[label as usize][c] += rows[id][raw.col(col)];
        }
    }
    let channel = a.insights.channel.get().expect("three channels");
    for s in &channel.segments {
        let total: f64 = counts[s.segment].iter().sum();
        for (c, (ch, _)) in cols.iter().enumerate() {
            assert!((s.share(*ch) - 100.0 * counts[s.segment][c] / total).abs() < 1e-9);
        }
        let best = s.mix.iter().map(|m| m.pct).fold(0.0, f64::max);
        assert_eq!(s.share(s.dominant), best);
        assert!(s.avg_web_visits.is_some());
    }

    let discount = a.insights.discount.get().expect("deals are mapped");
    let addicted = a.features.get(names::DISCOUNT_ADDICTED).unwrap();
    let spend = a.features.get(names::MONETARY).unwrap();
    let mut at_risk = 0.0;
    for (i, flag) in addicted.iter().enumerate() {
        if *flag > 0.5 {
            at_risk += spend[i];
        }
    }
    assert!(close(discount.total_revenue_at_risk, at_risk));
    let per_segment: f64 = discount.segments.iter().map(|s| s.revenue_at_risk).sum();
    assert!(close(per_segment, at_risk));
    let count: usize = discount.segments.iter().map(|s| s.addicted_customers).sum();
    assert_eq!(count, addicted.iter().filter(|f| **f > 0.5).count());

    let rfm = a.insights.rfm.get().expect("recency, purchases and spend");
    let recency = a.features.get(names::RECENCY).unwrap();
    let mean = recency.iter().sum::<f64>() / recency.len() as f64;
    assert!(close(rfm.population.recency, mean));
    let clv = a.insights.clv.get().expect("spend");
    for c in &clv.segments {
        assert!(c.median <= c.p90 + 1e-9 && c.mean > 0.0);
    }
}

#[test]
fn the_profile_gives_z_scores_top_features_and_a_projection() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let profile = &a.insights.profile;
    assert_eq!(profile.features.len(), a.features.features.len());
    let income = profile.feature(names::INCOME).unwrap();
    let values = a.features.get(names::INCOME).unwrap();
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let std = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
    for s in 0..a.segmentation.k {
        let seg: Vec<f64> = values
            .iter()
            .zip(&a.segmentation.labels)
            .filter(|(_, l)| **l as usize == s)
            .map(|(v, _)| *v)
            .collect();
        let seg_mean = seg.iter().sum::<f64>() / seg.len() as f64;
        assert!(close(income.z_scores[s], (seg_mean - mean) / std));
        let top = &profile.top[s].features;
        assert!(!top.is_empty() && top.len() <= 5);
        for w in top.windows(2) {
            assert!(w[0].z.abs() >= w[1].z.abs());
        }
    }

    let projection = &a.insights.projection;
    assert_eq!(projection.sampled, 2058, "all customers fit in the sample");
    assert_eq!(projection.points.len(), 2058);
    assert_eq!(projection.centroids.len(), a.segmentation.k);
    assert!(projection.explained_pct[0] >= projection.explained_pct[1]);
    assert!(projection.explained_pct[0] + projection.explained_pct[1] <= 100.0 + 1e-9);
    // The projection is linear, so each centroid lands on the mean of its customers.
    for c in &projection.centroids {
        let pts: Vec<_> = projection
            .points
            .iter()
            .filter(|p| p.segment as usize == c.segment)
            .collect();
        let mx = pts.iter().map(|p| f64::from(p.x)).sum::<f64>() / pts.len() as f64;
        let my = pts.iter().map(|p| f64::from(p.y)).sum::<f64>() / pts.len() as f64;
        assert!(
            // k-means stops at its tolerance, so a centroid sits within it of its customers'
            // mean (1e-3 before issue 11's feature treatment; 5e-3 on the treated features).
            (mx - c.x).abs() < 5e-3 && (my - c.y).abs() < 5e-3,
            "{mx} {} {my} {}",
            c.x,
            c.y
        );
    }
}

#[test]
fn categorical_attributes_show_distributions_and_over_represented_values() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let categories = a
        .insights
        .categories
        .get()
        .expect("education and marital status");
    let names: Vec<&str> = categories
        .attributes
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, vec!["Education", "Marital_Status"]);
    for attr in &categories.attributes {
        for seg in &attr.segments {
            let total: f64 = seg.levels.iter().map(|l| l.pct).sum();
            assert!((total - 100.0).abs() < 1e-9);
            let customers: usize = seg.levels.iter().map(|l| l.customers).sum();
            assert_eq!(customers, a.segmentation.sizes[seg.segment]);
            for over in &seg.over_represented {
                let level = seg.levels.iter().find(|l| &l.level == over).unwrap();
                assert!(level.lift.unwrap() >= 1.25 && level.pct >= 5.0);
            }
        }
    }
}

#[test]
fn without_campaign_columns_promotion_is_not_available_and_nothing_panics() {
    let table = common::without_columns(&common::demo_table(), &CAMPAIGNS);
    let a = common::analyse_with(&table, common::fixed_k(4));
    let reason = a
        .insights
        .promotion
        .reason()
        .expect("promotion must not be available");
    assert!(
        reason.contains("not available") && reason.contains("campaign"),
        "{reason}"
    );
    assert!(a.insights.kpis.promo_response_pct.reason().is_some());
    // Never zeros: the JSON carries the reason, not a number.
    let json = serde_json::to_value(&a.insights).unwrap();
    assert!(json["promotion"]["NotAvailable"]["reason"].is_string());
    assert!(json["kpis"]["promo_response_pct"]["NotAvailable"].is_object());
    // The other families still work, and personas and decisions never cite campaigns.
    assert!(a.insights.revenue.is_available() && a.insights.channel.is_available());
    for p in &a.personas {
        assert!(p.evidence.promo_lift.is_none());
        assert!(
            p.traits.iter().all(|t| !t.contains("campaign")),
            "{:?}",
            p.traits
        );
    }
    assert!(a.decisions().iter().all(|d| !d.text.contains("campaign")));
}

#[test]
fn insights_and_personas_round_trip_through_json_and_bincode_byte_for_byte() {
    let a = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    let json = serde_json::to_string(&a.insights).unwrap();
    let back: sis::insights::Insights = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a.insights);
    let config = bincode::config::standard();
    let bytes = bincode::serde::encode_to_vec(&a.personas, config).unwrap();
    let (personas, _): (Vec<sis::personas::Persona>, usize) =
        bincode::serde::decode_from_slice(&bytes, config).unwrap();
    assert_eq!(personas, a.personas);
    let whole = bincode::serde::encode_to_vec(&a, config).unwrap();
    let (analysis, _): (sis::pipeline::Analysis, usize) =
        bincode::serde::decode_from_slice(&whole, config).unwrap();
    assert_eq!(analysis, a);
    // A second run gives the same bytes.
    let again = common::analyse_with(&common::demo_table(), common::fixed_k(4));
    assert_eq!(
        bincode::serde::encode_to_vec(&again, config).unwrap(),
        whole
    );
}
