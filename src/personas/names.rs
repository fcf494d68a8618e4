//! Persona names: the rule table's name, or one composed from the two most distinguishing
//! features, then a pass that makes every name distinct (qualifiers before numbers).

use super::rules::{FEATURE_WORDS, NAMING_Z};
use crate::features::names;
use crate::insights::format::plain_label;
use crate::insights::{Direction, DistinguishingFeature};

/// Words for one feature in one direction.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Words {
    pub adjective: String,
    pub noun: String,
    pub action: String,
    /// Features with the same concept never pair up in one name.
    pub concept: String,
}

/// Feature names that read as another feature's words.
fn canonical(feature: &str) -> &str {
    match feature {
        names::TOTAL_SPEND | names::CLV_PROXY => names::MONETARY,
        names::CAMPAIGNS_ACCEPTED => names::PROMO_RESPONSIVE,
        names::DISCOUNT_ADDICTED => names::DEAL_DEPENDENCY,
        other => other,
    }
}

/// The words for a feature leading in `direction`, if it can name a persona.
pub(super) fn words_for(feature: &str, direction: Direction) -> Option<Words> {
    let key = canonical(feature);
    let lower = key.to_ascii_lowercase();
    let entry = FEATURE_WORDS
        .iter()
        .find(|w| !w.stem && w.feature == key)
        .or_else(|| {
            if key.starts_with(names::SPEND_PREFIX) || key.contains('=') {
                return None;
            }
            FEATURE_WORDS
                .iter()
                .find(|w| w.stem && lower.contains(w.feature))
        });
    if let Some(w) = entry {
        let ((adjective, noun), action) = match direction {
            Direction::Higher => (w.high, w.high_action),
            Direction::Lower => (w.low, w.low_action),
        };
        return Some(Words {
            adjective: adjective.into(),
            noun: noun.into(),
            action: action.into(),
            concept: w.feature.to_ascii_lowercase(),
        });
    }
    if key.starts_with(names::CAMPAIGN_PREFIX) {
        return None;
    }
    if let Some(category) = key.strip_prefix(names::SPEND_PREFIX) {
        let label = plain_label(category);
        // "Wines" → "Wine-Loving".
        let singular = match label.strip_suffix('s') {
            Some(base) if !base.ends_with('s') && base.len() > 2 => base.to_string(),
            _ => label.clone(),
        };
        return Some(match direction {
            Direction::Higher => Words {
                adjective: format!("{singular}-Loving"),
                noun: format!("{label} Lovers"),
                action: format!("Feature new {label} ranges and pairings."),
                concept: key.into(),
            },
            Direction::Lower => Words {
                adjective: format!("Low-{label}"),
                noun: format!("Low-{label} Buyers"),
                action: format!("Cross-sell {label} with what they already buy."),
                concept: key.into(),
            },
        });
    }
    if let Some((_, level)) = key.split_once('=') {
        // One-hot: only presence names a persona ("PhD Customers").
        return (direction == Direction::Higher).then(|| Words {
            adjective: level.trim().to_string(),
            noun: format!("{} Customers", level.trim()),
            action: format!("Tailor messages to what {} customers value.", level.trim()),
            concept: key.into(),
        });
    }
    let label = plain_label(key);
    let (word, action) = match direction {
        Direction::Higher => ("High", "Build offers around their high"),
        Direction::Lower => ("Low", "Find out what holds back their"),
    };
    Some(Words {
        adjective: format!("{word}-{label}"),
        noun: format!("{word}-{label} Customers"),
        action: format!("{action} {label}."),
        concept: key.into(),
    })
}

/// A composed name, the words behind it, and the basis in words.
pub(super) struct Composed {
    pub name: String,
    pub lead: Option<Words>,
    pub basis: String,
}

/// Compose a name from the top features with |z| ≥ [`NAMING_Z`].
pub(super) fn compose(top: &[DistinguishingFeature]) -> Composed {
    let candidates: Vec<(&DistinguishingFeature, Words)> = top
        .iter()
        .filter(|d| d.z.abs() >= NAMING_Z)
        .filter_map(|d| words_for(&d.feature, d.direction).map(|w| (d, w)))
        .collect();
    let describe = |d: &DistinguishingFeature| format!("{} {:+.1} SD", d.feature, d.z);
    match candidates.as_slice() {
        [] => Composed {
            name: "Mainstream Customers".into(),
            lead: None,
            basis: format!("composed: no feature is {NAMING_Z} SD or more from average"),
        },
        [(d, w)] => Composed {
            name: w.noun.clone(),
            lead: Some(w.clone()),
            basis: format!("composed from {}", describe(d)),
        },
        [(d1, w1), rest @ ..] => {
            let second = rest.iter().find(|(_, w)| w.concept != w1.concept);
            match second {
                Some((d2, w2)) => Composed {
                    name: format!("{} {}", w1.adjective, w2.noun),
                    lead: Some(w1.clone()),
                    basis: format!("composed from {} and {}", describe(d1), describe(d2)),
                },
                None => Composed {
                    name: w1.noun.clone(),
                    lead: Some(w1.clone()),
                    basis: format!("composed from {}", describe(d1)),
                },
            }
        }
    }
}

