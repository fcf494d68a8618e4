//! Each lever's arithmetic on six hand-made customers in two segments, checked against sums
//! done by hand; plus zero settings, monotonicity, the optimiser and goal seek.

use super::*;

const LABELS: [u32; 6] = [0, 0, 0, 1, 1, 1];
const MONETARY: [f64; 6] = [100.0, 200.0, 300.0, 1000.0, 1200.0, 800.0];
const FREQUENCY: [f64; 6] = [10.0, 10.0, 10.0, 20.0, 20.0, 20.0];
const DEAL: [f64; 6] = [0.5, 0.4, 0.6, 0.1, 0.05, 0.15];
const CLV: [f64; 6] = [150.0, 300.0, 900.0, 1400.0, 1700.0, 600.0];
const RECENCY: [f64; 6] = [50.0, 30.0, 90.0, 10.0, 20.0, 0.0];
const WEB: [f64; 6] = [0.2, 0.2, 0.2, 0.5, 0.5, 0.5];
const STORE: [f64; 6] = [0.5, 0.5, 0.5, 0.3, 0.3, 0.3];
const CATALOG: [f64; 6] = [0.3, 0.3, 0.3, 0.2, 0.2, 0.2];
const PROMO: [f64; 6] = [1.0, 0.0, 0.0, 1.0, 1.0, 0.0];
const CMP1: [f64; 6] = [0.0, 1.0, 0.0, 0.0, 0.0, 1.0];

fn columns() -> CustomerColumns<'static> {
    CustomerColumns {
        monetary: Some(&MONETARY),
        frequency: Some(&FREQUENCY),
        deal_dependency: Some(&DEAL),
        clv_proxy: Some(&CLV),
        recency: Some(&RECENCY),
        web_ratio: Some(&WEB),
        store_ratio: Some(&STORE),
        catalog_ratio: Some(&CATALOG),
        responses: vec![
            ResponseColumn {
                name: ANY_CAMPAIGN,
                values: &PROMO,
            },
            ResponseColumn {
                name: "AcceptedCmp1",
                values: &CMP1,
            },
        ],
    }
}

