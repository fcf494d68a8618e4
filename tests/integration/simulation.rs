//! A workshop runs what-ifs on the demo's segments: every lever's figures agree with a hand
//! computation from the customers, the budget shift is the reference formula in both modes,
//! zero settings do nothing, the band is seeded, and `sis simulate` reads scenario files.

use crate::common;
use crate::common::sis_in_process as sis;

use common::{CAMPAIGNS, DemoRows, SPEND};
use sis::features::names;
use sis::pipeline::Analysis;
use sis::simulate::*;
use std::sync::OnceLock;

fn demo() -> &'static Analysis {
    static DEMO: OnceLock<Analysis> = OnceLock::new();
    DEMO.get_or_init(|| common::analyse_with(&common::demo_table(), common::fixed_k(4)))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn feature(a: &Analysis, name: &str) -> Vec<f64> {
    a.features.get(name).unwrap().to_vec()
}

/// Σ of `value(i)` per segment.
fn per_segment(a: &Analysis, value: impl Fn(usize) -> f64) -> Vec<f64> {
    let mut out = vec![0.0; a.segmentation.k];
    for (i, &l) in a.segmentation.labels.iter().enumerate() {
        out[l as usize] += value(i);
    }
    out
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn lever_effects(sim: &Simulation, lever: LeverKind) -> Vec<SegmentEffect> {
    match &sim.lever(lever).status {
        LeverStatus::Applied(e) => e.segments.iter().map(|s| *s.get().unwrap()).collect(),
        other => panic!("{lever:?}: {other:?}"),
    }
}

fn with(lever: LeverKind, value: f64) -> Scenario {
    let mut s = Scenario::named("test");
    s.levers.set_setting(lever, value);
    s
}

#[test]
fn aggregates_match_the_csv() {
    let a = demo();
    let base = SimulationBase::from_analysis(a).unwrap();
    let raw = DemoRows::load();
    let rows = raw.by_id();
    let spend: Vec<usize> = SPEND.iter().map(|c| raw.col(c)).collect();
    let campaigns: Vec<usize> = CAMPAIGNS.iter().map(|c| raw.col(c)).collect();
    let row = |i: usize| &rows[&a.customer_ids[i]];
    let revenue = per_segment(a, |i| spend.iter().map(|&j| row(i)[j]).sum());
    let responders = per_segment(a, |i| f64::from(campaigns.iter().any(|&j| row(i)[j] > 0.0)));
    assert_eq!(base.responses[0], ANY_CAMPAIGN);
    assert_eq!(base.responses.len(), 1 + CAMPAIGNS.len());
    for (s, sums) in base.segments.iter().enumerate() {
        assert!(close(sums.revenue(), revenue[s]));
        assert_eq!(sums.customers() as usize, a.segmentation.sizes[s]);
        let sim = with(LeverKind::Campaign, 1.0).simulate(&base);
        if let LeverStatus::Applied(LeverEffect {
            detail: LeverDetail::Campaign { responders: r, .. },
            ..
        }) = &sim.lever(LeverKind::Campaign).status
        {
            assert!(close(r[s], responders[s]));
        }
    }
}

#[test]
fn budget_shift_is_the_reference_formula_in_both_modes() {
    let a = demo();
    let base = SimulationBase::from_analysis(a).unwrap();
    let m = feature(a, names::MONETARY);
    let dd = feature(a, names::DEAL_DEPENDENCY);
    let clv = feature(a, names::CLV_PROXY);
    let revenue = per_segment(a, |i| m[i]);
    let sizes: Vec<f64> = a.segmentation.sizes.iter().map(|&n| n as f64).collect();
    let mean_dd: Vec<f64> = per_segment(a, |i| dd[i])
        .iter()
        .zip(&sizes)
        .map(|(s, n)| s / n)
        .collect();
    let mean_clv: Vec<f64> = per_segment(a, |i| clv[i])
        .iter()
        .zip(&sizes)
        .map(|(s, n)| s / n)
        .collect();
    let argmax = |v: &[f64]| (0..v.len()).fold(0, |b, i| if v[i] > v[b] { i } else { b });
    let (source, target) = (argmax(&mean_dd), argmax(&mean_clv));
    assert_ne!(source, target);

    let sim = with(LeverKind::BudgetShift, 0.15).simulate(&base);
    let e = lever_effects(&sim, LeverKind::BudgetShift);
    let lost = revenue[source] * 0.02 * 0.15;
    let gained = revenue[target] * 0.05 * 0.15;
    assert!(close(e[source].revenue_change, -lost));
    assert!(close(e[target].revenue_change, gained));
    assert!(close(sim.total.revenue_change, gained - lost));

    let mut pop = with(LeverKind::BudgetShift, 0.15);
    pop.levers.budget_shift.as_mut().unwrap().mode = ShiftMode::Population;
    let sim = pop.simulate(&base);
    let (dd_med, clv_med) = (median(&dd), median(&clv));
    let source_revenue: f64 = (0..m.len())
        .filter(|&i| dd[i] >= dd_med)
        .map(|i| m[i])
        .sum();
    let target_revenue: f64 = (0..m.len())
        .filter(|&i| clv[i] >= clv_med)
        .map(|i| m[i])
        .sum();
    let (lost, gained) = (source_revenue * 0.02 * 0.15, target_revenue * 0.05 * 0.15);
    match &sim.lever(LeverKind::BudgetShift).status {
        LeverStatus::Applied(LeverEffect {
            detail:
                LeverDetail::BudgetShift {
                    lost: l,
                    gained: g,
                    net,
                    ..
                },
            ..
        }) => {
            assert!(close(*l, lost) && close(*g, gained) && close(*net, gained - lost));
        }
        other => panic!("{other:?}"),
    }
    assert!(close(sim.total.revenue_change, gained - lost));
}

#[test]
fn discount_campaign_channel_and_retention_match_hand_sums() {
    let a = demo();
    let base = SimulationBase::from_analysis(a).unwrap();
    let assume = Assumptions::default();
    let m = feature(a, names::MONETARY);
    let f = feature(a, names::FREQUENCY);
    let dd = feature(a, names::DEAL_DEPENDENCY);
    let r = feature(a, names::RECENCY);
    let promo = feature(a, names::PROMO_RESPONSIVE);
    let store = feature(a, names::STORE_RATIO);
    let catalog = feature(a, names::CATALOG_RATIO);
    let n: Vec<f64> = a.segmentation.sizes.iter().map(|&n| n as f64).collect();
    let revenue = per_segment(a, |i| m[i]);

    // Discount: 10 points deeper everywhere.
    let pop_dd = dd.iter().sum::<f64>() / dd.len() as f64;
    let deal_revenue = per_segment(a, |i| m[i] * dd[i]);
    let seg_dd = per_segment(a, |i| dd[i]);
    let e = lever_effects(
        &with(LeverKind::DiscountDepth, 0.1).simulate(&base),
        LeverKind::DiscountDepth,
    );
    for s in 0..n.len() {
        let elasticity = 1.5 * seg_dd[s] / n[s] / pop_dd;
        let extra = revenue[s] * elasticity * 0.1;
        assert!(close(e[s].revenue_change, extra));
        assert!(close(e[s].cost, 0.1 * (deal_revenue[s] + extra)));
        assert!(close(e[s].margin_change, extra * 0.3 - e[s].cost));
    }

    // Campaign: reach 40% of every segment.
    let resp = per_segment(a, |i| promo[i]);
    let resp_m = per_segment(a, |i| promo[i] * m[i]);
    let resp_f = per_segment(a, |i| promo[i] * f[i]);
    let e = lever_effects(
        &with(LeverKind::Campaign, 0.4).simulate(&base),
        LeverKind::Campaign,
    );
    for s in 0..n.len() {
        let contacts = 0.4 * n[s];
        let responders = contacts * resp[s] / n[s];
        assert!(close(
            e[s].revenue_change,
            responders * resp_m[s] / resp_f[s]
        ));
        assert!(close(e[s].cost, contacts * assume.cost_per_contact));
    }

    // Channel: 30% of store and catalog purchases to the web.
    let store_p = per_segment(a, |i| f[i] * store[i]);
    let catalog_p = per_segment(a, |i| f[i] * catalog[i]);
    let e = lever_effects(
        &with(LeverKind::ChannelShift, 0.3).simulate(&base),
        LeverKind::ChannelShift,
    );
    for s in 0..n.len() {
        let saving = 0.3 * store_p[s] * (3.0 - 1.0) + 0.3 * catalog_p[s] * (2.0 - 1.0);
        assert!(close(e[s].margin_change, saving));
    }

    // Retention: recency 25% lower.
    let max_r = r.iter().copied().fold(0.0, f64::max);
    let mr = per_segment(a, |i| m[i] * r[i]);
    let e = lever_effects(
        &with(LeverKind::Retention, 0.25).simulate(&base),
        LeverKind::Retention,
    );
    for s in 0..n.len() {
        assert!(close(
            e[s].revenue_change,
            1.0 / 2.0 * 0.25 * mr[s] / (max_r + 1.0)
        ));
        assert!(close(
            e[s].clv_change,
            3.0 / 2.0 * 0.25 * mr[s] / (max_r + 1.0)
        ));
        assert!(close(e[s].cost, n[s] * 2.5 * 3.0));
    }
}

#[test]
fn zero_settings_do_nothing_and_larger_shifts_move_more() {
    let base = SimulationBase::from_analysis(demo()).unwrap();
    let mut zero = Scenario::named("zero");
    for lever in LeverKind::ALL {
        zero.levers.set_setting(lever, 0.0);
    }
    let sim = zero.simulate(&base);
    assert_eq!(
        (sim.net_impact(), sim.total.revenue_change, sim.total.cost),
        (0.0, 0.0, 0.0)
    );
    let shift = |v: f64| match &with(LeverKind::BudgetShift, v)
        .simulate(&base)
        .lever(LeverKind::BudgetShift)
        .status
    {
        LeverStatus::Applied(LeverEffect {
            detail: LeverDetail::BudgetShift { lost, gained, .. },
            ..
        }) => (*lost, *gained),
        other => panic!("{other:?}"),
    };
    let mut last = (0.0, 0.0);
    for v in [0.05, 0.1, 0.15, 0.3, 0.6, 1.0] {
        let (lost, gained) = shift(v);
        assert!(lost > last.0 && gained > last.1, "{v}");
        last = (lost, gained);
    }
}

#[test]
fn the_band_is_seeded_contains_the_estimate_and_ignores_thread_count() {
    let a = demo();
    let base = SimulationBase::from_analysis(a).unwrap();
    let settings = BootstrapSettings {
        seed: 3,
        replicates: 400,
        ..BootstrapSettings::default()
    };
    let mut s = with(LeverKind::BudgetShift, 0.15);
    s.levers.set_setting(LeverKind::Campaign, 0.5);
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| {
                let blocks = BootstrapBlocks::from_analysis(a, &settings).unwrap();
                band(&base, &blocks, &s, &settings)
            })
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert!(one.p10 < one.point && one.point < one.p90, "{one:?}");
    let other = band(
        &base,
        &BootstrapBlocks::from_analysis(
            a,
            &BootstrapSettings {
                seed: 4,
                ..settings
            },
        )
        .unwrap(),
        &s,
        &BootstrapSettings {
            seed: 4,
            ..settings
        },
    );
    assert_ne!(one.p10, other.p10);
}

