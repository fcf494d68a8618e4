//! The optimiser: split a campaign budget (and optionally a discount budget) across segments
//! to maximise net margin. Responses have diminishing returns; each segment's size caps them:
//! responders(spend) = customers × rate × (1 − exp(−spend ÷ (customers × cost per contact))).
//! The curves are concave, so the best split equalises marginal returns; it is found by
//! bisection on the shadow price of the budget, deterministically, in microseconds.

use super::assumptions::Assumptions;
use super::base::{SimulationBase, field};
use super::campaign::{response_column, segment_response};
use super::discount::{elasticities, response};
use super::levers::MAX_DISCOUNT_DEPTH;
use crate::insights::Availability;
use serde::{Deserialize, Serialize};

/// Points on the frontier of net impact against budget.
pub const FRONTIER_POINTS: usize = 40;
const BISECTIONS: usize = 200;

/// What to optimise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptimiserSettings {
    /// Total campaign budget.
    pub budget: f64,
    /// Total discount budget (discount given), when discounts are allocated too.
    pub discount_budget: Option<f64>,
    /// The response column the rates come from (`"any"` or a campaign column).
    pub response: String,
}

/// One segment's share of the campaign budget.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CampaignAllocation {
    pub segment: usize,
    pub spend: f64,
    /// Spend ÷ cost per contact.
    pub contacts: f64,
    pub responders: f64,
    /// The cap: customers × response rate.
    pub max_responders: f64,
    pub revenue: f64,
    /// revenue × margin − spend.
    pub margin: f64,
}

/// One segment's extra discount.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DiscountAllocation {
    pub segment: usize,
    pub depth: f64,
    pub discount_given: f64,
    pub revenue: f64,
    pub margin: f64,
}

/// One point of the frontier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FrontierPoint {
    pub budget: f64,
    pub net_impact: f64,
}

/// The best allocation and the frontier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Optimisation {
    pub budget: f64,
    pub spent: f64,
    pub campaign: Vec<Availability<CampaignAllocation>>,
    /// `None` when no discount budget was given.
    pub discount: Option<Availability<Vec<DiscountAllocation>>>,
    /// Σ campaign margin + Σ discount margin.
    pub net_impact: f64,
    pub frontier: Vec<FrontierPoint>,
}

/// One segment's response curve.
#[derive(Debug, Clone, Copy)]
struct Curve {
    segment: usize,
    max_responders: f64,
    /// Spend that would contact every customer once.
    scale: f64,
    revenue_per_responder: f64,
    margin: f64,
}

impl Curve {
    /// Margin gained per unit spend at zero spend.
    fn initial_return(&self) -> f64 {
        self.revenue_per_responder * self.margin * self.max_responders / self.scale
    }

    /// The spend where the marginal return is 1 + λ.
    fn spend_at(&self, lambda: f64) -> f64 {
        (self.scale * (self.initial_return() / (1.0 + lambda)).ln()).max(0.0)
    }

    fn allocation(&self, spend: f64, cost_per_contact: f64) -> CampaignAllocation {
        let responders = self.max_responders * (1.0 - (-spend / self.scale).exp());
        let revenue = responders * self.revenue_per_responder;
        CampaignAllocation {
            segment: self.segment,
            spend,
            contacts: spend / cost_per_contact,
            responders,
            max_responders: self.max_responders,
            revenue,
            margin: revenue * self.margin - spend,
        }
    }
}

/// The shadow price λ ≥ 0 at which `spend(λ)` (decreasing) fits `budget`.
fn shadow_price(spend: impl Fn(f64) -> f64, budget: f64, hi: f64) -> f64 {
    if spend(0.0) <= budget {
        return 0.0;
    }
    let (mut lo, mut hi) = (0.0, hi.max(0.0));
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (lo + hi);
        if spend(mid) > budget {
            lo = mid
        } else {
            hi = mid
        }
    }
    hi
}

fn curves(base: &SimulationBase, a: &Assumptions, column: usize) -> Vec<Result<Curve, String>> {
    base.segments
        .iter()
        .enumerate()
        .map(|(s, sums)| {
            segment_response(sums, column, s).map(|r| Curve {
                segment: s,
                max_responders: r.customers * r.rate,
                scale: r.customers * a.cost_per_contact,
                revenue_per_responder: r.spend_per_purchase,
                margin: a.margin,
            })
        })
        .collect()
}

