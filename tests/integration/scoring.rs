//! A marketer saves the segmentation as a model, scores next month's file with it, reads the
//! drift, and re-runs on changed data with segment numbers and persona names kept.

use crate::common;

use sis::config::{RunConfig, ScalerChoice};
use sis::model::{
    ModelError, SavedSegmentation, align_to_previous, load_model, model_to_json, save_model,
    write_scored_csv,
};
use sis::personas::{PersonaEdit, apply_persona_edit};
use sis::table::{Column, ColumnData, RawTable};
use std::collections::BTreeMap;

fn labels_by_id(ids: &[String], labels: &[u32]) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for (id, &l) in ids.iter().zip(labels) {
        out.entry(id.clone()).or_insert(l);
    }
    out
}

#[test]
fn scoring_the_training_data_with_its_saved_model_reproduces_the_labels_exactly() {
    let table = common::demo_table();
    let dir = tempfile::tempdir().unwrap();
    for scaler in [
        ScalerChoice::Standard,
        ScalerChoice::Robust,
        ScalerChoice::MinMax,
    ] {
        let config = RunConfig {
            scaler,
            ..common::fixed_k(4)
        };
        let a = common::analyse_with(&table, config);
        let model = SavedSegmentation::from_analysis(&a);
        let path = dir.path().join("demo.sismodel.json");
        save_model(&model, &path).unwrap();
        let loaded = load_model(&path).unwrap();
        assert_eq!(loaded, model, "the JSON model round-trips exactly");

        let scored = loaded.predict(&table).unwrap();
        assert_eq!(scored.ids.len(), 2240, "every row of the file is scored");
        let now = labels_by_id(&scored.ids, &scored.labels);
        for (id, &label) in a.customer_ids.iter().zip(&a.segmentation.labels) {
            assert_eq!(now[id], label, "{scaler:?}: customer {id}");
        }
        assert!(scored.drift.drifted_features().next().is_none());
        for d in &scored.drift.segments {
            assert!(d.change_pts.abs() < 2.0, "{d:?}");
            assert_eq!(d.persona, a.personas[d.segment].display_name());
        }

        let mut csv = Vec::new();
        write_scored_csv(&scored, &mut csv).unwrap();
        let text = String::from_utf8(csv).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2241);
        assert_eq!(lines[0], "customer_id,segment,persona");
        let first = format!(
            "{},{},{}",
            scored.ids[0],
            scored.labels[0] + 1,
            scored.persona_names[scored.labels[0] as usize]
        );
        assert_eq!(lines[1], first);
    }
}

fn scale_column(table: &RawTable, name: &str, factor: f64) -> RawTable {
    let mut out = table.clone();
    for c in out.columns.iter_mut().filter(|c| c.name == name) {
        if let ColumnData::Numeric(v) = &c.data {
            *c = Column {
                name: c.name.clone(),
                data: ColumnData::Numeric(v.iter().map(|x| x * factor).collect()),
            };
        }
    }
    out
}

#[test]
fn drift_reports_shares_and_features_that_moved() {
    let table = common::demo_table();
    let a = common::analyse_with(&table, common::fixed_k(4));
    let model = SavedSegmentation::from_analysis(&a);
    let richer = scale_column(&table, "Income", 3.0);
    let scored = model.predict(&richer).unwrap();
    let drifted: Vec<&str> = scored
        .drift
        .drifted_features()
        .map(|f| f.feature.as_str())
        .collect();
    assert_eq!(drifted, vec!["Income"]);
    let income = scored
        .drift
        .features
        .iter()
        .find(|f| f.feature == "Income")
        .unwrap();
    assert!(income.shift_sd.unwrap() > 1.0);
    let shares: f64 = scored.drift.segments.iter().map(|s| s.current_pct).sum();
    assert!((shares - 100.0).abs() < 1e-9);
    assert!(
        scored
            .drift
            .segments
            .iter()
            .any(|s| s.change_pts.abs() > 1.0)
    );
}

#[test]
fn a_shuffled_copy_gets_matched_segment_numbers() {
    let table = common::demo_table();
    // k = 3: with the held-out flags and log1p (issue 11) the demo's k = 4 is no longer stable
    // across seeds (mean ARI 0.79), so a shuffled copy finds another k = 4; k = 3 (0.98) holds.
    let a = common::analyse_with(&table, common::fixed_k(3));
    let model = SavedSegmentation::from_analysis(&a);
    let before = labels_by_id(&a.customer_ids, &a.segmentation.labels);

    let mut b = common::analyse_with(&common::shuffled(&table, 7), common::fixed_k(3));
    // Number the new run's segments backwards, so matching has real work to do.
    common::number_backwards(&mut b);

    let alignment = align_to_previous(&model, &mut b).unwrap();
    assert!(alignment.renumbered);
    // Shuffling changes which row of a duplicate pair comes first (and is kept), so only
    // the ids present in both runs are compared.
    let after = labels_by_id(&b.customer_ids, &b.segmentation.labels);
    let both: Vec<(&String, &u32)> = before
        .iter()
        .filter(|(id, _)| after.contains_key(*id))
        .collect();
    assert!(both.len() > 1900);
    assert_eq!(alignment.compared_customers, both.len());
    let same = both.iter().filter(|(id, l)| after[*id] == **l).count();
    assert_eq!(
        alignment.moved_customers,
        both.len() - same,
        "moved customers are counted by id"
    );
    assert!(
        alignment.moved_pct < 1.0,
        "a shuffled copy keeps its customers in place ({} moved)",
        alignment.moved_customers
    );
    for m in &alignment.segments {
        assert_eq!(m.previous, Some(m.segment), "segment numbers stay put");
        assert!(m.persona_carried);
        assert_eq!(
            b.personas[m.segment].label.name,
            a.personas[m.segment].label.name
        );
    }
    assert_eq!(b.segmentation.sizes.iter().sum::<usize>(), 2058);
    assert!(alignment.retired.is_empty());
}

