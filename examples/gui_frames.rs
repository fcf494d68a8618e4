//! Frame times of the workbench on a large analysis, headless:
//! `cargo run --release --example gui_frames -- --customers 1000000 [--seeds N] [--rounds N]`.
//!
//! Generates the customers with `sis::generate` (seed 7) in memory, loads them with the
//! product's loader, runs the segmentation through the workbench's own Run command, then for
//! every tab (and every page of Segments) measures frames while switching to it, moving the
//! pointer over its charts and, on Segments, sorting the table by each column. A frame is the
//! egui pass (the app's logic and drawing, with the AccessKit tree the test harness asks for)
//! plus tessellation. Prints p50, p95 and the slowest frame per view and overall.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and tool code may stop on a broken setup

use egui::{Key, Modifiers, Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sis::config::RunConfig;
use sis::generate::{GeneratorConfig, write_customers};
use sis::gui::Workbench;
use sis::ingest::{LoadOptions, load_bytes};
use std::time::{Duration, Instant};

/// A frame must take less than this to keep 60 frames per second.
const BUDGET_MS: f64 = 16.0;
const WINDOW: egui::Vec2 = egui::vec2(1440.0, 900.0);

struct Options {
    customers: usize,
    seeds: Option<usize>,
    rounds: usize,
}

fn options() -> anyhow::Result<Options> {
    let mut options = Options {
        customers: 1_000_000,
        seeds: None,
        rounds: 3,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || -> anyhow::Result<usize> {
            let text = args
                .next()
                .ok_or_else(|| anyhow::anyhow!("{flag} needs a number"))?;
            Ok(text.replace('_', "").parse()?)
        };
        match flag.as_str() {
            "--customers" => options.customers = value()?,
            "--seeds" => options.seeds = Some(value()?),
            "--rounds" => options.rounds = value()?.max(1),
            other => {
                anyhow::bail!("unknown option {other}; use --customers N, --seeds N or --rounds N")
            }
        }
    }
    Ok(options)
}

/// Frame times of one view, in milliseconds.
#[derive(Default)]
struct Timings {
    view: String,
    frames: Vec<f64>,
}

impl Timings {
    fn percentile(&self, p: f64) -> f64 {
        percentile(&self.frames, p)
    }
}

fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

type App = Harness<'static, Workbench>;

/// Run one frame and tessellate it, as the window would; returns the milliseconds spent.
fn frame(app: &mut App) -> f64 {
    let started = Instant::now();
    app.step();
    let egui_time = started.elapsed();
    let shapes = app.output().shapes.clone();
    let pixels_per_point = app.output().pixels_per_point;
    let started = Instant::now();
    let primitives = app.ctx.tessellate(shapes, pixels_per_point);
    let tessellate_time = started.elapsed();
    std::hint::black_box(primitives);
    (egui_time + tessellate_time).as_secs_f64() * 1e3
}

/// Frames while the pointer sweeps the central area in a zig-zag, `steps` positions.
fn sweep_pointer(app: &mut App, timings: &mut Timings, steps: usize) {
    let (top, bottom) = (150.0, WINDOW.y - 60.0);
    for i in 0..steps {
        let t = i as f32 / steps.max(1) as f32;
        let row = (t * 6.0).floor();
        let along = (t * 6.0).fract();
        let x = if row as i32 % 2 == 0 {
            along
        } else {
            1.0 - along
        };
        let pos = pos2(
            30.0 + x * (WINDOW.x - 60.0),
            top + (bottom - top) * (row + 0.5) / 6.0,
        );
        app.hover_at(pos);
        timings.frames.push(frame(app));
    }
}

fn click_label(app: &mut App, label: &str) -> Option<Pos2> {
    let centre = app
        .query_all_by_label(label)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)?
        .rect()
        .center();
    app.hover_at(centre);
    app.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    app.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    Some(centre)
}

/// A column title of the segment table, with or without its sort arrow.
fn is_header(label: &str, column: &str) -> bool {
    label
        .strip_prefix(column)
        .is_some_and(|rest| rest.is_empty() || rest == " ⏶" || rest == " ⏷")
}

/// Say so when the view does not show what it should (the figures would mean nothing).
fn check_shows(app: &App, view: &str, text: &str) {
    if app.query_all_by_label_contains(text).next().is_none() {
        eprintln!("warning: {view} does not show {text:?}; its timings are not meaningful");
    }
}

fn measure_tab(
    app: &mut App,
    (key, name, expected): (Key, &str, &str),
    all: &mut Vec<Timings>,
    rounds: usize,
) {
    let mut timings = Timings {
        view: name.into(),
        ..Timings::default()
    };
    for _ in 0..rounds {
        // Switch away and back: the first frame of a tab is where per-run work would show.
        app.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
        frame(app);
        app.key_press_modifiers(Modifiers::COMMAND, key);
        timings.frames.push(frame(app));
        timings.frames.push(frame(app));
        check_shows(app, name, expected);
        sweep_pointer(app, &mut timings, 60);
    }
    all.push(timings);
}

