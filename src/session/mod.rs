//! Session bundles (`.sis`): save a whole analysis and reopen it byte for byte, verified
//! before anything is decoded, written atomically, listed and pruned in a sessions folder.
//! See `docs/sessions.md` for the layout and the versioning policy.

mod age;
mod atomic;
mod bundle;
mod check;
mod codec;
mod contents;
mod error;
mod file_kind;
mod header;
mod info;
mod leftovers;
mod manifest;
mod migrate;
mod state;
mod store;
mod v1;
mod v2;

pub use age::{AgeError, describe_age, parse_age};
pub use atomic::StagedSave;
pub use codec::MAX_SECTION;
pub use contents::Session;
pub use error::SessionError;
pub(crate) use file_kind::{EXTENSION, FileKind};
pub use header::{APP_VERSION, FORMAT_VERSION, MAGIC};
pub use info::{BundleInfo, Verify};
pub use leftovers::{STALE_AFTER, TempFile, TempReport};
pub use manifest::{Manifest, SegmentEntry};
pub use migrate::migrate;
pub use state::{AnalysisTab, SessionUiState};
pub use store::{DEFAULT_FOLDER, PruneReport, PrunedFile, SessionStore, StoredSession};
