//! A damaged or hostile bundle never crashes sis and never costs the user a saved session:
//! every truncation, thousands of byte flips, wrong magic, future and retired versions, huge
//! length prefixes and a crash in the middle of a save each end in a clean, named error.

use crate::common;

use common::bundle_bytes::{header_len, sections, wrap};
use common::small_session;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use sis::session::{FORMAT_VERSION, Session, SessionError, SessionStore};

fn small_bundle() -> Vec<u8> {
    small_session().to_bytes().unwrap()
}

#[test]
fn the_documented_layout_is_the_real_one() {
    let bundle = small_bundle();
    let (manifest, payload) = sections(&bundle);
    assert_eq!(wrap(FORMAT_VERSION, &manifest, &payload), bundle);
}

#[test]
fn every_truncation_is_a_clean_error() {
    let bundle = small_bundle();
    for len in 0..bundle.len() {
        let err = Session::from_bytes(&bundle[..len]).unwrap_err();
        let expected = matches!(
            err,
            SessionError::TruncatedHeader { .. } | SessionError::LengthMismatch { .. }
        ) || (len < 4 && matches!(err, SessionError::NotABundle { .. }));
        assert!(expected, "cut at {len}: {err}");
    }
}

#[test]
fn every_truncation_of_a_checksummed_payload_is_a_clean_error() {
    // With the header and checksums rewritten to match, the decoder itself meets every cut.
    let (manifest, payload) = sections(&small_bundle());
    for len in 0..payload.len() {
        let err =
            Session::from_bytes(&wrap(FORMAT_VERSION, &manifest, &payload[..len])).unwrap_err();
        assert!(
            matches!(err, SessionError::Decode { .. }),
            "payload cut at {len}: {err}"
        );
    }
    for len in 0..manifest.len() {
        let err =
            Session::from_bytes(&wrap(FORMAT_VERSION, &manifest[..len], &payload)).unwrap_err();
        assert!(
            matches!(err, SessionError::Inconsistent { .. }),
            "manifest cut at {len}: {err}"
        );
    }
}

#[test]
fn thousands_of_random_byte_flips_are_caught() {
    let bundle = small_bundle();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(0x5E55_1011);
    for round in 0..3_000 {
        let mut damaged = bundle.clone();
        for _ in 0..rng.gen_range(1..=3) {
            let at = rng.gen_range(0..damaged.len());
            damaged[at] ^= rng.gen_range(1..=255u8);
        }
        let err = Session::from_bytes(&damaged).unwrap_err();
        assert!(!err.to_string().is_empty(), "round {round}");
    }
}

#[test]
fn hostile_payloads_with_valid_checksums_never_panic() {
    // Flips inside the payload, checksums recomputed: decoding must fail cleanly, or succeed
    // with a whole session that saves back to exactly the bytes it was read from.
    let (manifest, payload) = sections(&small_bundle());
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(0xBAD_5E55);
    let (mut refused, mut accepted) = (0, 0);
    for _ in 0..3_000 {
        let mut hostile = payload.clone();
        for _ in 0..rng.gen_range(1..=4) {
            let at = rng.gen_range(0..hostile.len());
            hostile[at] = rng.r#gen();
        }
        let bundle = wrap(FORMAT_VERSION, &manifest, &hostile);
        match Session::from_bytes(&bundle) {
            Ok(session) => {
                accepted += 1;
                let (m, p) = sections(&session.to_bytes().unwrap());
                assert_eq!((m, p), (manifest.clone(), hostile));
            }
            Err(_) => refused += 1,
        }
    }
    assert!(refused > 0 && refused + accepted == 3_000);
}

#[test]
fn wrong_magic_is_named() {
    let mut bundle = small_bundle();
    bundle[..4].copy_from_slice(b"PK\x03\x04");
    let err = Session::from_bytes_named(&bundle, "sessions/demo.sis").unwrap_err();
    assert_eq!(
        err.to_string(),
        "sessions/demo.sis: not a Strategic Intelligence Stack session (wrong magic bytes); open a .sis file saved by sis"
    );
}

#[test]
fn a_future_version_asks_for_an_update() {
    let (manifest, payload) = sections(&small_bundle());
    let next = FORMAT_VERSION + 1;
    let err = Session::from_bytes_named(&wrap(next, &manifest, &payload), "next.sis").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("next.sis: made by a newer sis (format {next}); update sis to open it")
    );
    let err = Session::from_bytes(&wrap(u32::MAX, b"", b"")).unwrap_err();
    assert!(matches!(
        err,
        SessionError::NewerFormat {
            version: u32::MAX,
            ..
        }
    ));
}

#[test]
fn the_pre_release_format_is_refused_with_what_to_do() {
    let (manifest, payload) = sections(&small_bundle());
    let err = Session::from_bytes_named(&wrap(0, &manifest, &payload), "old.sis").unwrap_err();
    assert_eq!(
        err.to_string(),
        "old.sis: format 0 was a pre-release; re-run the analysis from the data and save it again"
    );
}