fn allocate_campaign(
    curves: &[Result<Curve, String>],
    budget: f64,
    cpc: f64,
) -> Vec<Availability<CampaignAllocation>> {
    let ok: Vec<&Curve> = curves.iter().filter_map(|c| c.as_ref().ok()).collect();
    let total = |lambda: f64| ok.iter().map(|c| c.spend_at(lambda)).sum::<f64>();
    let hi = ok.iter().map(|c| c.initial_return()).fold(0.0, f64::max);
    let lambda = shadow_price(total, budget.max(0.0), hi);
    curves
        .iter()
        .map(|c| match c {
            Ok(c) => Availability::Available(c.allocation(c.spend_at(lambda), cpc)),
            Err(reason) => Availability::NotAvailable {
                reason: reason.clone(),
            },
        })
        .collect()
}

fn allocate_discount(
    base: &SimulationBase,
    a: &Assumptions,
    budget: f64,
) -> Availability<Vec<DiscountAllocation>> {
    let e = match elasticities(base, a) {
        Ok(e) => e,
        Err(reason) => return Availability::NotAvailable { reason },
    };
    let parts: Vec<(f64, f64, f64)> = base
        .segments
        .iter()
        .zip(&e)
        .map(|(s, &e)| (s.revenue(), s.get(field::DEAL_REVENUE), e))
        .collect();
    // Maximising margin − λ·discount gives depth = (R·e·m − (1+λ)·T) ÷ (2·R·e·(1+λ)).
    let depth_at = |&(r, t, e): &(f64, f64, f64), lambda: f64| {
        let re = r * e;
        if re <= 0.0 {
            return 0.0;
        }
        ((re * a.margin - (1.0 + lambda) * t) / (2.0 * re * (1.0 + lambda)))
            .clamp(0.0, MAX_DISCOUNT_DEPTH)
    };
    let given = |lambda: f64| {
        parts
            .iter()
            .map(|p| response(p.0, p.1, p.2, depth_at(p, lambda)).1)
            .sum::<f64>()
    };
    let hi = parts
        .iter()
        .filter(|p| p.1 > 0.0)
        .map(|p| p.0 * p.2 * a.margin / p.1)
        .fold(1.0, f64::max);
    let lambda = shadow_price(given, budget.max(0.0), hi);
    Availability::Available(
        parts
            .iter()
            .enumerate()
            .map(|(s, p)| {
                let depth = depth_at(p, lambda);
                let (revenue, discount_given) = response(p.0, p.1, p.2, depth);
                DiscountAllocation {
                    segment: s,
                    depth,
                    discount_given,
                    revenue,
                    margin: revenue * a.margin - discount_given,
                }
            })
            .collect(),
    )
}

fn campaign_net(allocation: &[Availability<CampaignAllocation>]) -> (f64, f64) {
    allocation
        .iter()
        .filter_map(Availability::get)
        .fold((0.0, 0.0), |(m, s), a| (m + a.margin, s + a.spend))
}

/// The best allocation of the budgets, or why the campaign cannot be optimised.
pub fn optimise(
    base: &SimulationBase,
    a: &Assumptions,
    settings: &OptimiserSettings,
) -> Result<Optimisation, String> {
    let column = response_column(base, &settings.response)?;
    if a.cost_per_contact <= 0.0 {
        return Err("the optimiser needs a positive cost per contact".into());
    }
    if !settings.budget.is_finite() || settings.budget < 0.0 {
        return Err(format!(
            "the budget must be a positive amount, not {}",
            settings.budget
        ));
    }
    let curves = curves(base, a, column);
    let campaign = allocate_campaign(&curves, settings.budget, a.cost_per_contact);
    let discount = settings
        .discount_budget
        .map(|d| allocate_discount(base, a, d));
    let discount_net: f64 = discount
        .as_ref()
        .and_then(Availability::get)
        .map_or(0.0, |d| d.iter().map(|x| x.margin).sum());
    let (campaign_margin, spent) = campaign_net(&campaign);
    let saturation: f64 = curves
        .iter()
        .filter_map(|c| c.as_ref().ok())
        .map(|c| c.spend_at(0.0))
        .sum();
    let top = 1.25 * settings.budget.max(saturation);
    let frontier = (0..=FRONTIER_POINTS)
        .map(|i| {
            let budget = top * i as f64 / FRONTIER_POINTS as f64;
            let (net, _) = campaign_net(&allocate_campaign(&curves, budget, a.cost_per_contact));
            FrontierPoint {
                budget,
                net_impact: net + discount_net,
            }
        })
        .collect();
    Ok(Optimisation {
        budget: settings.budget,
        spent,
        campaign,
        discount,
        net_impact: campaign_margin + discount_net,
        frontier,
    })
}
