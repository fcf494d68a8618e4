//! Small per-segment statistics shared by the insight families (sums, means, quantiles).

/// Sum of `values` per segment.
pub(crate) fn sums(values: &[f64], labels: &[u32], k: usize) -> Vec<f64> {
    let mut out = vec![0.0; k];
    for (&l, &v) in labels.iter().zip(values) {
        if let Some(slot) = out.get_mut(l as usize) {
            *slot += v;
        }
    }
    out
}

/// Customers per segment.
pub(crate) fn counts(labels: &[u32], k: usize) -> Vec<usize> {
    let mut out = vec![0; k];
    for &l in labels {
        if let Some(slot) = out.get_mut(l as usize) {
            *slot += 1;
        }
    }
    out
}

/// Mean of `values` per segment (0 for an empty segment).
pub(crate) fn means(values: &[f64], labels: &[u32], k: usize) -> Vec<f64> {
    let n = counts(labels, k);
    sums(values, labels, k)
        .into_iter()
        .zip(n)
        .map(|(s, c)| if c > 0 { s / c as f64 } else { 0.0 })
        .collect()
}

/// Mean (0 for no values).
pub(crate) fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// Population standard deviation (0 for fewer than two values).
pub(crate) fn std_dev(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let m = mean(values);
    (values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / values.len() as f64).sqrt()
}

/// The values of one segment.
pub(crate) fn of_segment(values: &[f64], labels: &[u32], segment: usize) -> Vec<f64> {
    labels
        .iter()
        .zip(values)
        .filter(|(l, _)| **l as usize == segment)
        .map(|(_, v)| *v)
        .collect()
}

/// The `q` quantile ([`crate::stats`]'s rule), 0 for no values.
pub(crate) fn quantile(values: &[f64], q: f64) -> f64 {
    crate::stats::quantile(values, q).unwrap_or(0.0)
}

/// `100 × part ÷ whole`, 0 when the whole is 0.
pub(crate) fn pct(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

/// `a ÷ b`, `None` when `b` is not positive.
pub(crate) fn ratio(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_segment_figures() {
        let values = [1.0, 2.0, 3.0, 10.0];
        let labels = [0, 0, 1, 1];
        assert_eq!(sums(&values, &labels, 2), vec![3.0, 13.0]);
        assert_eq!(means(&values, &labels, 3), vec![1.5, 6.5, 0.0]);
        assert_eq!(counts(&labels, 2), vec![2, 2]);
        assert_eq!(of_segment(&values, &labels, 1), vec![3.0, 10.0]);
        assert_eq!(quantile(&[4.0, 1.0, 3.0, 2.0], 0.5), 2.5);
        assert_eq!(std_dev(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), 2.0);
        assert_eq!(pct(1.0, 0.0), 0.0);
        assert_eq!(ratio(1.0, 0.0), None);
    }
}
