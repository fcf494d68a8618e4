//! Fuzz target: any text as a scenario file (`sis simulate --scenario FILE.toml`) gives a
//! scenario or a clean error; a parsed scenario is checked against four segments and written
//! back as TOML without a panic.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run scenario_file fuzz/corpus/scenario_file`
#![no_main]

use libfuzzer_sys::fuzz_target;
use sis::simulate::{parse_scenario, scenario_to_toml};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scenario) = parse_scenario(text, "fuzz.toml") {
        let _ = scenario.check(4);
        let _ = scenario_to_toml(&scenario);
    }
});
