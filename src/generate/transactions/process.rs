//! The BG/NBD purchase process behind the synthetic order lines: each customer's purchase rate
//! λ ~ Gamma(r, α) and dropout probability p ~ Beta(a, b), then purchases as a Poisson process
//! from the first purchase, with a dropout coin tossed after every purchase.

use super::super::draw::Draw;
use crate::clv::BgNbdParams;

/// Purchases one customer may make at most (a guard; the process essentially never reaches it).
pub(super) const MAX_PURCHASES: usize = 5_000;

/// Gamma(shape, rate) by Marsaglia & Tsang's squeeze method (shape < 1 boosted by `U^(1/shape)`).
pub(super) fn gamma(draw: &mut Draw, shape: f64, rate: f64) -> f64 {
    if shape < 1.0 {
        let boost = draw.unit().max(f64::MIN_POSITIVE).powf(1.0 / shape);
        return gamma(draw, shape + 1.0, rate) * boost;
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let z = draw.normal();
        let v = (1.0 + c * z).powi(3);
        if v <= 0.0 {
            continue;
        }
        let u = draw.unit();
        if u < 1.0 - 0.0331 * z.powi(4) || u.ln() < 0.5 * z * z + d * (1.0 - v + v.ln()) {
            return d * v / rate;
        }
    }
}

/// Beta(a, b) as `X / (X + Y)` with `X ~ Gamma(a)` and `Y ~ Gamma(b)`.
pub(super) fn beta(draw: &mut Draw, a: f64, b: f64) -> f64 {
    let x = gamma(draw, a, 1.0);
    let y = gamma(draw, b, 1.0);
    if x + y > 0.0 { x / (x + y) } else { 0.5 }
}

/// Exponential with the given rate.
fn exponential(draw: &mut Draw, rate: f64) -> f64 {
    -(1.0 - draw.unit()).ln() / rate
}

/// The purchase times (weeks on the generator's calendar) of one customer who first buys at
/// `first` and is observed until `end`: the first purchase, then repeat purchases after Exp(λ)
/// waits, with the customer dropping out with probability `p` right after each repeat purchase
/// (as the BG/NBD likelihood has it: the first purchase never ends a customer).
pub(super) fn purchase_times(
    draw: &mut Draw,
    process: &BgNbdParams,
    first: f64,
    end: f64,
) -> Vec<f64> {
    let rate = gamma(draw, process.r, process.alpha);
    let dropout = beta(draw, process.a, process.b);
    let mut times = vec![first];
    let mut now = first;
    while times.len() < MAX_PURCHASES && rate > 0.0 {
        now += exponential(draw, rate);
        if now >= end {
            break;
        }
        times.push(now);
        if draw.chance(dropout) {
            break;
        }
    }
    times
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moments(values: &[f64]) -> (f64, f64) {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
        (mean, var)
    }

    #[test]
    fn gamma_and_beta_have_their_moments() {
        let mut draw = Draw::for_chunk(5, 9);
        for (shape, rate) in [(0.5, 6.0), (2.5, 1.0)] {
            let values: Vec<f64> = (0..60_000).map(|_| gamma(&mut draw, shape, rate)).collect();
            let (mean, var) = moments(&values);
            assert!((mean / (shape / rate) - 1.0).abs() < 0.02, "mean {mean}");
            assert!(
                (var / (shape / rate / rate) - 1.0).abs() < 0.05,
                "var {var}"
            );
        }
        let values: Vec<f64> = (0..60_000).map(|_| beta(&mut draw, 0.8, 4.0)).collect();
        let (mean, _) = moments(&values);
        assert!((mean - 0.8 / 4.8).abs() < 0.003, "mean {mean}");
    }
}
