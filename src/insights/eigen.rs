//! The symmetric eigen-decomposition the customer map's projections share (cyclic Jacobi).

/// Eigenvalues and eigenvectors (columns of the returned p × p row-major matrix) of a
/// symmetric matrix, by cyclic Jacobi rotations: exact enough and fully deterministic.
pub(super) fn jacobi_eigen(mut a: Vec<f64>, p: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; p * p];
    for i in 0..p {
        v[i * p + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * p + j] * a[i * p + j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                let aij = a[i * p + j];
                if aij.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[j * p + j] - a[i * p + i]) / (2.0 * aij);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for r in 0..p {
                    let (ari, arj) = (a[r * p + i], a[r * p + j]);
                    a[r * p + i] = c * ari - s * arj;
                    a[r * p + j] = s * ari + c * arj;
                }
                for r in 0..p {
                    let (air, ajr) = (a[i * p + r], a[j * p + r]);
                    a[i * p + r] = c * air - s * ajr;
                    a[j * p + r] = s * air + c * ajr;
                }
                for r in 0..p {
                    let (vri, vrj) = (v[r * p + i], v[r * p + j]);
                    v[r * p + i] = c * vri - s * vrj;
                    v[r * p + j] = s * vri + c * vrj;
                }
            }
        }
    }
    ((0..p).map(|i| a[i * p + i]).collect(), v)
}
