//! The vector width the k-means and silhouette kernels run at, chosen at run time from what the
//! CPU offers (baseline SSE2, AVX2 or AVX-512) through `pulp`'s safe dispatch, so sis itself
//! holds no `unsafe`. Every width runs the same Rust arithmetic (separate multiply and add, no
//! reordering, no fused multiply-add), so results are bit-identical on every CPU; wider only
//! means faster.

/// The widest instruction set this CPU offers, detected once: some kernels run per panel of
/// 16 customers, where repeating pulp's dozen feature checks on every call costs a quarter of
/// an iteration.
pub(crate) fn arch() -> pulp::Arch {
    static ARCH: std::sync::LazyLock<pulp::Arch> = std::sync::LazyLock::new(pulp::Arch::new);
    *ARCH
}

/// Define a kernel function whose body is compiled once per vector width and run at the
/// widest one this CPU offers. The body is written once, as plain lane-wise Rust.
macro_rules! multiversion {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> $ret {
            #[inline(always)]
            fn lanes($($arg: $ty),*) -> $ret $body

            // The closure is inlined into pulp's per-width function, so `lanes` is compiled
            // with that width's instructions.
            $crate::segment::simd::arch().dispatch(
                #[inline(always)]
                || lanes($($arg),*),
            )
        }
    };
}

pub(crate) use multiversion;

/// Call `kernel(simd, args…)`, a kernel generic over [`pulp::Simd`], at this CPU's width. For
/// small kernels called many times from inside a [`multiversion!`] kernel (a dot product per
/// panel): one branch on the cached width, then a direct call, with no feature checks.
macro_rules! at_width {
    ($kernel:ident($($arg:expr),* $(,)?)) => {
        match $crate::segment::simd::arch() {
            #[cfg(target_arch = "x86_64")]
            pulp::Arch::V4(simd) => $kernel(simd, $($arg),*),
            #[cfg(target_arch = "x86_64")]
            pulp::Arch::V3(simd) => $kernel(simd, $($arg),*),
            _ => $kernel(pulp::Scalar::new(), $($arg),*),
        }
    };
}

pub(crate) use at_width;

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
