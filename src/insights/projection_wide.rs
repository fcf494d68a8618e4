//! The leading principal axes of a wide segmentation space without the covariance matrix:
//! block subspace iteration on `Xᵀ(X v) / n`, a fixed number of passes from a deterministic
//! start, then Rayleigh–Ritz on the small block. Cost: passes × customers × features × block.

use super::eigen::jacobi_eigen;

/// Vectors iterated together; the leading two are kept, the others speed convergence.
const BLOCK: usize = 4;
/// Passes at most; iteration stops earlier once the block's eigenvalues settle.
const PASSES: usize = 60;

/// `C v` for the covariance `C` of the centred rows, without forming `C`.
fn covariance_times(rows: &[Vec<f64>], means: &[f64], v: &[f64]) -> Vec<f64> {
    let n = rows.len().max(1) as f64;
    let mut out = vec![0.0; v.len()];
    for row in rows {
        let dot: f64 = row
            .iter()
            .zip(means)
            .zip(v)
            .map(|((x, m), a)| (x - m) * a)
            .sum();
        for ((o, x), m) in out.iter_mut().zip(row).zip(means) {
            *o += (x - m) * dot / n;
        }
    }
    out
}

/// Orthonormalise the block in place (modified Gram–Schmidt); a vector that vanishes is
/// replaced by a unit vector on a coordinate not yet used.
fn orthonormalise(block: &mut [Vec<f64>]) {
    for i in 0..block.len() {
        let (head, tail) = block.split_at_mut(i);
        let Some(v) = tail.first_mut() else {
            continue;
        };
        for u in head.iter() {
            let d = dot(v, u);
            for (x, y) in v.iter_mut().zip(u) {
                *x -= d * y;
            }
        }
        let norm = dot(v, v).sqrt();
        if norm > 1e-300 {
            v.iter_mut().for_each(|x| *x /= norm);
        } else {
            let p = v.len();
            *v = (0..p)
                .map(|r| f64::from(u8::from(r == i % p.max(1))))
                .collect();
        }
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// A deterministic start: a fixed, well-spread pattern per vector (no seed needed).
fn start(p: usize, count: usize) -> Vec<Vec<f64>> {
    (0..count)
        .map(|c| {
            (0..p)
                .map(|r| {
                    let h = (r as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                        ^ (c as u64 + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    (h >> 11) as f64 / (1u64 << 53) as f64 - 0.5
                })
                .collect()
        })
        .collect()
}

/// The leading eigenvalues and eigenvectors (p × b, row-major: `vectors[r * b + c]`) of the
/// covariance of the centred rows.
pub(super) fn leading_pairs(rows: &[Vec<f64>], means: &[f64], p: usize) -> (Vec<f64>, Vec<f64>) {
    let b = BLOCK.min(p);
    let mut block = start(p, b);
    orthonormalise(&mut block);
    let mut previous = vec![f64::NAN; b];
    for _ in 0..PASSES {
        let images: Vec<Vec<f64>> = block
            .iter()
            .map(|v| covariance_times(rows, means, v))
            .collect();
        let rayleigh: Vec<f64> = block
            .iter()
            .zip(&images)
            .map(|(v, w)| v.iter().zip(w).map(|(a, c)| a * c).sum())
            .collect();
        let settled = rayleigh
            .iter()
            .zip(&previous)
            .all(|(a, b)| (a - b).abs() <= 1e-10 * a.abs().max(1e-300));
        previous = rayleigh;
        block = images;
        orthonormalise(&mut block);
        if settled {
            break;
        }
    }
    let images: Vec<Vec<f64>> = block
        .iter()
        .map(|v| covariance_times(rows, means, v))
        .collect();
    // Rayleigh–Ritz: the small matrix T = Qᵀ C Q, decomposed exactly.
    let mut t: Vec<f64> = block
        .iter()
        .flat_map(|q| images.iter().map(move |w| dot(q, w)))
        .collect();
    for i in 0..b {
        for j in 0..i {
            let avg = 0.5 * (t[i * b + j] + t[j * b + i]);
            t[i * b + j] = avg;
            t[j * b + i] = avg;
        }
    }
    let (values, small) = jacobi_eigen(t, b);
    let (block, small) = (&block, &small);
    let vectors: Vec<f64> = (0..p)
        .flat_map(|r| (0..b).map(move |c| (0..b).map(|k| block[k][r] * small[k * b + c]).sum()))
        .collect();
    (values, vectors)
}

/// The total variance (the covariance's trace): the sum of the column variances.
pub(super) fn total_variance(rows: &[Vec<f64>], means: &[f64]) -> f64 {
    let n = rows.len().max(1) as f64;
    rows.iter()
        .map(|row| {
            row.iter()
                .zip(means)
                .map(|(x, m)| (x - m) * (x - m))
                .sum::<f64>()
        })
        .sum::<f64>()
        / n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subspace_iteration_matches_the_exact_decomposition() {
        // 70 features: two strong directions plus small deterministic noise.
        let p = 70;
        let rows: Vec<Vec<f64>> = (0..200)
            .map(|i| {
                let a = (i as f64 * 0.37).sin() * 5.0;
                let b = (i as f64 * 0.11).cos() * 2.0;
                (0..p)
                    .map(|j| {
                        let noise = ((i * 31 + j * 17) % 13) as f64 * 0.01;
                        if j % 2 == 0 {
                            a + noise
                        } else {
                            b * (j as f64 / p as f64) + noise
                        }
                    })
                    .collect()
            })
            .collect();
        let n = rows.len() as f64;
        let means: Vec<f64> = (0..p)
            .map(|j| rows.iter().map(|r| r[j]).sum::<f64>() / n)
            .collect();
        let (values, vectors) = leading_pairs(&rows, &means, p);
        let cov = super::super::projection::covariance_for_tests(&rows, &means, p);
        let (exact, _) = jacobi_eigen(cov, p);
        let mut exact = exact;
        exact.sort_by(|a, b| b.total_cmp(a));
        let mut found = values.clone();
        found.sort_by(|a, b| b.total_cmp(a));
        assert!(
            (found[0] - exact[0]).abs() < 1e-6 * exact[0],
            "{found:?} {exact:?}"
        );
        assert!(
            (found[1] - exact[1]).abs() < 1e-6 * exact[0],
            "{found:?} {exact:?}"
        );
        assert_eq!(vectors.len(), p * BLOCK);
        let trace: f64 = (0..p)
            .map(|j| rows.iter().map(|r| (r[j] - means[j]).powi(2)).sum::<f64>() / n)
            .sum();
        assert!((total_variance(&rows, &means) - trace).abs() < 1e-9 * trace);
    }
}
