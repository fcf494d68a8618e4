//! An analyst takes the segmentation to the warehouse: `sis export --sql` writes one query,
//! the demo customers are loaded into SQLite as raw columns, and the query gives every
//! customer the same segment and persona as `sis score` gives on the same file.

use crate::common;

use rusqlite::types::Value;
use sis::config::{RunConfig, ScalerChoice};
use sis::export::{Quote, SqlError, SqlOptions, scoring_sql};
use sis::model::SavedSegmentation;
use sis::table::{ColumnData, MISSING_DAY, RawTable, format_day};
use std::collections::HashMap;

/// The table as a warehouse holds it: whole numbers as INTEGER, other numbers as REAL, dates
/// as ISO text, missing values as NULL.
fn load_into_sqlite(table: &RawTable, name: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    // The query takes LN(1 + x) of log-transformed features; SQLite has LN only in builds
    // with its math functions, so the test gives the bundled one LN as that build defines it.
    conn.create_scalar_function(
        "LN",
        1,
        rusqlite::functions::FunctionFlags::SQLITE_UTF8
            | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(ctx.get::<f64>(0)?.ln()),
    )
    .unwrap();
    let types: Vec<&str> = table
        .columns
        .iter()
        .map(|c| match &c.data {
            ColumnData::Numeric(v) if v.iter().all(|x| x.is_nan() || x.fract() == 0.0) => "INTEGER",
            ColumnData::Numeric(_) => "REAL",
            _ => "TEXT",
        })
        .collect();
    let columns: Vec<String> = table
        .columns
        .iter()
        .zip(&types)
        .map(|(c, t)| format!("\"{}\" {t}", c.name))
        .collect();
    conn.execute_batch(&format!("CREATE TABLE {name} ({});", columns.join(", ")))
        .unwrap();
    let marks: Vec<String> = (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
    let insert = format!("INSERT INTO {name} VALUES ({})", marks.join(", "));
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx.prepare(&insert).unwrap();
        for row in 0..table.n_rows() {
            let values: Vec<Value> = table
                .columns
                .iter()
                .zip(&types)
                .map(|(c, t)| cell(&c.data, row, t))
                .collect();
            stmt.execute(rusqlite::params_from_iter(values)).unwrap();
        }
    }
    tx.commit().unwrap();
    conn
}

fn cell(data: &ColumnData, row: usize, sql_type: &str) -> Value {
    match data {
        ColumnData::Numeric(v) if v[row].is_nan() => Value::Null,
        ColumnData::Numeric(v) if sql_type == "INTEGER" => Value::Integer(v[row] as i64),
        ColumnData::Numeric(v) => Value::Real(v[row]),
        ColumnData::Date { days, .. } if days[row] == MISSING_DAY => Value::Null,
        ColumnData::Date { days, .. } => Value::Text(format_day(days[row])),
        ColumnData::Text { .. } => data
            .text(row)
            .map_or(Value::Null, |t| Value::Text(t.to_string())),
    }
}

