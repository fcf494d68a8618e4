//! The five levers as cards: switch each on or off, set its main setting with a slider (moving
//! it switches the lever on), pick its segments and options. Hovering a lever shows its
//! one-line formula. A lever or segment the data cannot support is disabled with the reason.

use super::Support;
use super::edits::Edits;
use crate::format::thousands;
use crate::gui::document::history::ScenarioField;
use crate::gui::tokens::{self, Palette};
use crate::gui::widgets;
use crate::simulate::{
    ANY_CAMPAIGN, BudgetShift, Campaign, ChannelShift, ChannelSource, DiscountDepth, LeverDetail,
    LeverKind, LeverSettings, LeverStatus, Retention, ShiftMode, chosen,
};
use egui::{RichText, Ui};

/// The accessible label of a lever's main slider.
pub(crate) fn slider_label(lever: LeverKind) -> &'static str {
    match lever {
        LeverKind::BudgetShift => "Share of budget moved",
        LeverKind::DiscountDepth => "Extra discount",
        LeverKind::Campaign => "Share of customers contacted",
        LeverKind::ChannelShift => "Share of purchases moved to web",
        LeverKind::Retention => "Recency reduction",
    }
}

/// Switch a lever on with its documented defaults.
pub(crate) fn switch_on(levers: &mut LeverSettings, lever: LeverKind) {
    match lever {
        LeverKind::BudgetShift => levers.budget_shift = Some(BudgetShift::default()),
        LeverKind::DiscountDepth => levers.discount = Some(DiscountDepth::default()),
        LeverKind::Campaign => levers.campaign = Some(Campaign::default()),
        LeverKind::ChannelShift => levers.channel = Some(ChannelShift::default()),
        LeverKind::Retention => levers.retention = Some(Retention::default()),
    }
}

fn default_setting(lever: LeverKind) -> f64 {
    let mut levers = LeverSettings::default();
    switch_on(&mut levers, lever);
    levers.setting(lever).unwrap_or(0.0)
}

pub(super) fn ui(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>) {
    widgets::section(
        ui,
        "Levers",
        "Moving a slider switches its lever on; hover a lever for its formula",
    );
    for lever in LeverKind::ALL {
        card(ui, support, edits, lever);
        ui.add_space(tokens::ITEM_GAP * 0.5);
    }
}

/// The on/off switch of a lever, with its formula (or why it is unavailable) as the tooltip.
pub(super) fn switch(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>, lever: LeverKind) {
    let reason = support.unavailable(lever);
    let mut on = edits.next.levers.is_on(lever);
    let response = ui
        .add_enabled(
            reason.is_none() || on,
            egui::Checkbox::new(&mut on, RichText::new(lever.label()).strong()),
        )
        .on_hover_text(lever.formula())
        .on_disabled_hover_text(format!("Not available: {}", reason.unwrap_or_default()));
    if response.changed() {
        if on {
            switch_on(&mut edits.next.levers, lever);
        } else {
            edits.next.levers.turn_off(lever);
        }
    }
    edits.track(ScenarioField::Options(lever), &response);
}

/// A lever's main slider, in percent; moving it switches the lever on.
pub(super) fn slider(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>, lever: LeverKind) {
    let (lo, hi) = lever.setting_range();
    let value = edits
        .next
        .levers
        .setting(lever)
        .unwrap_or_else(|| default_setting(lever));
    let mut pct = value * 100.0;
    let label = ui.label(slider_label(lever));
    let enabled = support.unavailable(lever).is_none();
    let response = ui
        .add_enabled(
            enabled,
            egui::Slider::new(&mut pct, lo * 100.0..=hi * 100.0)
                .suffix("%")
                .fixed_decimals(1),
        )
        .labelled_by(label.id)
        .on_hover_text(lever.formula());
    if response.changed() {
        edits
            .next
            .levers
            .set_setting(lever, (pct / 100.0).clamp(lo, hi));
    }
    edits.track(ScenarioField::Setting(lever), &response);
}

