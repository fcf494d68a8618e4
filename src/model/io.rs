//! Saving and loading models (JSON, written atomically) and writing scored customers as CSV:
//! the edges of the model module. Session bundles are read through a hook left for them.

use super::predict::Scored;
use super::{ModelError, SavedSegmentation};
use crate::session::FileKind;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The extension model files take.
pub const MODEL_EXTENSION: &str = ".sismodel.json";

/// The model as pretty JSON.
pub fn model_to_json(model: &SavedSegmentation) -> String {
    // A struct of plain fields always serializes; an empty string is never reached.
    serde_json::to_string_pretty(model).unwrap_or_default() + "\n"
}

/// Parse and check a model; `path` names it in messages.
pub fn model_from_json(text: &str, path: &Path) -> Result<SavedSegmentation, ModelError> {
    let model: SavedSegmentation = serde_json::from_str(text).map_err(|e| ModelError::Parse {
        path: path.into(),
        message: e.to_string(),
    })?;
    model.check().map_err(|message| ModelError::Invalid {
        path: path.into(),
        message,
    })?;
    Ok(model)
}

/// Write the model to `path` atomically: a temporary file beside it, then a rename.
pub fn save_model(model: &SavedSegmentation, path: &Path) -> Result<(), ModelError> {
    let io = |action: &'static str| {
        move |source: std::io::Error| ModelError::Io {
            path: path.into(),
            action,
            source,
        }
    };
    let name = path
        .file_name()
        .map_or_else(|| "model".into(), |n| n.to_string_lossy().to_string());
    let temp: PathBuf = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp).map_err(io("cannot create the file"))?;
        file.write_all(model_to_json(model).as_bytes())
            .and_then(|_| file.sync_all())
            .map_err(io("cannot write the model"))?;
        std::fs::rename(&temp, path).map_err(io("cannot move the model into place"))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Load a model file, or the model inside a `.sis` session bundle.
pub fn load_model(path: &Path) -> Result<SavedSegmentation, ModelError> {
    if FileKind::of(path) == FileKind::Session {
        return load_model_from_session(path);
    }
    let text = std::fs::read_to_string(path).map_err(|source| ModelError::Io {
        path: path.into(),
        action: "cannot read the model",
        source,
    })?;
    model_from_json(&text, path)
}

/// Read a session bundle (`.sis`) and return the segmentation it holds as a model, with the
/// persona names as the user left them.
pub fn load_model_from_session(path: &Path) -> Result<SavedSegmentation, ModelError> {
    let session = crate::session::Session::open(path)?;
    Ok(SavedSegmentation::from_analysis(&session.analysis))
}

pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Scored customers as CSV: `customer_id,segment,persona` (segment numbered from 1).
pub fn write_scored_csv(scored: &Scored, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = std::io::BufWriter::new(out);
    writeln!(buf, "customer_id,segment,persona")?;
    for (i, (id, label)) in scored.ids.iter().zip(&scored.labels).enumerate() {
        writeln!(
            buf,
            "{},{},{}",
            csv_field(id),
            label + 1,
            csv_field(scored.persona_of(i))
        )?;
    }
    buf.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("Deal Seekers"), "Deal Seekers");
        assert_eq!(csv_field("Young, Free"), "\"Young, Free\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn a_missing_session_is_named_in_the_error() {
        let err = load_model(Path::new("no-such-month.sis")).unwrap_err();
        assert!(err.to_string().contains("no-such-month.sis"), "{err}");
    }
}