#[test]
fn a_huge_length_prefix_in_the_header_is_refused_before_reading() {
    let bundle = small_bundle();
    let h = header_len(&bundle);
    let mut huge = bundle.clone();
    huge[h - 104..h - 96].copy_from_slice(&100_000_000_000u64.to_le_bytes());
    let err = Session::from_bytes_named(&huge, "big.sis").unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, SessionError::LengthMismatch { .. }), "{text}");
    assert!(
        text.contains("100000") && text.contains("truncated or damaged"),
        "{text}"
    );
    // Lengths that overflow u64 when added are refused the same way.
    let mut max = bundle;
    max[h - 112..h - 96].copy_from_slice(&[0xFF; 16]);
    assert!(matches!(
        Session::from_bytes(&max).unwrap_err(),
        SessionError::LengthMismatch { .. }
    ));
}

#[test]
fn a_huge_length_inside_a_checksummed_payload_is_refused() {
    let (manifest, payload) = sections(&small_bundle());
    // The payload opens with the data's file name: an 8-byte length, then the text.
    for claimed in [100_000_000_000u64, u64::MAX, 1 << 20, payload.len() as u64] {
        let mut hostile = payload.clone();
        hostile[..8].copy_from_slice(&claimed.to_le_bytes());
        let err = Session::from_bytes(&wrap(FORMAT_VERSION, &manifest, &hostile)).unwrap_err();
        let text = err.to_string();
        assert!(
            matches!(err, SessionError::Decode { .. }),
            "{claimed}: {text}"
        );
        assert!(
            text.contains("claims more bytes") || text.contains("ends in the middle"),
            "{text}"
        );
    }
}

#[test]
fn a_crash_mid_save_leaves_the_previous_bundle_intact() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::new(dir.path());
    let path = store.path_for("work");
    let before = small_session();
    before.save(&path).unwrap();
    let saved = std::fs::read(&path).unwrap();

    let mut edited = before.clone();
    let mut half = sis::simulate::Scenario::named("Half-saved");
    half.levers
        .set_setting(sis::simulate::LeverKind::ChannelShift, 0.9);
    edited.scenarios.save(half).unwrap();
    // The process dies after writing the temporary file: no rename, no clean-up.
    let staged = edited.stage_save(&path).unwrap();
    let temp = staged.temp_path().to_path_buf();
    std::mem::forget(staged);
    assert!(temp.exists());
    // And an earlier save died halfway through writing its temporary file.
    let torn = dir.path().join(".work.sis.99999-0.tmp");
    let edited_bytes = edited.to_bytes().unwrap();
    std::fs::write(&torn, &edited_bytes[..edited_bytes.len() / 2]).unwrap();

    assert_eq!(std::fs::read(&path).unwrap(), saved);
    let reopened = Session::open(&path).unwrap();
    assert_eq!(reopened.scenarios, before.scenarios);
    assert_eq!(reopened.to_bytes().unwrap(), saved);
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 1, "temporary files are not sessions");

    // The next save goes through and replaces the bundle in one step.
    edited.save(&path).unwrap();
    assert_eq!(Session::open(&path).unwrap().scenarios, edited.scenarios);
}

#[test]
fn a_crafted_session_with_out_of_range_segments_is_refused() {
    let mut session = small_session();
    let k = session.analysis.segmentation.k as u32;
    session.analysis.segmentation.labels[0] = k;
    let bundle = session.to_bytes().unwrap();
    let err = Session::from_bytes(&bundle).unwrap_err();
    assert!(matches!(err, SessionError::Inconsistent { .. }), "{err}");
    assert!(err.to_string().contains("segment"), "{err}");

    let mut session = small_session();
    session.ui.compare = Some((0, 99));
    let err = Session::from_bytes(&session.to_bytes().unwrap()).unwrap_err();
    assert!(err.to_string().contains("compared"), "{err}");

    let mut session = small_session();
    if let sis::table::ColumnData::Numeric(v) = &mut session.table.columns[1].data {
        v.pop();
    }
    let err = Session::from_bytes(&session.to_bytes().unwrap()).unwrap_err();
    assert!(err.to_string().contains("has 39 rows"), "{err}");

    let mut session = small_session();
    let text = session
        .table
        .columns
        .iter_mut()
        .find_map(|c| match &mut c.data {
            sis::table::ColumnData::Text { codes, .. } => Some(codes),
            _ => None,
        })
        .unwrap();
    text[3] = 1_000;
    let err = Session::from_bytes(&session.to_bytes().unwrap()).unwrap_err();
    assert!(err.to_string().contains("refers to level 1000"), "{err}");

    let mut session = small_session();
    session.analysis.segmentation.centroids.pop();
    let err = Session::from_bytes(&session.to_bytes().unwrap()).unwrap_err();
    assert!(err.to_string().contains("centroid values"), "{err}");
}

#[test]
fn files_that_are_not_bundles_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.sis");
    let err = Session::open(&missing).unwrap_err();
    assert!(
        err.to_string()
            .contains("missing.sis: could not open the session"),
        "{err}"
    );
    let csv = dir.path().join("data.sis");
    std::fs::write(&csv, b"ID,Income\n1,2\n").unwrap();
    let err = Session::open(&csv).unwrap_err();
    assert!(matches!(err, SessionError::NotABundle { .. }), "{err}");
    let empty = dir.path().join("empty.sis");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        Session::open(&empty).unwrap_err(),
        SessionError::TruncatedHeader { .. }
    ));
}
