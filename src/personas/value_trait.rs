//! The model CLV trait of a persona (order lines with a fitted BG/NBD + Gamma-Gamma model):
//! the segment's mean CLV over the horizon against the average customer, its share of the
//! customer base's value, expected purchases and P(alive), as one sentence with its figures.

use super::Persona;
use crate::clv::ValueHorizon;
use crate::format::{Percent, number, percent, thousands, times};
use crate::insights::{Availability, ModelValue};

/// Most traits a persona shows (the value trait replaces the last one beyond it).
const MAX_TRAITS: usize = 5;

/// Add the value trait to every persona when the model CLV is available.
pub fn add_value_traits(personas: &mut [Persona], value: &Availability<ModelValue>) {
    let Some(v) = value.get() else {
        return;
    };
    let weeks = ValueHorizon::default().weeks;
    for p in personas.iter_mut() {
        let Some(f) = v.segments.get(p.segment) else {
            continue;
        };
        let lift = if v.population.clv_mean > 0.0 {
            format!(
                " ({} the average customer)",
                times(f.clv_mean / v.population.clv_mean)
            )
        } else {
            String::new()
        };
        let sentence = format!(
            "Model CLV over the next {weeks} weeks: {} per customer{lift}, {} of the base's expected value; {} expected purchases each, P(alive) {}",
            thousands(f.clv_mean),
            percent(f.clv_share_pct, Percent::Adaptive),
            number(f.expected_purchases_mean, 100.0),
            percent(100.0 * f.p_alive_mean, Percent::Adaptive),
        );
        p.traits.truncate(MAX_TRAITS - 1);
        p.traits.push(sentence);
    }
}
