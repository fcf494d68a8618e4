//! The Simulation tab: what-if levers on the segments, recomputed from the segment aggregates
//! in the same frame as a control moves, with the results per segment and in total, the
//! charts, the bootstrap band (on the worker once the controls settle), the sensitivity
//! tornado, the optimiser, goal seek, and the scenario ledger with its comparison. It holds
//! only UI state; every change of a lever, an assumption or the ledger is a document edit.

mod assumptions;
mod band;
pub(crate) mod charts;
mod compare;
mod edits;
mod goal_seek;
mod ledger;
mod levers;
mod optimiser;
mod results;
mod slide;
mod tornado;

use super::{Action, Context, Shown, View};
use crate::gui::tokens;
use crate::gui::widgets;
use crate::simulate::{LeverKind, LeverSettings, Scenario, Simulation, SimulationBase};
use edits::Edits;
use egui::Ui;
use egui_extras::{Size, StripBuilder};

/// The share of the Levers page's width the lever cards take; the results take the rest.
const LEVERS_SHARE: f32 = 0.42;

/// The pages of the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Page {
    #[default]
    Levers,
    Assumptions,
    Sensitivity,
    Optimiser,
    GoalSeek,
    Compare,
}

impl Page {
    const ALL: [Page; 6] = [
        Page::Levers,
        Page::Assumptions,
        Page::Sensitivity,
        Page::Optimiser,
        Page::GoalSeek,
        Page::Compare,
    ];

    fn title(self) -> &'static str {
        match self {
            Page::Levers => "Levers and results",
            Page::Assumptions => "Assumptions",
            Page::Sensitivity => "Sensitivity",
            Page::Optimiser => "Best allocation",
            Page::GoalSeek => "Goal seek",
            Page::Compare => "Compare scenarios",
        }
    }

    fn tooltip(self) -> &'static str {
        match self {
            Page::Levers => "Switch levers on, set them per segment and read the results",
            Page::Assumptions => "Margin, costs, horizon and responses every lever rests on",
            Page::Sensitivity => "How far the net impact moves when each assumption moves ±20%",
            Page::Optimiser => "Split a campaign budget across segments to maximise net margin",
            Page::GoalSeek => "The lever setting that reaches a target, or why none does",
            Page::Compare => "Every saved scenario side by side against the baseline",
        }
    }
}

/// The tab's UI state.
#[derive(Debug, Default)]
pub(crate) struct SimulationView {
    page: Page,
    band: band::BandState,
    ledger: ledger::LedgerPanel,
    optimiser: optimiser::OptimiserPanel,
    goal: goal_seek::GoalPanel,
}

/// What the controls read this frame: the aggregates, the scenario as edited so far, and
/// which levers and segments the data supports.
pub(crate) struct Support<'a> {
    pub(crate) shown: &'a Shown<'a>,
    pub(crate) base: &'a SimulationBase,
    /// Every lever on (defaults for those off): each lever's and segment's availability.
    pub(crate) probe: Simulation,
}

impl<'a> Support<'a> {
    fn new(shown: &'a Shown<'a>, base: &'a SimulationBase, scenario: &Scenario) -> Self {
        let mut all = scenario.clone();
        let levers: &mut LeverSettings = &mut all.levers;
        for lever in LeverKind::ALL {
            if !levers.is_on(lever) {
                let (lo, hi) = lever.setting_range();
                levers.set_setting(lever, lo + 0.1 * (hi - lo));
            }
        }
        Support {
            shown,
            base,
            probe: all.simulate(base),
        }
    }

    /// Why a lever cannot be used on this data, if it cannot.
    pub(crate) fn unavailable(&self, lever: LeverKind) -> Option<&str> {
        match &self.probe.lever(lever).status {
            crate::simulate::LeverStatus::Unavailable { reason } => Some(reason),
            _ => None,
        }
    }

    /// Why a lever cannot act on a segment, if it cannot.
    pub(crate) fn segment_reason(&self, lever: LeverKind, segment: usize) -> Option<&str> {
        match &self.probe.lever(lever).status {
            crate::simulate::LeverStatus::Applied(effect) => {
                effect.segments.get(segment).and_then(|s| s.reason())
            }
            _ => None,
        }
    }
}

impl View for SimulationView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(shown) = &cx.shown else {
            widgets::not_available(
                ui,
                "Simulation needs an analysis",
                "Open the demo or a dataset and segment it first.",
            );
            return;
        };
        let base = match &shown.figures.simulation {
            Ok(base) => base,
            Err(reason) => {
                widgets::not_available(ui, "Simulation is not available", reason);
                return;
            }
        };
        let mut edits = Edits::new(cx.document.bench());
        if shown.presenting {
            slide::ui(ui, shown, base, &mut edits, &mut self.band);
        } else {
            self.tab(ui, shown, base, &mut edits, out);
        }
        if let Some(current) = cx.document.current() {
            self.band.update(ui.ctx(), current, base, &edits.next);
        }
        edits.finish(out);
    }
}

impl SimulationView {
    fn tab(
        &mut self,
        ui: &mut Ui,
        shown: &Shown<'_>,
        base: &SimulationBase,
        edits: &mut Edits<'_>,
        out: &mut Vec<Action>,
    ) {
        self.ledger.ui(ui, edits, out);
        ui.add_space(tokens::ITEM_GAP * 0.5);
        ui.horizontal(|ui| {
            for page in Page::ALL {
                ui.selectable_value(&mut self.page, page, page.title())
                    .on_hover_text(page.tooltip());
            }
        });
        ui.separator();
        match self.page {
            Page::Levers => {
                let band = &self.band;
                StripBuilder::new(ui)
                    .size(Size::relative(LEVERS_SHARE).at_least(360.0))
                    .size(Size::remainder().at_least(360.0))
                    .horizontal(|mut strip| {
                        strip.cell(|ui| {
                            egui::ScrollArea::vertical()
                                .id_salt("sim-levers")
                                .auto_shrink([false, false])
                                .show(ui, |ui| {
                                    let support = Support::new(shown, base, &edits.next);
                                    levers::ui(ui, &support, edits);
                                });
                        });
                        strip.cell(|ui| {
                            let simulation = edits.next.simulate(base);
                            egui::ScrollArea::both()
                                .id_salt("sim-results")
                                .auto_shrink([false, false])
                                .show(ui, |ui| {
                                    results::ui(ui, shown, &simulation, band.shown(&edits.next));
                                    if let Some(reason) = band.failure() {
                                        widgets::muted(
                                            ui,
                                            format!("The band is not available: {reason}"),
                                        );
                                    }
                                    charts::ui(ui, shown, &simulation, band.shown(&edits.next));
                                });
                        });
                    });
            }
            Page::Assumptions => assumptions::ui(ui, edits),
            Page::Sensitivity => tornado::ui(ui, base, &edits.next),
            Page::Optimiser => self.optimiser.ui(ui, shown, base, &edits.next),
            Page::GoalSeek => self.goal.ui(ui, base, edits),
            Page::Compare => compare::ui(ui, base, edits, self.band.shown(&edits.next)),
        }
    }
}
