//! What-if simulation on segment aggregates: five levers (budget shift, discount depth,
//! campaign targeting, channel shift, retention), results per segment and in total with chart
//! data, a bootstrap band, a sensitivity tornado, a budget optimiser, goal seek, and scenarios
//! with their TOML format and ledger. Pure and deterministic: no I/O, every random choice
//! takes a seed. Formulas and defaults are in the README's "Simulation" section.

mod adapter;
mod assumptions;
mod base;
mod bootstrap;
mod budget;
mod campaign;
mod channel;
mod columns;
mod discount;
mod engine;
mod error;
mod figures;
mod goal_seek;
mod levers;
mod optimise;
mod results;
mod retention;
mod scenario;
mod scenario_file;
mod sensitivity;

pub use adapter::columns_of;
pub use assumptions::{AssumptionKey, Assumptions, Unit};
pub use base::{BaseError, Coverage, PopulationFacts, SegmentSums, SimulationBase};
pub use bootstrap::{Band, BootstrapBlocks, BootstrapSettings, band};
pub use budget::{reference_shift, source_and_target};
pub use columns::{ANY_CAMPAIGN, CustomerColumns, ResponseColumn};
pub use discount::elasticities;
pub use engine::{resolve_defaults, simulate};
pub use error::ScenarioError;
pub use goal_seek::{GoalSeek, GoalTarget, goal_seek};
pub use levers::{
    BudgetShift, Campaign, ChannelShift, ChannelSource, DiscountDepth, LeverKind, LeverSettings,
    MAX_DISCOUNT_DEPTH, Retention, ShiftMode, chosen,
};
pub use optimise::{
    CampaignAllocation, DiscountAllocation, FRONTIER_POINTS, FrontierPoint, Optimisation,
    OptimiserSettings, optimise,
};
pub use results::{
    ChannelMix, LeverDetail, LeverEffect, LeverOutcome, LeverStatus, MixShare, SegmentEffect,
    SegmentResult, Simulation, Totals, WaterfallStep, roi,
};
pub use scenario::{BASELINE, LedgerError, Scenario, ScenarioLedger};
pub use scenario_file::{parse_scenario, scenario_to_toml};
pub use sensitivity::{SENSITIVITY_STEP, TornadoBar, tornado};

#[cfg(test)]
mod tests;
