//! Order statistics every stage shares (quantiles and the median), with one interpolation rule.
//!
//! **The rule.** Sort the values ascending by [`f64::total_cmp`]; the `q` quantile sits at
//! position `q · (n − 1)`, and between two ranks it is interpolated linearly. This is numpy's
//! default (`method="linear"`, Hyndman & Fan type 7) and R's default. The median is the same
//! point, `q = 0.5`, written as the midpoint `(a + b) / 2` of the two middle values for an even
//! count.

/// `low + fraction · (high − low)`, exactly `low` on a rank.
fn between(low: f64, high: f64, fraction: f64) -> f64 {
    if fraction == 0.0 {
        low
    } else {
        low + fraction * (high - low)
    }
}

/// The `q` quantile (0 ≤ q ≤ 1) of values already sorted ascending; NaN when there are none.
pub(crate) fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let position = q * (sorted.len() - 1) as f64;
    let lower = position.floor() as usize;
    let upper = position.ceil() as usize;
    between(sorted[lower], sorted[upper], position - lower as f64)
}

/// The `q` quantile of unsorted values, found by selection in O(n); reorders `values` (pass a
/// scratch copy). NaN when there are none.
pub(crate) fn quantile_in_place(values: &mut [f64], q: f64) -> f64 {
    let Some(last) = values.len().checked_sub(1) else {
        return f64::NAN;
    };
    let position = q * last as f64;
    let lower = position.floor() as usize;
    let fraction = position - lower as f64;
    let (_, &mut low, above) = values.select_nth_unstable_by(lower, f64::total_cmp);
    if fraction == 0.0 || above.is_empty() {
        return low;
    }
    let high = above.iter().copied().min_by(f64::total_cmp).unwrap_or(low);
    between(low, high, fraction)
}

/// The `q` quantile of values in any order (copied first); `None` when there are none.
pub(crate) fn quantile(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(quantile_in_place(&mut values.to_vec(), q))
}

/// The median of the non-NaN values (the midpoint of the two middle ones for an even count);
/// `None` when every value is NaN or there are none.
pub(crate) fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| !x.is_nan()).collect();
    if v.is_empty() {
        return None;
    }
    let mid = v.len() / 2;
    let (_, upper, _) = v.select_nth_unstable_by(mid, f64::total_cmp);
    let upper = *upper;
    if v.len() % 2 == 1 {
        return Some(upper);
    }
    let lower = v[..mid].iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some((lower + upper) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_like_numpy() {
        // numpy.quantile([1, 2, 3, 4, 10], [0, .25, .5, .75, .9, 1]) = [1, 2, 3, 4, 7.6, 10].
        let values = [10.0, 1.0, 4.0, 2.0, 3.0];
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        for (q, expected) in [
            (0.0, 1.0),
            (0.25, 2.0),
            (0.5, 3.0),
            (0.75, 4.0),
            (1.0, 10.0),
        ] {
            assert_eq!(quantile_sorted(&sorted, q), expected, "q = {q}");
            assert_eq!(quantile(&values, q), Some(expected), "q = {q}");
        }
        assert!((quantile(&values, 0.9).unwrap() - 7.6).abs() < 1e-12);
        // numpy.quantile([1, 2, 3, 4], [.25, .5, .75]) = [1.75, 2.5, 3.25].
        let even = [4.0, 3.0, 2.0, 1.0];
        assert_eq!(quantile(&even, 0.25), Some(1.75));
        assert_eq!(quantile(&even, 0.5), Some(2.5));
        assert_eq!(quantile(&even, 0.75), Some(3.25));
    }

    #[test]
    fn selection_and_sorting_agree() {
        let values: Vec<f64> = (0..101)
            .map(|i| ((i * 37) % 101) as f64 * 0.7 - 20.0)
            .collect();
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        for i in 0..=20 {
            let q = f64::from(i) / 20.0;
            let by_selection = quantile_in_place(&mut values.clone(), q);
            assert_eq!(
                by_selection.to_bits(),
                quantile_sorted(&sorted, q).to_bits()
            );
        }
    }

    #[test]
    fn empty_inputs_have_no_quantile() {
        assert!(quantile_sorted(&[], 0.5).is_nan());
        assert!(quantile_in_place(&mut [], 0.5).is_nan());
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn median_skips_nan_and_takes_the_midpoint() {
        assert_eq!(median(&[f64::NAN, 5.0, 1.0]), Some(3.0));
        assert_eq!(median(&[7.0, 1.0, 9.0, f64::NAN]), Some(7.0));
        assert_eq!(median(&[f64::NAN, f64::NAN]), None);
    }
}
