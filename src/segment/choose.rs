//! Choosing k: the documented rule and the sentence that explains the choice.
//!
//! Rule for `--k auto`: among the k whose segments all hold at least the minimum share
//! (default 5%) of customers, take the best silhouette (ties → the smaller k). When no k
//! qualifies, take the k whose smallest segment is largest, and say so.

use super::sweep::KReport;
use crate::config::KChoice;

/// The chosen k and why, in one sentence.
pub(crate) fn choose_k(sweep: &[KReport], choice: KChoice, min_share: f64) -> (usize, String) {
    let pct = min_share * 100.0;
    if let KChoice::Fixed(k) = choice {
        let detail = sweep
            .iter()
            .find(|r| r.k == k)
            .map(|r| {
                let small = if r.smallest_share < min_share {
                    format!(
                        "; note its smallest segment holds only {:.1}% of customers",
                        r.smallest_share * 100.0
                    )
                } else {
                    String::new()
                };
                format!(" (silhouette {:.3}{small})", r.silhouette)
            })
            .unwrap_or_default();
        return (k, format!("k = {k}: fixed by the user{detail}"));
    }
    let qualifying: Vec<&KReport> = sweep
        .iter()
        .filter(|r| r.smallest_share >= min_share)
        .collect();
    let best = qualifying
        .iter()
        .copied()
        .fold(None::<&KReport>, |best, r| match best {
            Some(b) if b.silhouette >= r.silhouette => Some(b),
            _ => Some(r),
        });
    if let Some(best) = best {
        let refused = sweep.len() - qualifying.len();
        let refused_text = if refused > 0 {
            format!("; {refused} k value(s) refused for a segment under {pct:.0}%")
        } else {
            String::new()
        };
        return (
            best.k,
            format!(
                "k = {}: best silhouette ({:.3}) among the k whose segments all hold at least {pct:.0}% of customers{refused_text}",
                best.k, best.silhouette
            ),
        );
    }
    let fallback = sweep.iter().fold(None::<&KReport>, |best, r| match best {
        Some(b) if b.smallest_share >= r.smallest_share => Some(b),
        _ => Some(r),
    });
    match fallback {
        Some(r) => (
            r.k,
            format!(
                "k = {}: no k kept every segment above {pct:.0}%, so the k with the largest smallest segment ({:.1}%) was taken",
                r.k,
                r.smallest_share * 100.0
            ),
        ),
        None => (2, "k = 2: no k was evaluated".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(k: usize, silhouette: f64, smallest_share: f64) -> KReport {
        KReport {
            k,
            inertia: 0.0,
            silhouette,
            negative_share: 0.0,
            silhouette_sample: 100,
            calinski_harabasz: 0.0,
            davies_bouldin: 0.0,
            smallest_share,
            stability_mean: 1.0,
            stability_min: 1.0,
            iterations: 1,
        }
    }

    #[test]
    fn best_silhouette_among_qualifying() {
        let sweep = vec![
            report(2, 0.30, 0.40),
            report(3, 0.45, 0.02),
            report(4, 0.35, 0.10),
        ];
        let (k, why) = choose_k(&sweep, KChoice::Auto, 0.05);
        assert_eq!(k, 4);
        assert!(
            why.starts_with(
                "k = 4: best silhouette (0.350) among the k whose segments all hold at least 5%"
            ),
            "{why}"
        );
        assert!(why.contains("1 k value(s) refused"), "{why}");
    }

    #[test]
    fn fallback_and_fixed() {
        let sweep = vec![report(2, 0.30, 0.01), report(3, 0.45, 0.03)];
        assert_eq!(choose_k(&sweep, KChoice::Auto, 0.05).0, 3);
        let (k, why) = choose_k(&sweep, KChoice::Fixed(2), 0.05);
        assert_eq!(k, 2);
        assert!(why.contains("fixed by the user"));
    }
}
