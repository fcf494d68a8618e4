//! One synthetic customer drawn from the latent model: archetype, household, income, then the
//! behaviour that follows from them (spend, purchases, deals, web visits, campaign responses).

use super::archetype::{ARCHETYPES, Archetype, EDUCATION_INCOME};
use super::draw::Draw;

/// The extreme income the demo dataset also contains once.
pub(super) const OUTLIER_INCOME: u32 = 666_666;
/// Birth years before this are implausible (the demo goes back to 1893).
pub(super) const FIRST_PLAUSIBLE_BIRTH_YEAR: u32 = 1901;

const MISSING_INCOME_RATE: f64 = 0.011;
const OUTLIER_INCOME_RATE: f64 = 0.0004;
const IMPLAUSIBLE_BIRTH_RATE: f64 = 0.001;
const COMPLAIN_RATE: f64 = 0.0095;
/// Upper bounds per spend category, close to the demo's maxima.
const SPEND_CAPS: [f64; 6] = [1_500.0, 199.0, 1_725.0, 259.0, 263.0, 362.0];

/// One generated customer, everything but the ID.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Customer {
    pub year_birth: u32,
    /// Index into [`super::archetype::EDUCATION`].
    pub education: usize,
    /// Index into [`super::archetype::MARITAL`].
    pub marital: usize,
    /// Reported income; `None` when the customer left it empty.
    pub income: Option<u32>,
    pub kidhome: u32,
    pub teenhome: u32,
    /// Days after the first join date.
    pub joined: usize,
    pub recency: u32,
    /// Wines, fruits, meat, fish, sweets, gold.
    pub spend: [u32; 6],
    pub deals: u32,
    pub web: u32,
    pub catalog: u32,
    pub store: u32,
    pub web_visits: u32,
    /// Campaigns 1 to 5, in that order.
    pub accepted: [bool; 5],
    pub complain: bool,
    pub response: bool,
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn count(x: f64, max: u32) -> u32 {
    x.round().clamp(0.0, f64::from(max)) as u32
}