#[test]
fn persona_edits_survive_a_rerun_on_changed_data() {
    let table = common::demo_table();
    // Income as given (no log1p), so tripling it moves every centroid far in its units.
    let config = || RunConfig {
        no_log_features: vec!["Income".into()],
        ..common::fixed_k(3)
    };
    let mut a = common::analyse_with(&table, config());
    apply_persona_edit(
        &mut a.personas,
        &PersonaEdit::Rename {
            segment: 0,
            name: Some("VIP Circle".into()),
        },
    )
    .unwrap();
    apply_persona_edit(
        &mut a.personas,
        &PersonaEdit::SetAction {
            segment: 0,
            action: Some("Invite to the tasting.".into()),
        },
    )
    .unwrap();
    let model = SavedSegmentation::from_analysis(&a);
    assert!(model_to_json(&model).contains("VIP Circle"));

    // Next year: the same customers with incomes three times higher (a currency change).
    // Every centroid moves far in the old units, yet each segment is still itself: the same
    // customers, so every persona is carried even where another old centroid is nearer.
    let changed = scale_column(&table, "Income", 3.0);
    let mut b = common::analyse_with(&changed, config());
    let alignment = align_to_previous(&model, &mut b).unwrap();
    assert_eq!(b.personas[0].display_name(), "VIP Circle");
    assert_eq!(b.personas[0].display_action(), "Invite to the tasting.");
    assert!(alignment.segments.iter().all(|m| m.persona_carried));
    assert!(alignment.segments[0].distance.unwrap() > sis::model::MAX_MATCH_DISTANCE);
    assert_eq!(alignment.moved_customers, 0);
    assert!(b.decisions().iter().any(|d| d.text.contains("VIP Circle")));
    let names: std::collections::BTreeSet<&str> =
        b.personas.iter().map(|p| p.display_name()).collect();
    assert_eq!(names.len(), 3, "one distinct name per segment");
}

#[test]
fn a_rerun_with_more_segments_keeps_the_matched_numbers() {
    let table = common::demo_table();
    let a = common::analyse_with(&table, common::fixed_k(4));
    let model = SavedSegmentation::from_analysis(&a);
    let mut b = common::analyse_with(&table, common::fixed_k(5));
    let alignment = align_to_previous(&model, &mut b).unwrap();
    let matched: Vec<Option<usize>> = alignment.segments.iter().map(|m| m.previous).collect();
    assert_eq!(matched, vec![Some(0), Some(1), Some(2), Some(3), None]);
    assert_eq!(alignment.compared_customers, 2058);
    assert!(
        alignment.moved_customers > 0,
        "the new segment takes customers from others"
    );
    let names: std::collections::BTreeSet<String> =
        b.personas.iter().map(|p| p.label.name.clone()).collect();
    assert_eq!(names.len(), 5, "the new segment's name is distinct");
}

#[test]
fn files_that_do_not_fit_the_model_are_refused_with_a_reason() {
    let table = common::demo_table();
    let a = common::analyse_with(&table, common::fixed_k(4));
    let model = SavedSegmentation::from_analysis(&a);

    let without_income = common::without_columns(&table, &["Income"]);
    let err = model.predict(&without_income).unwrap_err();
    assert!(matches!(err, ModelError::MissingColumn { .. }), "{err}");
    assert!(err.to_string().contains("\"Income\""), "{err}");
    // Columns dropped as constant at training are not needed to score.
    let without_constants = common::without_columns(&table, &["Z_CostContact", "Z_Revenue"]);
    assert_eq!(
        model.predict(&without_constants).unwrap().labels.len(),
        2240
    );

    let dir = tempfile::tempdir().unwrap();
    // A session bundle scores like the model it holds.
    let bundle = dir.path().join("march.sis");
    sis::session::Session::new(table.clone(), a.clone())
        .save(&bundle)
        .unwrap();
    let from_session = load_model(&bundle).unwrap();
    assert_eq!(from_session.centroids, model.centroids);
    assert_eq!(
        from_session.predict(&table).unwrap().labels,
        model.predict(&table).unwrap().labels
    );
    let err = load_model(&dir.path().join("april.sis")).unwrap_err();
    assert!(err.to_string().contains("april.sis"), "{err}");

    let path = dir.path().join("broken.sismodel.json");
    let mut broken = model.clone();
    broken.centroids.pop();
    std::fs::write(&path, model_to_json(&broken)).unwrap();
    let err = load_model(&path).unwrap_err();
    assert!(matches!(err, ModelError::Invalid { .. }), "{err}");
    std::fs::write(&path, "{\"hello\": 1}").unwrap();
    assert!(matches!(load_model(&path), Err(ModelError::Parse { .. })));
}
