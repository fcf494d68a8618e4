//! Random draws for the generator: one seeded stream per chunk of customers, plus the few
//! distributions the customer model needs (uniform, normal, weighted choice).

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// SplitMix64's output function: a bijection on `u64` that scatters nearby inputs.
pub(super) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The random stream of one chunk.
pub(super) struct Draw {
    rng: Xoshiro256PlusPlus,
    spare_normal: Option<f64>,
}

impl Draw {
    /// The stream for chunk `chunk` of a run seeded with `seed`. The 256-bit state is built from
    /// bijections of both numbers, so different `(seed, chunk)` pairs never share a state, and
    /// the state is never all zero.
    pub(super) fn for_chunk(seed: u64, chunk: u64) -> Self {
        let words = [
            splitmix64(seed),
            splitmix64(seed ^ 0xA076_1D64_78BD_642F),
            splitmix64(chunk),
            splitmix64(chunk ^ 0xE703_7ED1_A0B4_28DB),
        ];
        let mut bytes = [0u8; 32];
        for (slot, word) in bytes.chunks_exact_mut(8).zip(words) {
            slot.copy_from_slice(&word.to_le_bytes());
        }
        Self {
            rng: Xoshiro256PlusPlus::from_seed(bytes),
            spare_normal: None,
        }
    }

    /// Uniform in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        self.rng.r#gen::<f64>()
    }

    /// True with probability `p`.
    pub(super) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in `lo..=hi`.
    pub(super) fn between(&mut self, lo: u32, hi: u32) -> u32 {
        self.rng.gen_range(lo..=hi)
    }

    /// Uniform index in `0..n`; `n` must be positive.
    pub(super) fn index(&mut self, n: usize) -> usize {
        self.rng.gen_range(0..n)
    }

    /// Standard normal (Marsaglia's polar method; the second value is kept for the next call).
    pub(super) fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        loop {
            let u = 2.0 * self.unit() - 1.0;
            let v = 2.0 * self.unit() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * s.ln() / s).sqrt();
                self.spare_normal = Some(v * factor);
                return u * factor;
            }
        }
    }

    /// `exp(mu + sigma * z)` with `z` standard normal.
    pub(super) fn log_normal(&mut self, mu: f64, sigma: f64) -> f64 {
        (mu + sigma * self.normal()).exp()
    }

    /// An index chosen with probability proportional to `weights` (non-negative, not all zero).
    pub(super) fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut target = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if target < *w {
                return i;
            }
            target -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// An item chosen with probability proportional to `weight(item)`; `items` must not be empty.
    pub(super) fn pick_by<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> f64) -> &'a T {
        let total: f64 = items.iter().map(&weight).sum();
        let mut target = self.unit() * total;
        for item in items {
            let w = weight(item);
            if target < w {
                return item;
            }
            target -= w;
        }
        &items[items.len() - 1]
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_by_seed_and_chunk_and_repeat_exactly() {
        let first: Vec<f64> = (0..4).map(|_| Draw::for_chunk(7, 0).unit()).collect();
        assert!(first.windows(2).all(|w| w[0] == w[1]));
        let a = Draw::for_chunk(7, 0).unit();
        let b = Draw::for_chunk(7, 1).unit();
        let c = Draw::for_chunk(8, 0).unit();
        assert!(a != b && a != c && b != c);
    }

    #[test]
    fn normal_has_unit_moments() {
        let mut draw = Draw::for_chunk(1, 2);
        let n = 50_000;
        let values: Vec<f64> = (0..n).map(|_| draw.normal()).collect();
        let mean = values.iter().sum::<f64>() / n as f64;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.02, "mean {mean}");
        assert!((var - 1.0).abs() < 0.03, "variance {var}");
    }

    #[test]
    fn pick_follows_weights() {
        let mut draw = Draw::for_chunk(3, 4);
        let mut counts = [0usize; 3];
        for _ in 0..30_000 {
            counts[draw.pick(&[0.2, 0.0, 0.8])] += 1;
        }
        assert_eq!(counts[1], 0);
        let share = counts[0] as f64 / 30_000.0;
        assert!((share - 0.2).abs() < 0.015, "share {share}");
    }
}
