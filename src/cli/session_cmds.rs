//! `sis inspect`, `sis sessions list|prune` and the `--out` of `sis run`: thin shells over
//! [`crate::session`].

use super::session_args::{InspectArgs, ListArgs, PruneArgs, SessionsArgs, SessionsCommand};
use super::{CliError, emit};
use crate::pipeline::Analysis;
use crate::run_id::short;
use crate::session::{
    BundleInfo, Session, SessionStore, StoredSession, Verify, describe_age, parse_age,
};
use crate::table::RawTable;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

/// Save the run as a session bundle and say where (stdout, or stderr beside `--json`).
pub(crate) fn save_run(
    table: RawTable,
    analysis: Analysis,
    path: &Path,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    Session::new(table, analysis)
        .save(path)
        .map_err(CliError::data)?;
    let notice = format!("Session saved to {}", path.display());
    if json {
        eprintln!("sis: {notice}");
        Ok(())
    } else {
        emit(out, &format!("\n{notice}\n"))
    }
}

/// `sis inspect BUNDLE [--json]`: the manifest, after verifying every checksum and decoding
/// the payload (a bundle re-signed by another tool can pass its checksums and still not
/// decode; that is an error, exit 1).
pub(crate) fn inspect(args: &InspectArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let info = BundleInfo::read(&args.bundle, Verify::Everything).map_err(CliError::data)?;
    if let Err(e) = Session::open(&args.bundle) {
        return Err(CliError::data(format!(
            "{}: the checksums match, but the session cannot be opened: {e}",
            args.bundle.display()
        )));
    }
    if args.json {
        let json = serde_json::to_string_pretty(&info).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    emit(out, &describe(&info))
}

/// `sis sessions list|prune`.
pub(crate) fn sessions(args: &SessionsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    match &args.command {
        SessionsCommand::List(a) => list(a, out),
        SessionsCommand::Prune(a) => prune(a, out),
    }
}

fn store(dir: Option<&Path>) -> SessionStore {
    dir.map_or_else(SessionStore::default, SessionStore::new)
}

fn describe(info: &BundleInfo) -> String {
    let m = &info.manifest;
    let c = &m.config;
    let mut s = String::new();
    let _ = writeln!(s, "{}", info.file);
    let _ = writeln!(
        s,
        "  format     {} (written by sis {})",
        info.format_version, info.app_version
    );
    let _ = writeln!(
        s,
        "  size       {} (checksums verified, payload decoded)",
        size(info.bytes)
    );
    let _ = writeln!(s, "  run id     {}", m.run_id);
    let _ = writeln!(
        s,
        "  data       {}: {} rows x {} columns, hash {}",
        m.file_name,
        m.rows,
        m.columns,
        short(&m.data_hash)
    );
    let _ = writeln!(s, "  customers  {} segmented", m.customers);
    let _ = writeln!(
        s,
        "  config     k {} ({}..={}), {} seeds from {}, scaler {}, min share {}%, IQR factor {}, one-hot {}, duplicates {}",
        c.k,
        c.k_min,
        c.k_max,
        c.seeds,
        c.seed,
        format!("{:?}", c.scaler).to_lowercase(),
        c.min_segment_share * 100.0,
        c.iqr_factor,
        if c.one_hot { "on" } else { "off" },
        if c.drop_duplicates { "dropped" } else { "kept" },
    );
    if !c.include_features.is_empty() || !c.exclude_features.is_empty() {
        let _ = writeln!(
            s,
            "             features: only [{}], without [{}]",
            c.include_features.join(", "),
            c.exclude_features.join(", ")
        );
    }
    let _ = writeln!(s, "  segments   {}", m.segments.len());
    for (i, seg) in m.segments.iter().enumerate() {
        let persona = m
            .personas
            .get(i)
            .map_or(String::new(), |p| format!("  {p}"));
        let _ = writeln!(
            s,
            "    {:>2}  {:>8} customers  {:>5.1}%{persona}",
            seg.number,
            seg.customers,
            seg.share * 100.0
        );
    }
    let _ = writeln!(s, "  personas   {}", names_or_none(&m.personas));
    let _ = writeln!(s, "  scenarios  {}", names_or_none(&m.scenarios));
    s
}

fn names_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        format!("{}: {}", names.len(), names.join(", "))
    }
}

/// A size for people: `812 B`, `34.6 kB`, `1.2 MB`.
fn size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} kB", b as f64 / 1e3),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.1} GB", b as f64 / 1e9),
    }
}