fn card(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>, lever: LeverKind) {
    let palette = Palette::current(ui.ctx());
    tokens::card_frame(&palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        switch(ui, support, edits, lever);
        ui.label(
            RichText::new(lever.formula())
                .size(tokens::SMALL_SIZE)
                .color(palette.muted),
        );
        if let Some(reason) = support.unavailable(lever) {
            ui.label(RichText::new(format!("Not available: {reason}")).color(palette.warn));
            return;
        }
        ui.horizontal(|ui| slider(ui, support, edits, lever));
        options(ui, support, edits, lever);
        summary(ui, support, edits, lever, &palette);
    });
}

fn options(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>, lever: LeverKind) {
    match lever {
        LeverKind::BudgetShift => budget_options(ui, support, edits),
        LeverKind::Campaign => campaign_options(ui, support, edits),
        LeverKind::ChannelShift => channel_options(ui, edits),
        LeverKind::DiscountDepth | LeverKind::Retention => {}
    }
    if lever != LeverKind::BudgetShift {
        segment_choice(ui, support, edits, lever);
    }
}

/// What the lever does now, from this frame's settings.
fn summary(
    ui: &mut Ui,
    support: &Support<'_>,
    edits: &Edits<'_>,
    lever: LeverKind,
    palette: &Palette,
) {
    let simulation = edits.next.simulate(support.base);
    let text = match &simulation.lever(lever).status {
        LeverStatus::Off => "Off".to_string(),
        LeverStatus::Unavailable { reason } => format!("Not available: {reason}"),
        LeverStatus::Applied(effect) => {
            let t = effect.total();
            format!(
                "Net impact {} · revenue {} · cost {}",
                thousands(t.margin_change),
                thousands(t.revenue_change),
                thousands(t.cost)
            )
        }
    };
    ui.label(RichText::new(text).color(palette.strong));
}

fn budget_options(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>) {
    let field = ScenarioField::Options(LeverKind::BudgetShift);
    let (source, target) = match &support.probe.lever(LeverKind::BudgetShift).status {
        LeverStatus::Applied(e) => match &e.detail {
            LeverDetail::BudgetShift { source, target, .. } => (*source, *target),
            _ => (None, None),
        },
        _ => (None, None),
    };
    let mut shift = edits.next.levers.budget_shift.clone().unwrap_or_default();
    let before = shift.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Shift mode");
        for (mode, text, tip) in [
            (ShiftMode::Segments, "Between two segments", "From one segment to another"),
            (
                ShiftMode::Population,
                "Population (medians)",
                "From customers with Deal_Dependency ≥ its median to customers with CLV_Proxy ≥ its median",
            ),
        ] {
            let r = ui
                .radio_value(&mut shift.mode, mode, text)
                .labelled_by(label.id)
                .on_hover_text(tip);
            edits.track(field, &r);
        }
    });
    if shift.mode == ShiftMode::Segments {
        let k = support.base.k();
        for (what, slot, default, note) in [
            (
                "From segment",
                &mut shift.source,
                source,
                "highest deal dependency",
            ),
            ("To segment", &mut shift.target, target, "highest CLV proxy"),
        ] {
            ui.horizontal(|ui| {
                let label = ui.label(what);
                let title = |n: Option<u32>| match n {
                    Some(n) => support.shown.segment_title(n as usize - 1),
                    None => format!(
                        "Default: {} ({note})",
                        default.map_or("none".into(), |s| format!("S{}", s + 1))
                    ),
                };
                let r = egui::ComboBox::from_id_salt(what)
                    .selected_text(title(*slot))
                    .truncate()
                    .width((ui.available_width() - 8.0).max(120.0))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(slot, None, title(None));
                        for s in 0..k {
                            let n = Some(s as u32 + 1);
                            ui.selectable_value(slot, n, title(n));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                edits.track(field, &r);
            });
        }
    }
    if shift != before {
        edits.next.levers.budget_shift = Some(shift);
        edits.track_change(field);
    }
}

