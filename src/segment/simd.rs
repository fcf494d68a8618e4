//! The vector width the k-means and silhouette kernels run at, chosen at run time from what the
//! CPU offers (baseline SSE2, AVX2 or AVX-512) through `pulp`'s safe dispatch, so sis itself
//! holds no `unsafe`. Every width runs the same Rust arithmetic (separate multiply and add, no
//! reordering, no fused multiply-add), so results are bit-identical on every CPU; wider only
//! means faster.

/// Define a kernel function whose body is compiled once per vector width and run at the
/// widest one this CPU offers. The body is written once, as plain lane-wise Rust.
macro_rules! multiversion {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> $ret {
            #[inline(always)]
            fn lanes($($arg: $ty),*) -> $ret $body

            pulp::Arch::new().dispatch(|| lanes($($arg),*))
        }
    };
}

pub(crate) use multiversion;

#[cfg(test)]
mod tests {
    #[inline(always)]
    fn weighted(values: &[f32], weights: &[f32]) -> [f32; 16] {
        let mut out = [0f32; 16];
        for (chunk, &w) in values.chunks_exact(16).zip(weights) {
            for (o, &v) in out.iter_mut().zip(chunk) {
                *o += v * w;
            }
        }
        out
    }

    super::multiversion! {
        fn weighted_widest(values: &[f32], weights: &[f32]) -> [f32; 16] {
            weighted(values, weights)
        }
    }

    #[test]
    fn every_width_gives_the_same_bits() {
        let values: Vec<f32> = (0..16 * 13)
            .map(|i| (i as f32 * 0.37).sin() * 1e3)
            .collect();
        let weights: Vec<f32> = (0..13).map(|i| 1.0 / (i as f32 + 0.3)).collect();
        let scalar = pulp::Arch::Scalar.dispatch(|| weighted(&values, &weights));
        assert_eq!(weighted_widest(&values, &weights), scalar);
        assert_eq!(
            pulp::Arch::new().dispatch(|| weighted(&values, &weights)),
            scalar
        );
    }
}