/// Each customer id with (segment, persona), from the query.
fn run_query(conn: &rusqlite::Connection, sql: &str) -> HashMap<String, (u32, String)> {
    let mut stmt = conn.prepare(sql).expect("the query compiles in SQLite");
    let rows = stmt
        .query_map([], |r| {
            let id = match r.get::<_, Value>(0)? {
                Value::Integer(i) => i.to_string(),
                Value::Text(t) => t,
                other => format!("{other:?}"),
            };
            Ok((id, (r.get::<_, i64>(1)? as u32, r.get::<_, String>(2)?)))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The query and `sis score` agree on every customer of `table`.
fn assert_same_as_score(model: &SavedSegmentation, table: &RawTable, what: &str) {
    let sql = scoring_sql(model, &SqlOptions::default()).unwrap();
    let conn = load_into_sqlite(table, "customers");
    let from_sql = run_query(&conn, &sql);
    let scored = model.predict(table).unwrap();
    assert_eq!(
        from_sql.len(),
        scored.ids.len(),
        "{what}: one row per customer"
    );
    for (i, id) in scored.ids.iter().enumerate() {
        let (segment, persona) = &from_sql[id];
        assert_eq!(*segment, scored.labels[i] + 1, "{what}: customer {id}");
        assert_eq!(persona, scored.persona_of(i), "{what}: customer {id}");
    }
}

#[test]
fn the_query_gives_every_demo_customer_the_segment_sis_score_gives() {
    let table = common::demo_table();
    for scaler in [
        ScalerChoice::Standard,
        ScalerChoice::Robust,
        ScalerChoice::MinMax,
    ] {
        let config = RunConfig {
            scaler,
            ..common::fixed_k(4)
        };
        let model = SavedSegmentation::from_analysis(&common::analyse_with(&table, config));
        assert_same_as_score(&model, &table, &format!("{scaler:?}"));
    }
}

#[test]
fn fills_dates_one_hot_and_renamed_personas_replay_in_sql() {
    let table = common::demo_table();
    let config = RunConfig {
        one_hot: true,
        ..common::fixed_k(5)
    };
    let analysis = common::analyse_with(&table, config);
    let mut model = SavedSegmentation::from_analysis(&analysis);
    model.personas[0].label.user_name = Some("Clientes Fiéis d'or".into());
    model.personas[1].label.user_name = Some("Постоянные".into());
    assert!(model.feature_names.iter().any(|f| f.contains('=')));

    // New customers with holes: missing join dates, incomes, recencies and purchases.
    let mut holes = table.clone();
    for column in &mut holes.columns {
        match (&mut column.data, column.name.as_str()) {
            (ColumnData::Date { days, .. }, _) => {
                days.iter_mut().step_by(7).for_each(|d| *d = MISSING_DAY);
            }
            (ColumnData::Numeric(v), "Income" | "Recency" | "NumWebPurchases" | "Year_Birth") => {
                v.iter_mut().skip(3).step_by(11).for_each(|x| *x = f64::NAN);
            }
            _ => {}
        }
    }
    assert_same_as_score(&model, &holes, "with holes");
    // Only the first half: the reference date and the largest recency are the scored file's.
    let mut half = holes.clone();
    let keep: Vec<usize> = (0..half.n_rows() / 2).collect();
    for column in &mut half.columns {
        column.data = column.data.select_rows(&keep);
    }
    assert_same_as_score(&model, &half, "first half");
}

#[test]
fn the_query_names_its_table_quotes_odd_names_and_refuses_what_it_cannot_compute() {
    let table = common::demo_table();
    let analysis = common::analyse_with(&table, common::fixed_k(3));
    let model = SavedSegmentation::from_analysis(&analysis);
    let options = SqlOptions {
        table: "crm.customers_2024".into(),
        quote: Quote::Backtick,
    };
    let sql = scoring_sql(&model, &options).unwrap();
    assert!(sql.starts_with("-- sis scoring query"), "{sql}");
    assert!(sql.contains("FROM crm.customers_2024"), "{sql}");
    assert!(sql.trim_end().ends_with(';'));
    let code: String = sql
        .lines()
        .filter(|l| !l.starts_with("--") && !l.contains(" THEN '"))
        .collect::<Vec<_>>()
        .join("\n")
        .to_uppercase();
    for vendor in [
        "DATEDIFF",
        "JULIANDAY",
        "STRFTIME",
        "IIF(",
        "GREATEST",
        "LEAST",
        "::",
    ] {
        assert!(!code.contains(vendor), "{vendor} in the query");
    }

    let config = RunConfig {
        include_features: vec!["Income".into(), "Discount_Addicted".into()],
        ..common::fixed_k(2)
    };
    let analysis = common::analyse_with(&table, config);
    let model = SavedSegmentation::from_analysis(&analysis);
    let err = scoring_sql(&model, &SqlOptions::default()).unwrap_err();
    assert!(
        matches!(&err, SqlError::UnsupportedFeature { feature, .. } if feature == "Discount_Addicted"),
        "{err}"
    );
    assert!(
        err.to_string().contains("--exclude Discount_Addicted"),
        "{err}"
    );
}
