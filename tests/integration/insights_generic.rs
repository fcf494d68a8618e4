//! A user brings a small generic customer file (id, gender, age, income, spending score; no
//! spend, channel or campaign columns): families without their columns say why, and the
//! personas are named from the features the data has.

use crate::common;

use std::collections::BTreeSet;

/// 400 customers in five groups of (income k$, spending score, age), with fixed noise.
fn mall_rows() -> Vec<Vec<String>> {
    let groups = [
        (25.0, 20.0, 45.0),
        (25.0, 80.0, 25.0),
        (55.0, 50.0, 42.0),
        (88.0, 18.0, 41.0),
        (86.0, 82.0, 32.0),
    ];
    let mut x = 2024u64;
    let mut noise = |spread: f64| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 2.0 * spread
    };
    (0..400)
        .map(|i| {
            let (income, score, age) = groups[i % groups.len()];
            vec![
                (i + 1).to_string(),
                if i % 3 == 0 { "Male" } else { "Female" }.to_string(),
                format!("{:.0}", age + noise(6.0)),
                format!("{:.0}", income + noise(8.0)),
                format!("{:.0}", (score + noise(9.0)).clamp(1.0, 100.0)),
            ]
        })
        .collect()
}

fn mall_table() -> sis::table::RawTable {
    common::table_from_rows(
        "mall_customers.csv",
        &[
            "CustomerID",
            "Gender",
            "Age",
            "Annual Income (k$)",
            "Spending Score (1-100)",
        ],
        &mall_rows(),
    )
}

#[test]
fn a_generic_file_gets_reasons_instead_of_zeros_and_data_driven_personas() {
    let a = common::analyse_with(&mall_table(), common::fixed_k(5));
    let i = &a.insights;
    for (family, reason) in [
        ("promotion", i.promotion.reason()),
        ("revenue", i.revenue.reason()),
        ("discount", i.discount.reason()),
        ("channel", i.channel.reason()),
        ("rfm", i.rfm.reason()),
        ("clv", i.clv.reason()),
    ] {
        let reason = reason.unwrap_or_else(|| panic!("{family} must not be available"));
        assert!(reason.starts_with("not available"), "{family}: {reason}");
    }
    assert!(i.promotion.reason().unwrap().contains("campaign"));
    assert!(i.kpis.total_revenue.reason().is_some());
    assert!(i.kpis.promo_response_pct.reason().is_some());
    assert_eq!(i.kpis.customers, a.customer_ids.len());
    assert!(i.categories.is_available(), "gender is profiled");

    let names: BTreeSet<&str> = a.personas.iter().map(|p| p.label.name.as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    for p in &a.personas {
        assert!(
            p.naming.starts_with("composed"),
            "{}: {}",
            p.label.name,
            p.naming
        );
        assert!(!p.label.name.contains("(Segment"), "{}", p.label.name);
        assert!(p.traits.len() >= 3, "{:?}", p.traits);
        assert!(
            p.traits.iter().any(|t| t.starts_with("Spending Score:")),
            "{:?}",
            p.traits
        );
        assert!(p.evidence.value_index.is_none() && p.evidence.revenue_pct.is_none());
    }
    // The high-income, high-score group is named from exactly those two features.
    assert!(
        names.contains("Affluent High Scorers") || names.contains("High-Scoring High Earners"),
        "{names:?}"
    );
    let d = a.decisions();
    assert!((3..=5).contains(&d.len()), "{d:?}");
    assert!(d.iter().all(|d| !d.text.contains("revenue")));
}