fn campaign_options(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>) {
    let field = ScenarioField::Options(LeverKind::Campaign);
    let mut campaign = edits.next.levers.campaign.clone().unwrap_or_default();
    let before = campaign.response.clone();
    let shown = |name: &str| {
        if name == ANY_CAMPAIGN {
            "Any campaign".to_string()
        } else {
            name.to_string()
        }
    };
    ui.horizontal(|ui| {
        let label = ui.label("Response rate from");
        let r = egui::ComboBox::from_id_salt("campaign-response")
            .selected_text(shown(&campaign.response))
            .show_ui(ui, |ui| {
                for name in &support.base.responses {
                    ui.selectable_value(&mut campaign.response, name.clone(), shown(name));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "The campaign column whose acceptances give each segment's response rate",
            );
        edits.track(field, &r);
    });
    if campaign.response != before {
        edits.next.levers.campaign = Some(campaign);
        edits.track_change(field);
    }
}

fn channel_options(ui: &mut Ui, edits: &mut Edits<'_>) {
    let field = ScenarioField::Options(LeverKind::ChannelShift);
    let mut channel = edits.next.levers.channel.clone().unwrap_or_default();
    let before = channel.from;
    ui.horizontal(|ui| {
        let label = ui.label("Move from");
        for (from, text) in [
            (ChannelSource::Store, "Store"),
            (ChannelSource::Catalog, "Catalog"),
            (ChannelSource::Both, "Store and catalog"),
        ] {
            let r = ui
                .radio_value(&mut channel.from, from, text)
                .labelled_by(label.id);
            edits.track(field, &r);
        }
    });
    if channel.from != before {
        edits.next.levers.channel = Some(channel);
        edits.track_change(field);
    }
}

fn segments_of(levers: &mut LeverSettings, lever: LeverKind) -> Option<&mut Vec<u32>> {
    match lever {
        LeverKind::BudgetShift => None,
        LeverKind::DiscountDepth => levers.discount.as_mut().map(|l| &mut l.segments),
        LeverKind::Campaign => levers.campaign.as_mut().map(|l| &mut l.segments),
        LeverKind::ChannelShift => levers.channel.as_mut().map(|l| &mut l.segments),
        LeverKind::Retention => levers.retention.as_mut().map(|l| &mut l.segments),
    }
}

/// One checkbox per segment (all ticked: every segment); a segment the data cannot support is
/// disabled with the reason, and the last ticked one cannot be unticked.
fn segment_choice(ui: &mut Ui, support: &Support<'_>, edits: &mut Edits<'_>, lever: LeverKind) {
    let k = support.base.k();
    let numbers = edits.next.levers.segments(lever).unwrap_or(&[]).to_vec();
    let mut picked = chosen(&numbers, k);
    let elasticity = match &support.probe.lever(lever).status {
        LeverStatus::Applied(e) => match &e.detail {
            LeverDetail::Discount { elasticity, .. } => Some(elasticity.clone()),
            _ => None,
        },
        _ => None,
    };
    let mut changed = false;
    ui.label("Segments");
    let ticked = picked.iter().filter(|p| **p).count();
    for (s, on) in picked.iter_mut().enumerate().take(k) {
        let reason = support.segment_reason(lever, s);
        let mut text = support.shown.segment_title(s);
        if let Some(e) = elasticity.as_ref().and_then(|e| e.get(s)) {
            text = format!("{text} (elasticity {e:.2})");
        }
        let last = *on && ticked == 1;
        ui.horizontal(|ui| {
            widgets::segment_swatch(ui, s, 14.0);
            let r = ui
                .add_enabled(reason.is_none() && !last, egui::Checkbox::new(on, text))
                .on_disabled_hover_text(reason.map_or_else(
                    || "At least one segment stays chosen".to_string(),
                    |r| format!("Not available: {r}"),
                ));
            if r.changed() {
                changed = true;
            }
            edits.track(ScenarioField::Options(lever), &r);
        });
    }
    if changed {
        if !edits.next.levers.is_on(lever) {
            switch_on(&mut edits.next.levers, lever);
        }
        if let Some(list) = segments_of(&mut edits.next.levers, lever) {
            *list = if picked.iter().all(|p| *p) {
                Vec::new()
            } else {
                (0..k)
                    .filter(|&s| picked[s])
                    .map(|s| s as u32 + 1)
                    .collect()
            };
        }
    }
}
