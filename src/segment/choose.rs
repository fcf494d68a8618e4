//! Choosing k: the documented rule for decisions and the sentence that explains the choice.
//!
//! Rule for `--k auto`, looking at silhouette, stability (ARI across seeds), the smallest
//! segment share and Calinski–Harabasz together:
//! 1. A k qualifies when every segment holds at least the minimum share (default 5%).
//! 2. The pool is the first non-empty of: qualifying k in the decision range (default 3..=8)
//!    that are stable (mean ARI ≥ [`STABLE_ARI`]); qualifying stable k outside the range
//!    (k = 2 is allowed when nothing else holds); qualifying k in the range; qualifying k.
//! 3. In the pool, every k whose silhouette is within [`SILHOUETTE_TOLERANCE`] of the pool's
//!    best is a candidate; the most stable candidate wins (ties: higher Calinski–Harabasz,
//!    then the smaller k).
//! 4. When no k qualifies, the k whose smallest segment is largest is taken, and said so.
//!
//! The sentence names the runner-up (the other k with the best silhouette) and why it lost.

use super::sweep::KReport;
use crate::config::KChoice;

/// Mean ARI across seeds from which a k's segments count as stable.
pub const STABLE_ARI: f64 = 0.8;
/// A k may be picked when its silhouette is within this of the best in its pool.
pub const SILHOUETTE_TOLERANCE: f64 = 0.05;

/// What the rule looks at besides the sweep.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KRule {
    pub choice: KChoice,
    pub min_share: f64,
    /// The decision range, inclusive.
    pub range: (usize, usize),
}

/// Which k of the sweep a pool takes.
type KFilter<'a> = dyn Fn(&KReport) -> bool + 'a;

