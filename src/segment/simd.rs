//! The vector width the k-means and silhouette kernels run at, chosen at run time from what the
//! CPU offers. Every width runs the same Rust arithmetic (separate multiply and add, no
//! reordering), so results are bit-identical on every CPU; wider only means faster.

/// The widest vector instructions this CPU offers among those the kernels are built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// The build's baseline (SSE2 on x86-64).
    Base,
    /// 256-bit AVX2.
    Avx2,
    /// 512-bit AVX-512 (F, VL, BW, DQ).
    Avx512,
}

/// The width to run at (the CPU check is cached by the standard library).
#[inline]
pub(crate) fn width() -> Width {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512vl")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512dq")
        {
            return Width::Avx512;
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            return Width::Avx2;
        }
    }
    Width::Base
}

/// Define a kernel function compiled three times (baseline, AVX2, AVX-512) and dispatched on
/// [`width`] at each call. The body is written once, as plain lane-wise Rust.
macro_rules! multiversion {
    ($(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        $vis fn $name($($arg: $ty),*) -> $ret {
            #[inline(always)]
            fn lanes($($arg: $ty),*) -> $ret $body

            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx512f,avx512vl,avx512bw,avx512dq,avx2")]
            fn wide512($($arg: $ty),*) -> $ret {
                lanes($($arg),*)
            }

            #[cfg(target_arch = "x86_64")]
            #[target_feature(enable = "avx2")]
            fn wide256($($arg: $ty),*) -> $ret {
                lanes($($arg),*)
            }

            #[cfg(target_arch = "x86_64")]
            match $crate::segment::simd::width() {
                // SAFETY: `width` found these instruction sets on this CPU.
                $crate::segment::simd::Width::Avx512 => return unsafe { wide512($($arg),*) },
                // SAFETY: as above.
                $crate::segment::simd::Width::Avx2 => return unsafe { wide256($($arg),*) },
                $crate::segment::simd::Width::Base => {}
            }
            lanes($($arg),*)
        }
    };
}

pub(crate) use multiversion;

#[cfg(test)]
mod tests {
    use super::*;

    multiversion! {
        fn weighted(values: &[f32], weights: &[f32]) -> [f32; 16] {
            let mut out = [0f32; 16];
            for (chunk, &w) in values.chunks_exact(16).zip(weights) {
                for (o, &v) in out.iter_mut().zip(chunk) {
                    *o += v * w;
                }
            }
            out
        }
    }

    #[test]
    fn every_width_gives_the_same_bits() {
        let values: Vec<f32> = (0..16 * 13)
            .map(|i| (i as f32 * 0.37).sin() * 1e3)
            .collect();
        let weights: Vec<f32> = (0..13).map(|i| 1.0 / (i as f32 + 0.3)).collect();
        let mut plain = [0f32; 16];
        for (chunk, &w) in values.chunks_exact(16).zip(&weights) {
            for (o, &v) in plain.iter_mut().zip(chunk) {
                *o += v * w;
            }
        }
        assert_eq!(weighted(&values, &weights), plain);
        assert!(matches!(width(), Width::Base | Width::Avx2 | Width::Avx512));
    }
}