fn base() -> SimulationBase {
    SimulationBase::build(&columns(), &LABELS, 2).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn effects(sim: &Simulation, lever: LeverKind) -> Vec<SegmentEffect> {
    match &sim.lever(lever).status {
        LeverStatus::Applied(e) => e.segments.iter().map(|s| *s.get().unwrap()).collect(),
        other => panic!("{lever:?} not applied: {other:?}"),
    }
}

fn only(lever: LeverKind, value: f64) -> Scenario {
    let mut s = Scenario::named("test");
    s.levers.set_setting(lever, value);
    s
}

#[test]
fn budget_shift_between_segments_is_the_reference_formula() {
    let sim = only(LeverKind::BudgetShift, 0.15).simulate(&base());
    // Source: segment 1 (mean deal dependency 0.5); target: segment 2 (mean CLV 1,233).
    let e = effects(&sim, LeverKind::BudgetShift);
    assert!(close(e[0].revenue_change, -600.0 * 0.02 * 0.15));
    assert!(close(e[1].revenue_change, 3000.0 * 0.05 * 0.15));
    assert!(close(sim.total.revenue_change, 22.5 - 1.8));
    assert!(close(sim.net_impact(), 20.7 * 0.3));
    assert_eq!(sim.total.roi, None);
}

#[test]
fn budget_shift_population_mode_uses_the_medians() {
    let mut s = only(LeverKind::BudgetShift, 0.15);
    s.levers.budget_shift.as_mut().unwrap().mode = ShiftMode::Population;
    let sim = s.simulate(&base());
    // Deal dependency median 0.275 → customers 1–3 (600); CLV median 750 → 900 + 1400 + 1700
    // customers, revenue 300 + 1000 + 1200 = 2500.
    match &sim.lever(LeverKind::BudgetShift).status {
        LeverStatus::Applied(LeverEffect {
            detail: LeverDetail::BudgetShift {
                lost, gained, net, ..
            },
            ..
        }) => {
            assert!(close(*lost, 600.0 * 0.02 * 0.15));
            assert!(close(*gained, 2500.0 * 0.05 * 0.15));
            assert!(close(*net, 18.75 - 1.8));
        }
        other => panic!("{other:?}"),
    }
    let e = effects(&sim, LeverKind::BudgetShift);
    assert!(close(e[0].revenue_change, 300.0 * 0.0075 - 1.8));
    assert!(close(e[1].revenue_change, 2200.0 * 0.0075));
}

#[test]
fn discount_response_scales_with_deal_dependency() {
    let sim = only(LeverKind::DiscountDepth, 0.1).simulate(&base());
    let e = effects(&sim, LeverKind::DiscountDepth);
    // Elasticities 1.5 × 0.5 ÷ 0.3 = 2.5 and 1.5 × 0.1 ÷ 0.3 = 0.5; deal revenue 310 and 280.
    assert!(close(e[0].revenue_change, 150.0));
    assert!(close(e[0].cost, 0.1 * (310.0 + 150.0)));
    assert!(close(e[0].margin_change, 150.0 * 0.3 - 46.0));
    assert!(close(e[1].revenue_change, 150.0));
    assert!(close(e[1].cost, 43.0));
    assert!(close(e[1].margin_change, 45.0 - 43.0));
}

#[test]
fn campaign_uses_response_rates_and_responders_spend() {
    let sim = only(LeverKind::Campaign, 0.5).simulate(&base());
    let e = effects(&sim, LeverKind::Campaign);
    // Segment 1: rate 1/3, responders' spend per purchase 100 ÷ 10; segment 2: 2/3, 2200 ÷ 40.
    assert!(close(e[0].revenue_change, 1.5 / 3.0 * 10.0));
    assert!(close(e[0].cost, 4.5));
    assert!(close(e[1].revenue_change, 1.0 * 55.0));
    assert!(close(e[1].margin_change, 16.5 - 4.5));
    assert!(close(e[1].roi().unwrap(), 12.0 / 4.5));
    // Another response column.
    let mut s = only(LeverKind::Campaign, 1.0);
    s.levers.campaign.as_mut().unwrap().response = "AcceptedCmp1".into();
    let e = effects(&s.simulate(&base()), LeverKind::Campaign);
    assert!(close(e[0].revenue_change, 1.0 * 20.0));
    assert!(close(e[1].revenue_change, 1.0 * 40.0));
}

#[test]
fn channel_shift_changes_the_cost_to_serve_and_the_mix() {
    let sim = only(LeverKind::ChannelShift, 0.5).simulate(&base());
    let e = effects(&sim, LeverKind::ChannelShift);
    assert!(close(e[0].cost, 7.5 * (1.0 - 3.0) + 4.5 * (1.0 - 2.0)));
    assert!(close(e[1].cost, 9.0 * -2.0 - 6.0));
    assert!(close(sim.net_impact(), 19.5 + 24.0));
    assert_eq!(sim.total.revenue_change, 0.0);
    if let LeverStatus::Applied(LeverEffect {
        detail: LeverDetail::Channel { after, .. },
        ..
    }) = &sim.lever(LeverKind::ChannelShift).status
    {
        assert!(close(after[0].web, 6.0 + 12.0));
        assert!(close(after[0].store, 7.5));
    }
}

#[test]
fn retention_raises_clv_and_revenue_over_the_horizon() {
    let mut s = only(LeverKind::Retention, 0.2);
    s.levers.retention.as_mut().unwrap().segments = vec![1];
    let sim = s.simulate(&base());
    let e = effects(&sim, LeverKind::Retention);
    // Σ Monetary × Recency = 38,000 in segment 1; max recency 90.
    assert!(close(e[0].revenue_change, 0.5 * 0.2 * 38_000.0 / 91.0));
    assert!(close(e[0].clv_change, 1.5 * 0.2 * 38_000.0 / 91.0));
    assert!(close(e[0].cost, 3.0 * 2.0 * 3.0));
    assert!(!e[1].applied);
    assert!(close(
        sim.segments[0].clv_after.unwrap(),
        1350.0 + 1.5 * 0.2 * 38_000.0 / 91.0
    ));
}

#[test]
fn zero_settings_give_zero_impact() {
    let mut s = Scenario::named("zero");
    for lever in LeverKind::ALL {
        s.levers.set_setting(lever, 0.0);
    }
    let sim = s.simulate(&base());
    assert_eq!(sim.net_impact(), 0.0);
    assert_eq!(sim.total.revenue_change, 0.0);
    assert_eq!(sim.total.cost, 0.0);
    assert!(sim.waterfall.iter().all(|w| w.start == 0.0 && w.end == 0.0));
}

#[test]
fn missing_columns_make_levers_unavailable_with_a_reason() {
    let mut cols = columns();
    cols.responses.clear();
    cols.recency = None;
    let base = SimulationBase::build(&cols, &LABELS, 2).unwrap();
    let mut s = only(LeverKind::Campaign, 0.5);
    s.levers.set_setting(LeverKind::Retention, 0.2);
    let sim = s.simulate(&base);
    for lever in [LeverKind::Campaign, LeverKind::Retention] {
        match &sim.lever(lever).status {
            LeverStatus::Unavailable { reason } => assert!(!reason.is_empty()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(sim.net_impact(), 0.0);
    assert!(sim.waterfall.is_empty());
}

#[test]
fn bad_inputs_are_errors() {
    let short = [1.0; 5];
    let mut cols = columns();
    cols.monetary = Some(&short);
    assert!(matches!(
        SimulationBase::build(&cols, &LABELS, 2),
        Err(BaseError::Length { .. })
    ));
    assert!(matches!(
        SimulationBase::build(&columns(), &LABELS, 1),
        Err(BaseError::Label { row: 3, .. })
    ));
}

#[test]
fn optimiser_spends_where_returns_are_highest_and_more_budget_never_hurts() {
    let base = base();
    let a = Assumptions::default();
    let settings = |budget| OptimiserSettings {
        budget,
        discount_budget: None,
        response: ANY_CAMPAIGN.into(),
    };
    let o = optimise(&base, &a, &settings(5.0)).unwrap();
    let spend: Vec<f64> = o.campaign.iter().map(|c| c.get().unwrap().spend).collect();
    // Segment 1's first contact returns 10 × 0.3 ÷ 3 × 1/3 < 1: it gets nothing.
    assert_eq!(spend[0], 0.0);
    assert!(close(spend[1], 5.0));
    let mut last = f64::NEG_INFINITY;
    for budget in [0.0, 1.0, 2.0, 4.0, 8.0, 16.0, 1e6] {
        let net = optimise(&base, &a, &settings(budget)).unwrap().net_impact;
        assert!(net >= last - 1e-12, "{budget}: {net} < {last}");
        last = net;
    }
    let big = optimise(&base, &a, &settings(1e6)).unwrap();
    assert!(
        big.spent < 1e6,
        "spending stops where returns fall below cost"
    );
    assert!(
        big.frontier
            .windows(2)
            .all(|w| w[1].net_impact >= w[0].net_impact - 1e-12)
    );
    let with_discount = optimise(
        &base,
        &a,
        &OptimiserSettings {
            discount_budget: Some(10.0),
            ..settings(5.0)
        },
    )
    .unwrap();
    let d = with_discount.discount.unwrap();
    let given: f64 = d.get().unwrap().iter().map(|d| d.discount_given).sum();
    assert!(given <= 10.0 + 1e-9);
}

#[test]
fn goal_seek_finds_the_shift_or_says_why_not() {
    let base = base();
    let s = only(LeverKind::BudgetShift, 0.15);
    // Net revenue = 20.7 per 0.15 of shift = 138 × shift; +1% of 3,600 = 36 → shift 36 ÷ 138.
    let g = goal_seek(
        &base,
        &s,
        LeverKind::BudgetShift,
        GoalTarget::RevenueChangePct(1.0),
    )
    .unwrap();
    assert!((g.setting - 36.0 / 138.0).abs() < 1e-9, "{g:?}");
    assert!((g.achieved - 1.0).abs() < 1e-9);
    let e = goal_seek(
        &base,
        &s,
        LeverKind::BudgetShift,
        GoalTarget::RevenueChangePct(50.0),
    )
    .unwrap_err();
    assert!(e.contains("out of reach"), "{e}");
}

#[test]
fn sensitivity_ranks_the_assumptions() {
    let mut s = only(LeverKind::BudgetShift, 0.15);
    s.levers.set_setting(LeverKind::Campaign, 0.5);
    let bars = tornado(&base(), &s);
    assert!(bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    let margin = bars
        .iter()
        .find(|b| b.assumption == AssumptionKey::Margin)
        .unwrap();
    assert!(margin.net_high > margin.net_low);
    assert!(
        bars.iter()
            .all(|b| b.assumption != AssumptionKey::ServeCostWeb)
    );
}

#[test]
fn bootstrap_is_seeded_and_brackets_the_estimate() {
    let settings = BootstrapSettings {
        seed: 7,
        replicates: 200,
        max_blocks: 2,
    };
    let base = base();
    let blocks = BootstrapBlocks::build(&columns(), &LABELS, 2, &settings).unwrap();
    let s = only(LeverKind::Campaign, 0.5);
    let a = band(&base, &blocks, &s, &settings);
    assert_eq!(a, band(&base, &blocks, &s, &settings));
    assert!(a.p10 <= a.p50 && a.p50 <= a.p90);
    assert!(close(a.point, s.simulate(&base).net_impact()));
}