/// The chosen k and why, in one sentence.
pub(crate) fn choose_k(sweep: &[KReport], rule: KRule) -> (usize, String) {
    let pct = rule.min_share * 100.0;
    if let KChoice::Fixed(k) = rule.choice {
        let detail = sweep
            .iter()
            .find(|r| r.k == k)
            .map(|r| {
                let small = if r.smallest_share < rule.min_share {
                    format!(
                        "; note its smallest segment holds only {:.1}% of customers",
                        r.smallest_share * 100.0
                    )
                } else {
                    String::new()
                };
                format!(
                    " (silhouette {:.3}, stability {:.2}{small})",
                    r.silhouette, r.stability_mean
                )
            })
            .unwrap_or_default();
        return (k, format!("k = {k}: fixed by the user{detail}"));
    }
    let (low, high) = rule.range;
    let in_range = |r: &KReport| (low..=high).contains(&r.k);
    let qualifies = |r: &KReport| r.smallest_share >= rule.min_share;
    let stable = |r: &KReport| r.stability_mean >= STABLE_ARI;
    let pools: [(&KFilter<'_>, String); 4] = [
        (
            &|r| in_range(r) && stable(r),
            format!("the stable k in {low}..{high} (stability ≥ {STABLE_ARI})"),
        ),
        (
            &|r| stable(r),
            format!(
                "no k in {low}..{high} is stable (stability ≥ {STABLE_ARI}), so among the stable k outside it"
            ),
        ),
        (
            &|r| in_range(r),
            format!("no k is stable (stability ≥ {STABLE_ARI}), so among the k in {low}..{high}"),
        ),
        (
            &|_| true,
            "no k in range qualifies, so among every k".to_string(),
        ),
    ];
    for (filter, pool_text) in pools {
        let pool: Vec<&KReport> = sweep.iter().filter(|r| qualifies(r) && filter(r)).collect();
        let Some(best_sil) = pool.iter().map(|r| r.silhouette).reduce(f64::max) else {
            continue;
        };
        let Some(chosen) = pool
            .iter()
            .copied()
            .filter(|r| r.silhouette >= best_sil - SILHOUETTE_TOLERANCE)
            .reduce(|a, b| if better(b, a) { b } else { a })
        else {
            continue;
        };
        let sentence = format!(
            "k = {}: {pool_text} whose segments all hold at least {pct:.0}% of customers, the most stable with a silhouette within {SILHOUETTE_TOLERANCE} of the best (silhouette {:.3}, stability {:.2}, smallest segment {:.0}%){}",
            chosen.k,
            chosen.silhouette,
            chosen.stability_mean,
            chosen.smallest_share * 100.0,
            runner_up(sweep, chosen, rule, best_sil),
        );
        return (chosen.k, sentence);
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

/// Within the tolerance: more stable, then higher Calinski–Harabasz, then smaller k.
fn better(a: &KReport, b: &KReport) -> bool {
    a.stability_mean
        .total_cmp(&b.stability_mean)
        .then(a.calinski_harabasz.total_cmp(&b.calinski_harabasz))
        .then(b.k.cmp(&a.k))
        .is_gt()
}

/// "; runner-up k = 2 (silhouette 0.303) lost: outside the range 3..8".
fn runner_up(sweep: &[KReport], chosen: &KReport, rule: KRule, pool_best: f64) -> String {
    let Some(other) = sweep
        .iter()
        .filter(|r| r.k != chosen.k)
        .reduce(|a, b| if b.silhouette > a.silhouette { b } else { a })
    else {
        return String::new();
    };
    let (low, high) = rule.range;
    let why = if other.smallest_share < rule.min_share {
        format!(
            "its smallest segment holds {:.1}% of customers, under {:.0}%",
            other.smallest_share * 100.0,
            rule.min_share * 100.0
        )
    } else if other.stability_mean < STABLE_ARI && chosen.stability_mean >= STABLE_ARI {
        format!(
            "its segments are unstable across seeds (stability {:.2} < {STABLE_ARI})",
            other.stability_mean
        )
    } else if !(low..=high).contains(&other.k) && (low..=high).contains(&chosen.k) {
        format!(
            "k = {} is outside the range {low}..{high} for decisions",
            other.k
        )
    } else if other.silhouette < pool_best - SILHOUETTE_TOLERANCE {
        format!("its silhouette is more than {SILHOUETTE_TOLERANCE} below the best",)
    } else {
        format!(
            "it is less stable (stability {:.2} vs {:.2})",
            other.stability_mean, chosen.stability_mean
        )
    };
    format!(
        "; runner-up k = {} (silhouette {:.3}, stability {:.2}) lost: {why}",
        other.k, other.silhouette, other.stability_mean
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(k: usize, silhouette: f64, smallest_share: f64, stability: f64) -> KReport {
        KReport {
            k,
            inertia: 0.0,
            silhouette,
            negative_share: 0.0,
            silhouette_sample: 100,
            calinski_harabasz: 0.0,
            davies_bouldin: 0.0,
            smallest_share,
            stability_mean: stability,
            stability_min: stability,
            iterations: 1,
        }
    }

    fn rule(choice: KChoice) -> KRule {
        KRule {
            choice,
            min_share: 0.05,
            range: (3, 8),
        }
    }

    #[test]
    fn the_demo_shape_gives_three() {
        // The coordinator's prototype on the demo: k = 2 clean, k = 3 stable, k ≥ 4 unstable.
        let sweep = vec![
            report(2, 0.303, 0.40, 0.99),
            report(3, 0.186, 0.29, 0.86),
            report(4, 0.149, 0.15, 0.61),
            report(5, 0.14, 0.10, 0.45),
        ];
        let (k, why) = choose_k(&sweep, rule(KChoice::Auto));
        assert_eq!(k, 3, "{why}");
        assert!(why.contains("runner-up k = 2"), "{why}");
        assert!(why.contains("outside the range 3..8"), "{why}");
    }

    #[test]
    fn two_is_allowed_when_nothing_in_range_holds() {
        let sweep = vec![
            report(2, 0.30, 0.40, 0.95),
            report(3, 0.20, 0.02, 0.90),
            report(4, 0.18, 0.10, 0.50),
        ];
        let (k, why) = choose_k(&sweep, rule(KChoice::Auto));
        assert_eq!(k, 2, "{why}");
        assert!(why.contains("outside it"), "{why}");
    }

    #[test]
    fn within_the_tolerance_the_most_stable_wins() {
        let sweep = vec![
            report(3, 0.30, 0.20, 0.85),
            report(4, 0.27, 0.10, 0.97),
            report(5, 0.20, 0.10, 0.99),
        ];
        let (k, why) = choose_k(&sweep, rule(KChoice::Auto));
        assert_eq!(k, 4, "{why}");
        assert!(why.contains("runner-up k = 3"), "{why}");
    }

    #[test]
    fn fallback_and_fixed() {
        let sweep = vec![report(2, 0.30, 0.01, 1.0), report(3, 0.45, 0.03, 1.0)];
        assert_eq!(choose_k(&sweep, rule(KChoice::Auto)).0, 3);
        let (k, why) = choose_k(&sweep, rule(KChoice::Fixed(2)));
        assert_eq!(k, 2);
        assert!(why.contains("fixed by the user"));
    }
}