/// A crude singular stem, so "Family" and "Families" count as the same word.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(base) = w.strip_suffix("ies") {
        format!("{base}y")
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(['-', ' ', '&'])
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// Qualifiers for a name: adjectives of the segment's distinguishing features, most
/// distinguishing first, leaving out words the name already has.
pub(super) fn qualifiers(name: &str, top: &[DistinguishingFeature]) -> Vec<String> {
    let in_name = words(name);
    let mut out: Vec<String> = Vec::new();
    for d in top {
        if let Some(w) = words_for(&d.feature, d.direction) {
            let adjective = w.adjective;
            let fresh = !words(&adjective).iter().any(|part| in_name.contains(part));
            if fresh && !out.contains(&adjective) {
                out.push(adjective);
            }
        }
    }
    out
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Make every name distinct. `fixed` names (carried over from a previous model) never
/// change; in a group sharing a name, one member may keep it (a fixed one, else one without
/// qualifiers) and every other is qualified with its first unused qualifier ("Young Deal
/// Seekers"), and only when none is left numbered ("… (Segment 3)").
pub(super) fn make_distinct(names: &mut [String], fixed: &[bool], qualifiers: &[Vec<String>]) {
    for _round in 0..names.len().max(1) {
        let mut changed = false;
        for i in 0..names.len() {
            let group: Vec<usize> = (0..names.len())
                .filter(|&j| key(&names[j]) == key(&names[i]))
                .collect();
            if group.len() < 2 {
                continue;
            }
            // A fixed member keeps the name; else one that has no qualifier to take.
            let keeps_name = group
                .iter()
                .copied()
                .find(|&j| fixed[j])
                .or_else(|| group.iter().copied().find(|&j| qualifiers[j].is_empty()));
            for &j in &group {
                if Some(j) == keeps_name || fixed[j] {
                    continue;
                }
                let base = names[j].clone();
                let taken = |candidate: &str, names: &[String]| {
                    names.iter().any(|n| key(n) == key(candidate))
                };
                let qualified = qualifiers[j]
                    .iter()
                    .map(|q| format!("{q} {base}"))
                    .find(|c| !taken(c, names));
                names[j] =
                    qualified.unwrap_or_else(|| format!("{base} ({})", super::segment_number(j)));
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(features: &[(&str, f64)]) -> Vec<DistinguishingFeature> {
        features
            .iter()
            .map(|(f, z)| DistinguishingFeature {
                feature: f.to_string(),
                z: *z,
                direction: if *z > 0.0 {
                    Direction::Higher
                } else {
                    Direction::Lower
                },
                kind: crate::features::FeatureKind::Continuous,
                segment_mean: 0.0,
                population_mean: 0.0,
            })
            .collect()
    }

    #[test]
    fn composes_from_two_distinguishing_features() {
        let c = compose(&top(&[
            ("Annual Income (k$)", 1.2),
            ("Spending Score (1-100)", 1.1),
        ]));
        assert_eq!(c.name, "Affluent High Scorers");
        let c = compose(&top(&[("Age", -1.0), ("Loyalty Points", 0.9)]));
        assert_eq!(c.name, "Young High-Loyalty Points Customers");
        let c = compose(&top(&[("Income", 0.1)]));
        assert_eq!(c.name, "Mainstream Customers");
        // Same concept twice: the noun of the first.
        let c = compose(&top(&[("Monetary", 1.0), ("Total_Spend", 1.0)]));
        assert_eq!(c.name, "Big Spenders");
        let c = compose(&top(&[("Spend_Wines", 1.0), ("Age", 0.8)]));
        assert_eq!(c.name, "Wine-Loving Mature Shoppers");
    }

    #[test]
    fn duplicates_get_qualifiers_then_numbers() {
        let mut names = vec![
            "Deal Seekers".to_string(),
            "Deal Seekers".to_string(),
            "Deal Seekers".to_string(),
        ];
        let q = vec![
            vec!["Young".to_string()],
            vec!["Family".to_string()],
            vec![],
        ];
        make_distinct(&mut names, &[false, false, false], &q);
        assert_eq!(
            names,
            vec!["Young Deal Seekers", "Family Deal Seekers", "Deal Seekers"]
        );
        // A fixed name keeps its words; the other is qualified.
        let mut names = vec!["Deal Seekers".to_string(), "Deal Seekers".to_string()];
        make_distinct(
            &mut names,
            &[false, true],
            &[vec!["Young".into()], vec!["Old".into()]],
        );
        assert_eq!(names, vec!["Young Deal Seekers", "Deal Seekers"]);
        // Nothing left to qualify with: a number, as the last resort.
        let mut names = vec!["Big Spenders".to_string(), "Big Spenders".to_string()];
        make_distinct(&mut names, &[false, false], &[vec![], vec![]]);
        assert_eq!(names, vec!["Big Spenders", "Big Spenders (Segment 2)"]);
    }

    #[test]
    fn qualifiers_skip_words_already_in_the_name() {
        let q = qualifiers(
            "Deal Seekers",
            &top(&[("Deal_Dependency", 1.0), ("Income", -0.8)]),
        );
        assert_eq!(q, vec!["Budget"]);
        let q = qualifiers(
            "Deal-Driven Families",
            &top(&[("Total_Children", 1.0), ("Product_Variety", -0.8)]),
        );
        assert_eq!(q, vec!["Focused"]);
    }
}