/// One row of `sis sessions list --json`.
#[derive(Debug, Serialize)]
struct ListRow {
    file: String,
    bytes: u64,
    /// Last modification, seconds since 1970-01-01 UTC.
    modified: Option<u64>,
    run_id: Option<String>,
    dataset: Option<String>,
    segments: Option<usize>,
    format_version: Option<u32>,
    app_version: Option<String>,
    error: Option<String>,
}

impl ListRow {
    fn new(entry: &StoredSession) -> ListRow {
        let info = entry.info.as_ref().ok();
        ListRow {
            file: entry.path.display().to_string(),
            bytes: entry.bytes,
            modified: entry
                .modified
                .and_then(|m| m.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_secs()),
            run_id: info.map(|i| i.manifest.run_id.clone()),
            dataset: info.map(|i| i.manifest.file_name.clone()),
            segments: info.map(|i| i.manifest.segments.len()),
            format_version: info.map(|i| i.format_version),
            app_version: info.map(|i| i.app_version.clone()),
            error: entry.info.as_ref().err().map(ToString::to_string),
        }
    }
}

fn list(args: &ListArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let store = store(args.dir.as_deref());
    let now = SystemTime::now();
    // Interrupted saves: stale temporary files go, others are named (see session::leftovers).
    let leftovers = store.clean_temp_files(now).describe();
    let entries = store.list().map_err(CliError::data)?;
    if args.json {
        for line in &leftovers {
            eprintln!("sis: {line}");
        }
        let rows: Vec<ListRow> = entries.iter().map(ListRow::new).collect();
        let json = serde_json::to_string_pretty(&rows).map_err(CliError::data)?;
        return emit(out, &format!("{json}\n"));
    }
    let dir = store.dir().display();
    let mut notes = String::new();
    for line in &leftovers {
        let _ = writeln!(notes, "{line}");
    }
    if entries.is_empty() {
        return emit(
            out,
            &format!(
                "{notes}No sessions in {dir}. Save one with `sis run DATA --out {dir}/NAME.sis`.\n"
            ),
        );
    }
    let mut s = format!(
        "{:<28} {:>9}  {:<12}  {:<28} {:>8}  {}\n",
        "session", "size", "run id", "dataset", "segments", "saved"
    );
    for entry in &entries {
        let name = entry
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let saved = entry
            .modified
            .and_then(|m| now.duration_since(m).ok())
            .map_or_else(|| "-".into(), |age| format!("{} ago", describe_age(age)));
        let _ = match &entry.info {
            Ok(info) => writeln!(
                s,
                "{:<28} {:>9}  {:<12}  {:<28} {:>8}  {saved}",
                name,
                size(entry.bytes),
                short(&info.manifest.run_id),
                info.manifest.file_name,
                info.manifest.segments.len(),
            ),
            Err(e) => writeln!(s, "{:<28} {:>9}  unreadable: {e}", name, size(entry.bytes)),
        };
    }
    s.push_str(&notes);
    emit(out, &s)
}

fn prune(args: &PruneArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let age =
        parse_age(&args.older_than).map_err(|e| CliError::usage(format!("--older-than {e}")))?;
    let store = store(args.dir.as_deref());
    let report = store
        .prune(age, SystemTime::now(), args.dry_run)
        .map_err(CliError::data)?;
    let mut s = String::new();
    for file in &report.pruned {
        let _ = writeln!(s, "{}", file.describe(report.dry_run));
    }
    if !report.dry_run {
        // Stale temporary files of interrupted saves go whatever their age limit.
        for line in store.clean_temp_files(SystemTime::now()).describe() {
            let _ = writeln!(s, "{line}");
        }
    }
    let failed = report.pruned.iter().filter(|f| f.outcome.is_err()).count();
    let done = report.pruned.len() - failed;
    let dir = store.dir().display();
    let _ = if report.dry_run {
        writeln!(
            s,
            "Would remove {done} file(s) older than {} from {dir} and keep {} session(s); run without --dry-run to remove them.",
            args.older_than.trim(),
            report.kept
        )
    } else {
        writeln!(
            s,
            "Removed {done} file(s) older than {} from {dir}; kept {} session(s).",
            args.older_than.trim(),
            report.kept
        )
    };
    emit(out, &s)?;
    if failed > 0 {
        return Err(CliError::data(format!(
            "could not remove {failed} file(s) in {dir} (see above); check their permissions"
        )));
    }
    Ok(())
}
