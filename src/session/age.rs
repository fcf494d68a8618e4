//! Ages written the way people write them (`30d`, `12h`, `90m`, `2w`, `45s`), for the run
//! lifetime of `sis sessions prune --older-than`.

use std::time::Duration;
use thiserror::Error;

/// An age that could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
#[error(
    "\"{value}\" is not an age ({reason}); write a number and a unit, e.g. 30d, 12h, 90m or 2w"
)]
pub struct AgeError {
    pub value: String,
    pub reason: &'static str,
}

const UNITS: [(char, u64); 5] = [
    ('s', 1),
    ('m', 60),
    ('h', 3_600),
    ('d', 86_400),
    ('w', 604_800),
];

/// Read an age such as `30d`. Units: s, m (minutes), h, d, w. Zero is refused.
pub fn parse_age(text: &str) -> Result<Duration, AgeError> {
    let fail = |reason| AgeError {
        value: text.to_string(),
        reason,
    };
    let trimmed = text.trim();
    let Some(unit) = trimmed.chars().last() else {
        return Err(fail("it is empty"));
    };
    let Some(&(_, seconds)) = UNITS.iter().find(|(u, _)| *u == unit.to_ascii_lowercase()) else {
        return Err(fail("the unit is missing or unknown"));
    };
    let digits = &trimmed[..trimmed.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(fail("it does not start with a whole number"));
    }
    let count: u64 = digits
        .parse()
        .map_err(|_| fail("the number is too large"))?;
    if count == 0 {
        return Err(fail("it is zero, which would remove every session"));
    }
    let total = count
        .checked_mul(seconds)
        .ok_or_else(|| fail("the number is too large"))?;
    Ok(Duration::from_secs(total))
}

/// A short human form of an age: the largest unit that fits, e.g. `45d`, `3h`, `12m`.
pub fn describe_age(age: Duration) -> String {
    let secs = age.as_secs();
    UNITS
        .iter()
        .rev()
        .filter(|(u, _)| *u != 'w')
        .find(|(_, s)| secs >= *s)
        .map_or_else(|| format!("{secs}s"), |(u, s)| format!("{}{u}", secs / s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_every_unit() {
        assert_eq!(parse_age("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_age("12h"), Ok(Duration::from_secs(12 * 3_600)));
        assert_eq!(parse_age("90m"), Ok(Duration::from_secs(90 * 60)));
        assert_eq!(parse_age("2W"), Ok(Duration::from_secs(14 * 86_400)));
        assert_eq!(parse_age(" 45s "), Ok(Duration::from_secs(45)));
    }

    #[test]
    fn bad_ages_say_why() {
        for bad in [
            "",
            "30",
            "d",
            "-3d",
            "1.5d",
            "0d",
            "3y",
            "99999999999999999999d",
        ] {
            let err = parse_age(bad).unwrap_err();
            assert!(err.to_string().contains("e.g. 30d"), "{bad}: {err}");
        }
        assert!(parse_age("0d").unwrap_err().reason.contains("zero"));
    }

    #[test]
    fn ages_are_described_shortly() {
        assert_eq!(describe_age(Duration::from_secs(45 * 86_400 + 5)), "45d");
        assert_eq!(describe_age(Duration::from_secs(7_200)), "2h");
        assert_eq!(describe_age(Duration::from_secs(5)), "5s");
    }
}
