//! The data-quality vocabulary (shared ground): the actions the order-line stage and
//! validation report ([`QualityAction`], [`CleaningAction`]) and the fitted feature treatment
//! they record. Stages import it; it imports no stage, so the stage order stays one way.

mod action;
mod order_lines;
pub mod treatment;

pub use action::QualityAction;
pub use order_lines::CleaningAction;
pub use treatment::{FeatureTreatment, HeldOut, TreatmentKind};
