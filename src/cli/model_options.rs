//! `--previous MODEL` (match segments to a saved model) and `--model-out FILE` (save the
//! segmentation as a model), shared by `sis run` and `sis insights`.

use super::CliError;
use super::args::RunArgs;
use crate::model::{Alignment, SavedSegmentation, align_to_previous, load_model, save_model};
use crate::pipeline::Analysis;

/// Apply the model options to a finished analysis; returns the alignment when `--previous`.
pub(crate) fn apply(
    args: &RunArgs,
    analysis: &mut Analysis,
) -> Result<Option<Alignment>, CliError> {
    let alignment = match &args.previous {
        Some(path) => {
            let previous = load_model(path).map_err(CliError::data)?;
            Some(align_to_previous(&previous, analysis).map_err(CliError::data)?)
        }
        None => None,
    };
    if let Some(path) = &args.model_out {
        save_model(&SavedSegmentation::from_analysis(analysis), path).map_err(CliError::data)?;
        if !args.quiet {
            eprintln!("model saved to {}", path.display());
        }
    }
    Ok(alignment)
}