#[test]
fn the_optimiser_never_loses_from_more_budget() {
    let base = SimulationBase::from_analysis(demo()).unwrap();
    let settings = |budget| OptimiserSettings {
        budget,
        discount_budget: Some(5_000.0),
        response: ANY_CAMPAIGN.into(),
    };
    let mut last = f64::NEG_INFINITY;
    for budget in [0.0, 500.0, 1_000.0, 2_000.0, 5_000.0, 20_000.0, 100_000.0] {
        let o = optimise(&base, &Assumptions::default(), &settings(budget)).unwrap();
        assert!(o.spent <= budget + 1e-6);
        assert!(o.net_impact >= last - 1e-9, "{budget}");
        last = o.net_impact;
        let first = o.frontier.first().unwrap();
        assert_eq!(first.budget, 0.0);
    }
}

#[test]
fn goal_seek_reaches_a_revenue_target() {
    let base = SimulationBase::from_analysis(demo()).unwrap();
    let s = with(LeverKind::Campaign, 0.1);
    let g = goal_seek(
        &base,
        &s,
        LeverKind::Campaign,
        GoalTarget::RevenueChangePct(0.5),
    )
    .unwrap();
    let mut check = s.clone();
    check.levers.set_setting(LeverKind::Campaign, g.setting);
    assert!((check.simulate(&base).revenue_change_pct() - 0.5).abs() < 1e-6);
    assert!(
        goal_seek(
            &base,
            &s,
            LeverKind::Campaign,
            GoalTarget::RevenueChangePct(90.0)
        )
        .is_err()
    );
}