/// Draws one customer. `join_days` is the number of possible join dates.
pub(super) fn sample(draw: &mut Draw, weights: &[f64], join_days: usize) -> Customer {
    let a: &Archetype = &ARCHETYPES[draw.pick(weights)];

    let year_birth = if draw.chance(IMPLAUSIBLE_BIRTH_RATE) {
        draw.between(1893, 1900)
    } else {
        count(a.birth.0 + a.birth.1 * draw.normal(), 2000).clamp(1940, 2000)
    };
    let education = draw.pick(&a.education);
    let marital = draw.pick(&a.marital);
    let &(kidhome, teenhome, _) = draw.pick_by(a.households, |h| h.2);

    let latent_income =
        (a.income.0 * EDUCATION_INCOME[education] * draw.log_normal(0.0, a.income.1))
            .clamp(1_730.0, 162_000.0);
    let income = if draw.chance(MISSING_INCOME_RATE) {
        None
    } else if draw.chance(OUTLIER_INCOME_RATE) {
        Some(OUTLIER_INCOME)
    } else {
        Some(latent_income.round() as u32)
    };

    // Spend grows faster than income (exponent 2.2 reproduces the demo's spend by income band
    // once children and archetypes are mixed in); children pull it down.
    let children = 0.42f64.powi(kidhome as i32) * 0.78f64.powi(teenhome as i32);
    let total_spend = (590.0
        * (latent_income / 50_000.0).powf(2.2)
        * a.spend_level
        * children
        * draw.log_normal(0.0, 0.38))
    .clamp(5.0, 2_525.0);
    let mut basket = [0.0; 6];
    for (share, mean) in basket.iter_mut().zip(a.basket) {
        *share = mean * draw.log_normal(0.0, 0.4);
    }
    let basket_total: f64 = basket.iter().sum();
    let mut spend = [0u32; 6];
    for ((amount, share), cap) in spend.iter_mut().zip(basket).zip(SPEND_CAPS) {
        *amount = (total_spend * share / basket_total).round().min(cap) as u32;
    }
    let spent: u32 = spend.iter().sum();
    let spent = f64::from(spent.max(1));

    // More spend, more purchases; the archetype decides the channel mix.
    let purchases = 0.95 * spent.powf(0.42) * draw.log_normal(0.0, 0.2);
    let mut mix = [0.0; 3];
    for (share, mean) in mix.iter_mut().zip(a.channels) {
        *share = mean * draw.log_normal(0.0, 0.35);
    }
    let mix_total: f64 = mix.iter().sum();
    let web = count(purchases * mix[0] / mix_total, 27);
    let catalog = count(purchases * mix[1] / mix_total, 28);
    let store = count(purchases * mix[2] / mix_total, 13);
    let total_purchases = web + catalog + store;
    let deal_share = ((a.deal_share + 0.12 * f64::from(kidhome) + 0.07 * f64::from(teenhome))
        * draw.log_normal(0.0, 0.3))
    .min(0.9);
    let deals = count(f64::from(total_purchases) * deal_share, 15).min(total_purchases);

    let web_visits = if draw.chance(0.003) {
        draw.between(13, 20)
    } else {
        let mean =
            0.3 + a.web_visits + 0.85 * (5.0 - (1.0 + spent).ln()) + 0.5 * f64::from(kidhome);
        count(mean + 1.6 * draw.normal(), 20)
    };
    let recency = draw.between(a.recency.0, a.recency.1);
    let joined = draw.index(join_days);

    // Campaigns: a latent engagement shared by all campaigns, driven by spend.
    let engagement = 0.9 * (spent / 400.0).ln() + a.responsiveness + 0.7 * draw.normal();
    let low_income = if latent_income < 30_000.0 { -0.8 } else { 0.0 };
    let campaign_logits = [
        -3.9 + 1.4 * engagement + low_income,
        -5.3 + 1.1 * engagement + low_income,
        -2.5 + 0.2 * engagement,
        -3.15 + 1.0 * engagement + low_income,
        -4.0 + 1.5 * engagement + low_income,
    ];
    let mut accepted = [false; 5];
    for (flag, logit) in accepted.iter_mut().zip(campaign_logits) {
        *flag = draw.chance(logistic(logit));
    }
    let accepted_count = accepted.iter().filter(|&&x| x).count() as f64;
    let complain = draw.chance(COMPLAIN_RATE);
    let response = draw.chance(logistic(
        -2.45 + 0.5 * engagement + 0.9 * accepted_count - 0.02 * (f64::from(recency) - 50.0),
    ));

    Customer {
        year_birth,
        education,
        marital,
        income,
        kidhome,
        teenhome,
        joined,
        recency,
        spend,
        deals,
        web,
        catalog,
        store,
        web_visits,
        accepted,
        complain,
        response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::archetype::weights;

    #[test]
    fn every_customer_respects_the_demo_ranges() {
        let mut draw = Draw::for_chunk(17, 0);
        let weights = weights();
        for _ in 0..20_000 {
            let c = sample(&mut draw, &weights, 700);
            assert!((1893..=2000).contains(&c.year_birth));
            assert!(c.kidhome <= 2 && c.teenhome <= 2);
            assert!(c.joined < 700 && c.recency <= 99 && c.web_visits <= 20);
            assert!(c.deals <= c.web + c.catalog + c.store && c.deals <= 15);
            assert!(c.web <= 27 && c.catalog <= 28 && c.store <= 13);
            for (amount, cap) in c.spend.iter().zip(SPEND_CAPS) {
                assert!(f64::from(*amount) <= cap);
            }
            if let Some(income) = c.income {
                assert!(income == OUTLIER_INCOME || (1_730..=162_000).contains(&income));
            }
        }
    }
}