fn measure_segments(app: &mut App, all: &mut Vec<Timings>, rounds: usize) {
    app.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    frame(app);
    for (page, expected) in [
        ("Table and profiles", "Profile heatmap"),
        ("Customer map", "Showing a fixed sample"),
        ("Choice of k", "Every k"),
        ("Compare two segments", "Only clear differences"),
    ] {
        let mut timings = Timings {
            view: format!("Segments: {page}"),
            ..Timings::default()
        };
        for _ in 0..rounds {
            if click_label(app, page).is_none() {
                eprintln!("warning: no {page:?} page button found");
            }
            timings.frames.push(frame(app));
            timings.frames.push(frame(app));
            check_shows(app, page, expected);
            if page == "Table and profiles" {
                for column in [
                    "Customers",
                    "Revenue",
                    "Spend per customer",
                    "Promo response",
                    "Discount addiction",
                    "Segment",
                ] {
                    // Twice: ascending, then descending.
                    for _ in 0..2 {
                        let label = app
                            .query_all_by_label_contains(column)
                            .map(|n| n.accesskit_node().label().unwrap_or_default().to_string())
                            .find(|l| is_header(l, column));
                        if let Some(label) = label {
                            click_label(app, &label);
                        }
                        timings.frames.push(frame(app));
                    }
                }
            }
            sweep_pointer(app, &mut timings, 60);
        }
        all.push(timings);
    }
}

fn main() -> anyhow::Result<()> {
    let options = options()?;
    println!(
        "Generating {} customers (seed 7)…",
        sis::format::count(options.customers)
    );
    let started = Instant::now();
    let mut csv = Vec::new();
    write_customers(
        &GeneratorConfig {
            customers: options.customers,
            seed: 7,
        },
        &mut csv,
    )?;
    let table = load_bytes(&csv, "generated_customers.csv", &LoadOptions::default())?;
    drop(csv);
    println!(
        "  generated and loaded in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let mut workbench = Workbench::for_tests();
    let mut config = RunConfig::default();
    if let Some(seeds) = options.seeds {
        config.seeds = seeds;
    }
    workbench.set_run_config(config);
    workbench.open_table(table);
    let mut app: App = Harness::builder()
        .with_size(WINDOW)
        .build_eframe(move |_cc| workbench);
    app.run_steps(2);
    let started = Instant::now();
    println!("Running the segmentation through the workbench…");
    click_label(&mut app, "Run segmentation")
        .ok_or_else(|| anyhow::anyhow!("no Run segmentation button on the mapping screen"))?;
    app.step();
    while app.state().is_busy() {
        // The worker runs; the window polls it a few times a second.
        std::thread::sleep(Duration::from_millis(100));
        app.step();
    }
    app.run_steps(3);
    let analysis = app
        .state()
        .analysis()
        .ok_or_else(|| anyhow::anyhow!("the run produced no analysis (see the window's notice)"))?;
    println!(
        "  {} customers in {} segments, in {:.1} s",
        sis::format::count(analysis.segmentation.labels.len()),
        analysis.segmentation.k,
        started.elapsed().as_secs_f64()
    );

    let mut all = Vec::new();
    let rounds = options.rounds;
    measure_tab(
        &mut app,
        (Key::Num1, "Overview", "Key decisions"),
        &mut all,
        rounds,
    );
    measure_segments(&mut app, &mut all, rounds);
    for tab in [
        (Key::Num3, "Personas", "Persona cards"),
        (Key::Num4, "Simulation", "Levers"),
        (Key::Num5, "Data", "Data quality"),
        (Key::Num6, "Export", "Export the analysis"),
    ] {
        measure_tab(&mut app, tab, &mut all, rounds);
    }

    let every: Vec<f64> = all.iter().flat_map(|t| t.frames.iter().copied()).collect();
    println!();
    println!(
        "Frame times at {} customers (ms; egui pass + tessellation; {}×{} window)",
        sis::format::count(options.customers),
        WINDOW.x,
        WINDOW.y
    );
    println!(
        "{:<34} {:>7} {:>8} {:>8} {:>8}",
        "View", "frames", "p50", "p95", "max"
    );
    for t in &all {
        println!(
            "{:<34} {:>7} {:>8.2} {:>8.2} {:>8.2}",
            t.view,
            t.frames.len(),
            t.percentile(50.0),
            t.percentile(95.0),
            t.percentile(100.0)
        );
    }
    println!(
        "{:<34} {:>7} {:>8.2} {:>8.2} {:>8.2}",
        "All views",
        every.len(),
        percentile(&every, 50.0),
        percentile(&every, 95.0),
        percentile(&every, 100.0)
    );
    let slow: Vec<&Timings> = all
        .iter()
        .filter(|t| t.percentile(100.0) >= BUDGET_MS)
        .collect();
    if slow.is_empty() {
        println!("Every frame stayed under {BUDGET_MS} ms.");
    } else {
        for t in slow {
            println!(
                "SLOW: {} has frames over {BUDGET_MS} ms (max {:.2} ms)",
                t.view,
                t.percentile(100.0)
            );
        }
    }
    Ok(())
}