#[test]
fn the_example_scenario_file_parses_and_runs() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenario_example.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let s = parse_scenario(&text, "scenario_example.toml").unwrap();
    let base = SimulationBase::from_analysis(demo()).unwrap();
    s.check(base.k()).unwrap();
    let sim = s.simulate(&base);
    assert_eq!(sim.waterfall.len(), 4);
    assert!(close(sim.waterfall.last().unwrap().end, sim.net_impact()));
    let mix: f64 = sim.revenue_mix.iter().map(|m| m.after_pct).sum();
    assert!(close(mix, 100.0));
}

#[test]
fn sis_simulate_runs_scenarios_lists_and_optimises() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("demo.sis");
    common::small_session().save(&bundle).unwrap();
    let scenario = dir.path().join("s.toml");
    std::fs::write(
        &scenario,
        "name = \"Shift\"\n[levers.budget_shift]\nshift = 0.2\n",
    )
    .unwrap();
    let (b, s) = (bundle.to_str().unwrap(), scenario.to_str().unwrap());

    let (code, text, err) = sis(&["simulate", b, "--scenario", s, "--replicates", "200"]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "Scenario \"Shift\"",
        "Budget shift",
        "P10",
        "Sensitivity",
        "Total",
    ] {
        assert!(text.contains(expected), "{expected} in\n{text}");
    }
    let (code, json, _) = sis(&[
        "simulate",
        b,
        "--scenario",
        s,
        "--json",
        "--replicates",
        "50",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["band"]["p10"].is_number() && v["sensitivity"].is_array());

    let (code, text, _) = sis(&["simulate", b, "--list"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("Baseline: no levers"), "{text}");
    let (code, _, err) = sis(&["simulate", b, "--name", "Nope"]);
    assert_eq!(code, 1);
    assert!(err.contains("Nope"), "{err}");

    let (code, text, err) = sis(&["simulate", b, "--optimise", "--budget", "300"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("Best allocation") && text.contains("Frontier"),
        "{text}"
    );

    std::fs::write(
        &scenario,
        "name = \"Bad\"\n[levers.campaign]\nreech = 0.2\n",
    )
    .unwrap();
    let (code, _, err) = sis(&["simulate", b, "--scenario", s]);
    assert_eq!(code, 1);
    assert!(err.contains("reech") && err.contains("s.toml"), "{err}");
    std::fs::write(
        &scenario,
        "name = \"Bad\"\n[levers.campaign]\nsegments = [9]\n",
    )
    .unwrap();
    let (code, _, err) = sis(&["simulate", b, "--scenario", s]);
    assert_eq!(code, 1);
    assert!(err.contains("levers.campaign.segments"), "{err}");
}
