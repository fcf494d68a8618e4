//! The Segments tab: a sortable segment table with the profile heatmap, the customer map,
//! the choice of k, and the side-by-side comparison of two segments.

use super::compare::CompareView;
use super::heatmap;
use super::scatter;
use super::sweep_chart;
use super::{Action, Context, Shown, View};
use crate::format::{self, Percent, percent};
use crate::gui::figures::SegmentFigures;
use crate::gui::tokens;
use crate::gui::widgets;
use egui::{RichText, Ui};

/// The pages of the Segments tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Page {
    #[default]
    Profiles,
    Map,
    ChoiceOfK,
    Compare,
    RfmClv,
}

impl Page {
    const ALL: [Page; 5] = [
        Page::Profiles,
        Page::Map,
        Page::ChoiceOfK,
        Page::Compare,
        Page::RfmClv,
    ];

    fn title(self) -> &'static str {
        match self {
            Page::Profiles => "Table and profiles",
            Page::Map => "Customer map",
            Page::ChoiceOfK => "Choice of k",
            Page::Compare => "Compare two segments",
            Page::RfmClv => "RFM and CLV",
        }
    }
}

/// A column of the segment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Segment,
    Customers,
    Revenue,
    AvgSpend,
    Promo,
    Discount,
}

#[derive(Debug)]
pub(crate) struct SegmentsView {
    page: Page,
    sort: SortKey,
    descending: bool,
    compare: CompareView,
    rfm_clv: super::rfm_clv::RfmClvPage,
}

impl Default for SegmentsView {
    fn default() -> Self {
        Self {
            page: Page::Profiles,
            sort: SortKey::Segment,
            descending: false,
            compare: CompareView::default(),
            rfm_clv: Default::default(),
        }
    }
}

impl SegmentsView {
    /// The two segments chosen on the Compare page (0-based).
    pub(crate) fn compared(&self) -> (usize, usize) {
        self.compare.pair()
    }

    /// Compare `first` and `second` (a reopened session's pair).
    pub(crate) fn compare(&mut self, first: usize, second: usize) {
        self.compare.set_pair(first, second);
    }

    /// Back to the default pair (a new analysis).
    pub(crate) fn reset_compared(&mut self) {
        self.compare = CompareView::default();
    }
}

impl View for SegmentsView {
    fn ui(&mut self, ui: &mut Ui, cx: &Context<'_>, out: &mut Vec<Action>) {
        let Some(shown) = &cx.shown else {
            return;
        };
        if !shown.presenting {
            ui.horizontal(|ui| {
                for page in Page::ALL {
                    if ui
                        .selectable_label(self.page == page, page.title())
                        .clicked()
                    {
                        self.page = page;
                    }
                }
            });
            ui.separator();
        }
        let page = if shown.presenting {
            Page::Profiles
        } else {
            self.page
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .id_salt(("segments-scroll", page.title()))
            .show(ui, |ui| match page {
                Page::Profiles => {
                    widgets::section(
                        ui,
                        "Segment table",
                        if shown.presenting {
                            "Segments are numbered by revenue"
                        } else {
                            "Click a column title to sort; segments are numbered by revenue"
                        },
                    );
                    self.table(ui, shown);
                    ui.add_space(tokens::SECTION_GAP);
                    heatmap::ui(ui, shown);
                }
                Page::Map => scatter::ui(ui, shown),
                Page::ChoiceOfK => sweep_chart::ui(ui, shown, out),
                Page::Compare => self.compare.ui(ui, shown),
                Page::RfmClv => self.rfm_clv.ui(ui, shown),
            });
    }
}

impl SegmentsView {
    fn table(&mut self, ui: &mut Ui, shown: &Shown<'_>) {
        let mut rows: Vec<&SegmentFigures> = shown.figures.segments.iter().collect();
        let key = |s: &SegmentFigures| -> f64 {
            match self.sort {
                SortKey::Segment => s.index as f64,
                SortKey::Customers => s.customers as f64,
                SortKey::Revenue => s.revenue.unwrap_or(f64::NEG_INFINITY),
                SortKey::AvgSpend => s.avg_spend.unwrap_or(f64::NEG_INFINITY),
                SortKey::Promo => s.promo_rate.unwrap_or(f64::NEG_INFINITY),
                SortKey::Discount => s.discount_rate.unwrap_or(f64::NEG_INFINITY),
            }
        };
        rows.sort_by(|a, b| key(a).total_cmp(&key(b)));
        if self.descending {
            rows.reverse();
        }
        let opt = |v: Option<f64>, f: fn(f64) -> String| v.map_or_else(|| "n/a".into(), f);
        egui::Grid::new("segment-table")
            .striped(true)
            .min_col_width(70.0)
            .spacing([18.0, 8.0])
            .show(ui, |ui| {
                for (title, key, tip) in [
                    (
                        "Segment",
                        SortKey::Segment,
                        "Segment number and persona name",
                    ),
                    (
                        "Customers",
                        SortKey::Customers,
                        "Customers and share of all customers",
                    ),
                    (
                        "Revenue",
                        SortKey::Revenue,
                        "Total spend and share of all revenue",
                    ),
                    (
                        "Spend per customer",
                        SortKey::AvgSpend,
                        "Average total spend per customer",
                    ),
                    (
                        "Promo response",
                        SortKey::Promo,
                        "Share who accepted at least one campaign",
                    ),
                    (
                        "Discount addiction",
                        SortKey::Discount,
                        "Share flagged as discount-addicted",
                    ),
                ] {
                    self.header(ui, title, key, tip, shown.presenting);
                }
                ui.end_row();
                // Cells start where the text of the (clickable) column titles starts.
                let indent = if shown.presenting {
                    0.0
                } else {
                    ui.spacing().button_padding.x
                };
                let cell = |ui: &mut Ui, text: String| {
                    ui.horizontal(|ui| {
                        ui.add_space(indent);
                        ui.label(text);
                    });
                };
                for s in rows {
                    ui.horizontal(|ui| {
                        ui.add_space(indent);
                        widgets::segment_label(ui, s.index, &shown.segment_title(s.index));
                    });
                    cell(
                        ui,
                        format!(
                            "{}  ({})",
                            format::count(s.customers),
                            percent(s.customer_pct, Percent::OneDecimal)
                        ),
                    );
                    cell(
                        ui,
                        match (s.revenue, s.revenue_pct) {
                            (Some(r), Some(p)) => {
                                format!(
                                    "{}  ({})",
                                    format::thousands(r),
                                    percent(p, Percent::OneDecimal)
                                )
                            }
                            _ => "n/a".into(),
                        },
                    );
                    cell(ui, opt(s.avg_spend, |v| format::number(v, 1_000.0)));
                    cell(
                        ui,
                        opt(s.promo_rate, |v| percent(100.0 * v, Percent::OneDecimal)),
                    );
                    cell(
                        ui,
                        opt(s.discount_rate, |v| percent(100.0 * v, Percent::OneDecimal)),
                    );
                    ui.end_row();
                }
            });
    }

    fn header(&mut self, ui: &mut Ui, title: &str, key: SortKey, tip: &str, presenting: bool) {
        if presenting {
            ui.label(RichText::new(title).strong());
            return;
        }
        let arrow = match (self.sort == key, self.descending) {
            (true, false) => " ⏶",
            (true, true) => " ⏷",
            _ => "",
        };
        let response = ui
            .selectable_label(
                self.sort == key,
                RichText::new(format!("{title}{arrow}")).strong(),
            )
            .on_hover_text(format!("{tip}. Click to sort."));
        if response.clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = key != SortKey::Segment;
            }
        }
    }
}
