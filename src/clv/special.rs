//! Special functions the customer-base models need: the log-gamma function (from `libm`) and
//! the Gauss hypergeometric function ₂F₁ on `0 ≤ z < 1`, summed as a power series.

/// `ln Γ(x)` for `x > 0` (`libm`'s `lgamma`, accurate to a few ulps).
pub fn ln_gamma(x: f64) -> f64 {
    libm::lgamma(x)
}

/// Most series terms summed before ₂F₁ gives up (reached only for `z` within ~1e-5 of 1).
const MAX_TERMS: usize = 1_000_000;

/// `ln ₂F₁(a, b; c; z)` for `0 ≤ z < 1` and `c > 0`, or `None` when the series does not settle.
///
/// Sums `Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ` term by term until the tail bound `|tₙ|·ρ/(1−ρ)` (ρ the
/// larger of the last term ratio and `z`) falls below 1e-15 of the sum. Where that overflows
/// it uses Euler's transformation `₂F₁(a,b;c;z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z)`, the
/// same fallback lifetimes uses.
pub fn ln_hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    if !(0.0..1.0).contains(&z) || c <= 0.0 {
        return None;
    }
    match series(a, b, c, z) {
        Some(sum) if sum > 0.0 && sum.is_finite() => Some(sum.ln()),
        _ => {
            let sum = series(c - a, c - b, c, z)?;
            (sum > 0.0).then(|| (c - a - b) * (1.0 - z).ln() + sum.ln())
        }
    }
}

fn series(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let mut term = 1.0_f64;
    let mut sum = 1.0_f64;
    for n in 0..MAX_TERMS {
        let k = n as f64;
        let ratio = (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        term *= ratio;
        sum += term;
        if !sum.is_finite() {
            return None;
        }
        let rho = ratio.abs().max(z);
        if rho < 1.0 && term.abs() * rho / (1.0 - rho) <= 1e-15 * sum.abs() {
            return Some(sum);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        assert!((ln_gamma(5.0) - 24.0_f64.ln()).abs() < 1e-13);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
    }

    #[test]
    fn hyp2f1_matches_closed_forms() {
        // ₂F₁(1, 1; 2; z) = −ln(1−z)/z.
        for z in [0.0_f64, 0.1, 0.5, 0.9, 0.99] {
            let exact = if z == 0.0 { 1.0 } else { -(1.0 - z).ln() / z };
            let got = ln_hyp2f1(1.0, 1.0, 2.0, z).unwrap().exp();
            assert!(
                (got - exact).abs() < 1e-12 * exact,
                "z {z}: {got} vs {exact}"
            );
        }
        // ₂F₁(a, b; b; z) = (1−z)^(−a).
        let got = ln_hyp2f1(2.5, 3.0, 3.0, 0.7).unwrap();
        assert!((got - (-2.5 * 0.3_f64.ln())).abs() < 1e-12);
        assert!(ln_hyp2f1(1.0, 1.0, 2.0, 1.0).is_none());
    }
}
