//! Customer lifetime value over a horizon: expected purchases from the BG/NBD model times the
//! expected order value from the Gamma-Gamma model, discounted week by week.

use super::bgnbd::BgNbdParams;
use super::gamma_gamma::GammaGammaParams;
use super::{ClvError, RepeatHistory};

/// Weeks in a year, to turn an annual discount rate into weekly discount factors.
pub const WEEKS_PER_YEAR: f64 = 52.0;

/// The horizon and the discount rate of a CLV.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueHorizon {
    /// Whole weeks ahead (default 52).
    pub weeks: u32,
    /// Annual discount rate (default 0.10, i.e. 10% a year).
    pub annual_discount_rate: f64,
}

impl Default for ValueHorizon {
    fn default() -> Self {
        Self {
            weeks: 52,
            annual_discount_rate: 0.10,
        }
    }
}

/// One customer's expected value over the horizon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CustomerValue {
    /// Expected repeat purchases over the horizon (undiscounted).
    pub expected_purchases: f64,
    pub probability_alive: f64,
    /// Expected average order value (Gamma-Gamma).
    pub expected_order_value: f64,
    /// Discounted value over the horizon.
    pub clv: f64,
}

/// CLV by discrete weekly steps, as lifetimes' `customer_lifetime_value` does by months:
///
/// `CLV = Σ_{k=1..H} E[order value] · (E[Y(k)] − E[Y(k−1)]) / (1 + d)^(k/52)`
///
/// with `E[Y(t)]` the BG/NBD expected repeat purchases in the next `t` weeks (eq. 10), `H` the
/// horizon in weeks and `d` the annual discount rate: each week's expected purchases are valued
/// at the expected order value and discounted to today from the end of that week.
pub fn customer_value(
    bgnbd: &BgNbdParams,
    gamma_gamma: &GammaGammaParams,
    history: &RepeatHistory,
    mean_repeat_value: Option<f64>,
    horizon: &ValueHorizon,
) -> Result<CustomerValue, ClvError> {
    let rate = horizon.annual_discount_rate;
    if rate.is_nan() || rate <= -1.0 {
        return Err(ClvError::DiscountRate {
            rate: horizon.annual_discount_rate,
        });
    }
    let order_value = gamma_gamma
        .expected_order_value(history.frequency, mean_repeat_value)
        .ok_or(ClvError::NoFiniteMeanOrderValue { q: gamma_gamma.q })?;
    let expected = |t: f64| {
        bgnbd
            .expected_purchases(history, t)
            .ok_or(ClvError::ExpectationUndefined { a: bgnbd.a })
    };
    let mut clv = 0.0;
    let mut before = 0.0;
    for week in 1..=horizon.weeks {
        let after = expected(f64::from(week))?;
        let discount = (1.0 + horizon.annual_discount_rate).powf(f64::from(week) / WEEKS_PER_YEAR);
        clv += order_value * (after - before) / discount;
        before = after;
    }
    Ok(CustomerValue {
        expected_purchases: before,
        probability_alive: bgnbd.probability_alive(history),
        expected_order_value: order_value,
        clv,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_discounting_the_value_is_purchases_times_order_value() {
        let bgnbd = crate::clv::bgnbd::PUBLISHED_CDNOW;
        let gg = GammaGammaParams {
            p: 6.25,
            q: 3.74,
            gamma: 15.44,
        };
        let history = RepeatHistory {
            frequency: 3,
            recency: 30.0,
            age: 38.0,
        };
        let flat = ValueHorizon {
            weeks: 52,
            annual_discount_rate: 0.0,
        };
        let value = customer_value(&bgnbd, &gg, &history, Some(40.0), &flat).unwrap();
        let purchases = bgnbd.expected_purchases(&history, 52.0).unwrap();
        assert!((value.expected_purchases - purchases).abs() < 1e-12);
        let expected = purchases * value.expected_order_value;
        assert!((value.clv - expected).abs() < 1e-9 * expected);
        let discounted =
            customer_value(&bgnbd, &gg, &history, Some(40.0), &ValueHorizon::default()).unwrap();
        assert!(discounted.clv < value.clv && discounted.clv > 0.9 * value.clv);
    }
}
