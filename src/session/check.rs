//! Structural checks on a decoded session: every length and index the rest of sis relies on
//! is in range, so a crafted bundle that passes its checksums still cannot make a view panic.

use super::contents::Session;
use crate::table::{ColumnData, MISSING_CODE};

/// The first broken invariant, in words; `Ok` when the session is whole.
pub(super) fn check(session: &Session) -> Result<(), String> {
    check_table(session)?;
    check_analysis(session)?;
    check_scenarios(session)?;
    check_ui(session)
}

fn check_table(session: &Session) -> Result<(), String> {
    let rows = session.table.n_rows();
    for column in &session.table.columns {
        let len = column.data.len();
        if len != rows {
            return Err(format!(
                "data column \"{}\" has {len} rows, the first column {rows}",
                column.name
            ));
        }
        if let ColumnData::Text { codes, levels } = &column.data {
            codes_in_range(codes, levels.len(), &column.name)?;
        }
    }
    Ok(())
}

fn check_analysis(session: &Session) -> Result<(), String> {
    let analysis = &session.analysis;
    let seg = &analysis.segmentation;
    let n = analysis.customer_ids.len();
    let p = seg.feature_names.len();
    same(seg.labels.len(), n, "segment labels", "customers")?;
    same(seg.sizes.len(), seg.k, "segment sizes", "segments (k)")?;
    let mut counts = vec![0usize; seg.sizes.len()];
    for &label in &seg.labels {
        match counts.get_mut(label as usize) {
            Some(c) => *c += 1,
            None => return Err(format!("a customer is in segment {label} of {}", seg.k)),
        }
    }
    if counts != seg.sizes {
        return Err("segment sizes do not match the customers' segments".into());
    }
    same(
        seg.centroids.len(),
        seg.k.saturating_mul(p),
        "centroid values",
        "k × features",
    )?;
    for option in &seg.options {
        let what = |x: &str| format!("k = {} {x}", option.k);
        same(option.labels.len(), n, &what("segment labels"), "customers")?;
        same(
            option.sizes.len(),
            option.k,
            &what("segment sizes"),
            "segments (k)",
        )?;
        same(
            option.centroids.len(),
            option.k.saturating_mul(p),
            &what("centroid values"),
            "k × features",
        )?;
        if option.labels.iter().any(|&l| l as usize >= option.k) {
            return Err(format!("a customer is out of range at k = {}", option.k));
        }
        if option.sizes.iter().sum::<usize>() != n {
            return Err(format!(
                "the segment sizes at k = {} do not add up",
                option.k
            ));
        }
        if !option.segment_stability.is_empty() {
            same(
                option.segment_stability.len(),
                option.k,
                &what("stabilities"),
                "segments (k)",
            )?;
        }
    }
    if !seg.segment_stability.is_empty() {
        same(
            seg.segment_stability.len(),
            seg.k,
            "segment stabilities",
            "segments (k)",
        )?;
    }
    same(seg.scaler.center.len(), p, "scaler centres", "features")?;
    same(seg.scaler.scale.len(), p, "scaler scales", "features")?;
    same(
        analysis.input.names.len(),
        analysis.input.columns.len(),
        "input names",
        "input columns",
    )?;
    for (name, column) in analysis.input.names.iter().zip(&analysis.input.columns) {
        same(
            column.len(),
            n,
            &format!("input \"{name}\" values"),
            "customers",
        )?;
    }
    for feature in &analysis.features.features {
        same(
            feature.values.len(),
            n,
            &format!("feature \"{}\" values", feature.name),
            "customers",
        )?;
    }
    for category in &analysis.categories {
        same(
            category.codes.len(),
            n,
            &format!("category \"{}\" values", category.name),
            "customers",
        )?;
        codes_in_range(&category.codes, category.levels.len(), &category.name)?;
    }
    Ok(())
}

/// Every scenario's settings in range and its segment numbers within the analysis' k.
fn check_scenarios(session: &Session) -> Result<(), String> {
    let k = session.analysis.segmentation.k;
    let ledger = &session.scenarios;
    for scenario in std::iter::once(&ledger.baseline).chain(&ledger.scenarios) {
        scenario
            .check(k)
            .map_err(|e| format!("scenario \"{}\": {e}", scenario.name))?;
    }
    Ok(())
}

fn check_ui(session: &Session) -> Result<(), String> {
    let seg = &session.analysis.segmentation;
    if let Some(k) = session.ui.selected_k
        && k != seg.k
        && !seg.sweep.iter().any(|r| r.k == k)
    {
        return Err(format!("the selected k = {k} was never computed"));
    }
    if !seg.options.iter().any(|o| o.k == seg.k) {
        return Err(format!(
            "the k on display ({}) is not among the kept runs",
            seg.k
        ));
    }
    let max_k = seg.sweep.iter().map(|r| r.k).fold(seg.k, usize::max);
    if let Some((a, b)) = session.ui.compare
        && (a >= max_k || b >= max_k)
    {
        return Err(format!(
            "segments {a} and {b} are compared, but there are {max_k}"
        ));
    }
    Ok(())
}

fn same(found: usize, expected: usize, what: &str, of: &str) -> Result<(), String> {
    if found == expected {
        Ok(())
    } else {
        Err(format!("{found} {what} for {expected} {of}"))
    }
}

fn codes_in_range(codes: &[u32], levels: usize, name: &str) -> Result<(), String> {
    match codes
        .iter()
        .find(|&&c| c != MISSING_CODE && c as usize >= levels)
    {
        Some(code) => Err(format!("\"{name}\" refers to level {code} of {levels}")),
        None => Ok(()),
    }
}
