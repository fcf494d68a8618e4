//! Session bundles (`.sis`): save a whole analysis and reopen it byte for byte, verified
//! before anything is decoded, written atomically, listed and pruned in a sessions folder.
//! See `docs/sessions.md` for the layout and the versioning policy.

mod age;
mod atomic;
mod bundle;
mod check;
mod codec;
mod error;
mod header;
mod info;
mod manifest;
mod migrate;
mod state;
mod store;
mod v1;

pub use age::{AgeError, describe_age, parse_age};
pub use atomic::StagedSave;
pub use bundle::Session;
pub use codec::MAX_SECTION;
pub use error::SessionError;
pub use header::{APP_VERSION, FORMAT_VERSION, MAGIC};
pub use info::{BundleInfo, Verify};
pub use manifest::{Manifest, SegmentEntry};
pub use migrate::migrate;
pub use state::{AnalysisTab, Scenario, SessionUiState};
pub use store::{DEFAULT_FOLDER, EXTENSION, PruneReport, PrunedFile, SessionStore, StoredSession};
