//! Matching the segments of two segmentations: the assignment of least total centroid
//! distance (Hungarian algorithm, O(n²m)), for any numbers of segments on either side.

/// The least-cost assignment of rows to distinct columns. With more rows than columns, the
/// extra rows stay unassigned (`None`). Non-finite costs count as very large.
pub(crate) fn hungarian(cost: &[Vec<f64>]) -> Vec<Option<usize>> {
    let rows = cost.len();
    let cols = cost.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return vec![None; rows];
    }
    let big = cost
        .iter()
        .flatten()
        .filter(|c| c.is_finite())
        .fold(0.0f64, |m, c| m.max(c.abs()))
        * 4.0
        + 1.0;
    let at = |r: usize, c: usize| {
        let v = cost[r].get(c).copied().unwrap_or(f64::NAN);
        if v.is_finite() { v } else { big }
    };
    if rows > cols {
        // Assign columns to rows instead, then invert.
        let transposed: Vec<Vec<f64>> = (0..cols)
            .map(|c| (0..rows).map(|r| at(r, c)).collect())
            .collect();
        let mut out = vec![None; rows];
        for (c, r) in hungarian(&transposed).into_iter().enumerate() {
            if let Some(r) = r {
                out[r] = Some(c);
            }
        }
        return out;
    }
    // Rows ≤ columns: the classic potentials method, 1-based with a virtual column 0.
    let (n, m) = (rows, cols);
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; m + 1];
    let mut owner = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    for i in 1..=n {
        owner[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; m + 1];
        let mut used = vec![false; m + 1];
        loop {
            used[j0] = true;
            let i0 = owner[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=m {
                if used[j] {
                    continue;
                }
                let cur = at(i0 - 1, j - 1) - u[i0] - v[j];
                if cur < minv[j] {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if minv[j] < delta {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[owner[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if owner[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            owner[j0] = owner[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut out = vec![None; n];
    for j in 1..=m {
        if owner[j] > 0 {
            out[owner[j] - 1] = Some(j - 1);
        }
    }
    out
}

/// Root-mean-square distance between two centroids.
pub(crate) fn rms_distance(a: &[f64], b: &[f64]) -> f64 {
    let p = a.len().min(b.len()).max(1) as f64;
    (a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>() / p).sqrt()
}

/// For each new centroid, the old centroid it matches (least total RMS distance), with
/// that distance. Both sides must be in the same, comparable units.
pub(crate) fn match_segments(old: &[Vec<f64>], new: &[Vec<f64>]) -> Vec<Option<(usize, f64)>> {
    let cost: Vec<Vec<f64>> = new
        .iter()
        .map(|n| old.iter().map(|o| rms_distance(o, n)).collect())
        .collect();
    hungarian(&cost)
        .into_iter()
        .enumerate()
        .map(|(j, o)| o.map(|o| (o, cost[j][o])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(cost: &[Vec<f64>], a: &[Option<usize>]) -> f64 {
        a.iter()
            .enumerate()
            .filter_map(|(r, c)| c.map(|c| cost[r][c]))
            .sum()
    }

    #[test]
    fn finds_the_least_cost_assignment() {
        let cost = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        let a = hungarian(&cost);
        assert_eq!(a, vec![Some(1), Some(0), Some(2)]);
        assert_eq!(total(&cost, &a), 5.0);
    }

    #[test]
    fn brute_force_agrees_on_small_matrices() {
        // Deterministic pseudo-random 4 × 4 matrices against all 24 permutations.
        let mut x = 12345u64;
        for _ in 0..50 {
            let cost: Vec<Vec<f64>> = (0..4)
                .map(|_| {
                    (0..4)
                        .map(|_| {
                            x = x
                                .wrapping_mul(6364136223846793005)
                                .wrapping_add(1442695040888963407);
                            ((x >> 33) % 100) as f64
                        })
                        .collect()
                })
                .collect();
            let mut best = f64::INFINITY;
            let mut perm = [0usize, 1, 2, 3];
            permutations(&mut perm, 0, &mut |p| {
                best = best.min((0..4).map(|r| cost[r][p[r]]).sum());
            });
            assert_eq!(total(&cost, &hungarian(&cost)), best);
        }
    }

    fn permutations(p: &mut [usize; 4], k: usize, f: &mut dyn FnMut(&[usize; 4])) {
        if k == p.len() {
            f(p);
            return;
        }
        for i in k..p.len() {
            p.swap(k, i);
            permutations(p, k + 1, f);
            p.swap(k, i);
        }
    }

    #[test]
    fn rectangular_and_permuted_centroids() {
        let old = vec![vec![0.0, 0.0], vec![10.0, 0.0], vec![0.0, 10.0]];
        let new = vec![vec![0.1, 9.9], vec![0.2, 0.1]];
        let m = match_segments(&old, &new);
        assert_eq!(m[0].map(|x| x.0), Some(2));
        assert_eq!(m[1].map(|x| x.0), Some(0));
        // More new segments than old: one stays unmatched.
        let m = match_segments(&new, &old);
        assert_eq!(m.iter().filter(|x| x.is_none()).count(), 1);
        assert_eq!(m[1], None);
    }
}
