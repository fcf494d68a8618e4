//! The model's last steps in SQL: the training outlier caps, the scaler, the squared distance
//! to every centroid, and the nearest one (ties to the lowest segment, as in Rust), with its
//! persona name.

use super::{Cte, SqlError, number, text};
use crate::model::SavedSegmentation;

/// `scaled`, `distances` and `assigned`.
pub(super) fn ctes(model: &SavedSegmentation) -> Result<Vec<Cte>, SqlError> {
    Ok(vec![
        scaled(model)?,
        distances(model)?,
        Cte {
            name: "assigned",
            body: format!(
                "  SELECT customer_id, {} AS segment\n  FROM distances",
                nearest(model.k)
            ),
        },
    ])
}

/// Each feature through its training log1p (if any), capped at its training fences, then
/// `(x − center) ÷ scale`.
fn scaled(model: &SavedSegmentation) -> Result<Cte, SqlError> {
    let mut lines = vec!["  SELECT customer_id".to_string()];
    for (j, name) in model.feature_names.iter().enumerate() {
        let f = match model.preparation.treatment(name) {
            // ln(1 + x): the training log1p (LN is in SQLite's math functions, DuckDB, Postgres).
            Some(t) if t.is_log() => format!("LN(1 + f{})", j + 1),
            _ => format!("f{}", j + 1),
        };
        let value = match model.preparation.cap(name) {
            Some(cap) => {
                let lower = number(cap.lower, &format!("lower cap of {name}"))?;
                let upper = number(cap.upper, &format!("upper cap of {name}"))?;
                format!(
                    "CASE WHEN {f} < {lower} THEN {lower} WHEN {f} > {upper} THEN {upper} ELSE {f} END"
                )
            }
            None => f,
        };
        let center = number(model.scaler.center[j], &format!("scaler center of {name}"))?;
        let scale = number(model.scaler.scale[j], &format!("scaler scale of {name}"))?;
        lines.push(format!(
            "    , ({value} - {center}) / {scale} AS z{}",
            j + 1
        ));
    }
    lines.push("  FROM features".into());
    Ok(Cte {
        name: "scaled",
        body: lines.join("\n"),
    })
}

/// `d1…dk`: the squared distance to each centroid, summed feature by feature.
fn distances(model: &SavedSegmentation) -> Result<Cte, SqlError> {
    let p = model.feature_names.len();
    let mut lines = vec!["  SELECT customer_id".to_string()];
    for (s, centroid) in model.centroids.chunks_exact(p).enumerate() {
        let terms: Result<Vec<String>, SqlError> = centroid
            .iter()
            .enumerate()
            .map(|(j, &c)| {
                let c = number(c, &format!("centroid of segment {}", s + 1))?;
                Ok(format!("(z{0} - {c}) * (z{0} - {c})", j + 1))
            })
            .collect();
        lines.push(format!("    , {} AS d{}", terms?.join("\n      + "), s + 1));
    }
    lines.push("  FROM scaled".into());
    Ok(Cte {
        name: "distances",
        body: lines.join("\n"),
    })
}

/// The 1-based number of the nearest centroid. Branch `s` is reached only when no earlier
/// segment is at least as near as every later one, so checking the later ones suffices, and
/// `<=` gives a tie to the lower segment.
fn nearest(k: usize) -> String {
    if k <= 1 {
        return "1".into();
    }
    let mut s = String::from("CASE");
    for i in 1..k {
        let conditions: Vec<String> = (i + 1..=k).map(|j| format!("d{i} <= d{j}")).collect();
        s.push_str(&format!(
            "\n      WHEN {} THEN {i}",
            conditions.join(" AND ")
        ));
    }
    s.push_str(&format!("\n      ELSE {k} END"));
    s
}

/// The final SELECT: id, segment number and persona name.
pub(super) fn final_select(model: &SavedSegmentation) -> String {
    let names: String = (0..model.k)
        .map(|s| {
            format!(
                " WHEN {} THEN {}",
                s + 1,
                text(&crate::personas::segment_name(&model.personas, s))
            )
        })
        .collect();
    format!("SELECT customer_id, segment, CASE segment{names} END AS persona\nFROM assigned;\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CASE of [`nearest`], evaluated in Rust.
    fn pick(d: &[f64]) -> usize {
        let k = d.len();
        for i in 0..k - 1 {
            if (i + 1..k).all(|j| d[i] <= d[j]) {
                return i + 1;
            }
        }
        k
    }

    #[test]
    fn the_nearest_centroid_wins_and_ties_go_to_the_lower_segment() {
        assert_eq!(pick(&[1.0, 2.0, 3.0]), 1);
        assert_eq!(pick(&[3.0, 1.0, 2.0]), 2);
        assert_eq!(pick(&[2.0, 5.0, 1.0, 4.0]), 3);
        assert_eq!(pick(&[2.0, 1.0, 1.0]), 2);
        assert_eq!(pick(&[1.0, 1.0, 1.0]), 1);
        assert_eq!(pick(&[2.0, 3.0, 4.0, 1.0]), 4);
        assert_eq!(
            nearest(3),
            "CASE\n      WHEN d1 <= d2 AND d1 <= d3 THEN 1\n      WHEN d2 <= d3 THEN 2\n      ELSE 3 END"
        );
        assert_eq!(nearest(1), "1");
    }
}
